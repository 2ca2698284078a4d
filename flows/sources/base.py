"""What every input reader produces: an `Article` to extract from, or a `Rejected` naming why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text (each field null when its input does not say)."""

    title: str | None = None
    author: str | None = None
    url: str | None = None
    source: str | None = None  # the site or outlet: its name, else the URL's host
    language: str | None = None  # as declared by the page or record (`fr`), not guessed
    published: str | None = None  # YYYY-MM-DD or YYYY-MM; XXXX-MM-DD when a byline gives no year
    published_from: str | None = None  # `metadata`, `byline` or `dateline`
    encoding: str | None = None  # how the file's bytes were decoded (utf-8, utf-8-sig, utf-16-le, cp1252, latin-1)
    format: str | None = None  # the reader that took it: txt, md, html, json, jsonl


@dataclass(frozen=True, slots=True)
class Article:
    """An article read successfully; mention offsets index `text`, the text stored with the curated tables.

    `excluded` are the page-boilerplate ranges of `text` (paywall prompts, share lines, link lists...):
    kept in `text` so offsets hold, but blanked in what the extractors see.
    """

    article_id: str
    path: str
    sha256: str
    text: str
    meta: Metadata = Metadata()
    excluded: tuple[Range, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input file that could not be used, and why (it still gets an `articles` row)."""

    article_id: str
    path: str
    sha256: str | None
    reason: str
    meta: Metadata = Metadata()


class Unusable(Exception):
    """A reader cannot turn these bytes into an article text; the message is the reason a user reads."""


@dataclass(frozen=True, slots=True)
class Document:
    """One article a reader found in a file: its text and metadata, or why that record is unusable.

    `key` numbers a record within a file holding several (a JSON Lines line, a JSON list item; None for a
    one-article file); `sha256` is then the record's own hash, so one new record does not re-extract the others.
    """

    text: str
    meta: Metadata = Metadata()
    key: str | None = None
    sha256: str | None = None
    reason: str | None = None  # set when this record is unusable


class Reader(Protocol):
    """One input format: which file names it takes, whether a text's content is in it, and how a decoded
    text becomes the article(s) offsets will index."""

    name: str
    suffixes: tuple[str, ...]

    def claims(self, text: str) -> bool:
        """The content itself is clearly this format, whatever the file's name."""
        ...

    def documents(self, text: str) -> list[Document]:
        """The articles in the decoded file; raises `Unusable` with the reason when there are none."""
        ...
