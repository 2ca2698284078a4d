"""Typed fact records produced by the extractors.

One record per mention. Field names are the column names of the `mentions` table of
CONTRACT.md; `as_row` fills the columns a type does not use with None.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal

FactType = Literal["money", "power", "date", "org"]
Qualifier = Literal["approx", "up_to", "more_than", "less_than", "vague"]
FACT_TYPES: tuple[FactType, ...] = ("money", "power", "date", "org")

QUALIFIERS: frozenset[str] = frozenset({"approx", "up_to", "more_than", "less_than", "vague"})
DATE_MODS: frozenset[str] = frozenset(
    {"early", "mid", "late", "H1", "H2", "Q1", "Q2", "Q3", "Q4",
     "spring", "summer", "autumn", "winter", "by", "since", "after", "circa"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A span of an article's text; `text == article_text[start:end]`."""

    type: ClassVar[FactType]
    start: int
    end: int
    text: str
    sentence: str

    def as_row(self) -> dict[str, Any]:
        row: dict[str, Any] = dict.fromkeys(MENTION_COLUMNS)
        row["type"] = self.type
        row.update({f.name: getattr(self, f.name) for f in fields(self)})
        return row


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyMention(Mention):
    type: ClassVar[FactType] = "money"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    explicit_currency: bool = True
    qualifier: Qualifier | None = None
    per: str | None = None
    magnitude: float | None = None  # vague amounts only ("des milliards" -> 1e9); informative
    parties: tuple[str, ...] = ()  # canonical orgs attached to the amount in the parse (parties.py)


@dataclass(frozen=True, slots=True, kw_only=True)
class PowerMention(Mention):
    type: ClassVar[FactType] = "power"
    value_gw: float | None = None
    low_gw: float | None = None
    high_gw: float | None = None
    qualifier: Qualifier | None = None
    magnitude: float | None = None
    parties: tuple[str, ...] = ()  # canonical orgs attached to the figure in the parse (parties.py)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention(Mention):
    type: ClassVar[FactType] = "date"
    date_value: str
    date_mod: str | None = None
    relative: bool = False  # resolved against the article's own date (GUIDELINES.md, relative dates)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgMention(Mention):
    type: ClassVar[FactType] = "org"
    canonical: str
    kind: str | None = None  # company | lab | public | consortium | media | other


# Contract columns first (CONTRACT.md order), then the columns this project adds.
MENTION_COLUMNS: tuple[str, ...] = (
    "article_id", "type", "start", "end", "text", "sentence",
    "value", "low", "high", "currency", "qualifier", "per",
    "value_gw", "low_gw", "high_gw",
    "date_value", "date_mod",
    "canonical",
    "explicit_currency", "magnitude", "kind",
    "parties", "relative",
)
