"""What every input reader produces: an `Article` to extract from, or a `Rejected` naming why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Article:
    """An article read successfully; mention offsets index `text`."""

    article_id: str
    path: str
    sha256: str
    text: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input file that could not be used, and why (it still gets an `articles` row)."""

    article_id: str
    path: str
    sha256: str | None
    reason: str


class Unusable(Exception):
    """A reader cannot turn these bytes into an article text; the message is the reason a user reads."""


class Reader(Protocol):
    """One input format: which file names it takes, and how their bytes become the article's text."""

    suffixes: tuple[str, ...]

    def decode(self, data: bytes) -> str:
        """The article's text (offsets index it); raises `Unusable` with the reason when there is none."""
        ...
