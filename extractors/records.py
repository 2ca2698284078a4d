"""Typed mention records produced by the extractors.

One record per mention. Field names are column names of the `mentions` table (CONTRACT.md); each
field's `doc` describes its column in the exported Data Package. A record class is all a new fact
type needs to get its mention columns: their dtypes are read from the type hints (`registry.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

Qualifier = Literal["approx", "up_to", "more_than", "less_than", "vague"]

# The `mentions` columns CONTRACT.md fixes, in its order; every other column follows them.
CONTRACT_COLUMNS: tuple[str, ...] = (
    "article_id", "type", "start", "end", "text", "sentence",
    "value", "low", "high", "currency", "qualifier", "per",
    "value_gw", "low_gw", "high_gw",
    "date_value", "date_mod",
    "canonical",
)


def doc(text: str, default: Any = None) -> Any:
    """An optional record field with the description of its column."""
    return field(default=default, metadata={"doc": text})


def required(text: str) -> Any:
    """A record field every mention of the type has, with the description of its column."""
    return field(metadata={"doc": text})


_QUALIFIER = "null, `approx`, `up_to`, `more_than`, `less_than` or `vague`."
_PARTIES = "Canonical names of the organisations attached to the figure in the parse."
RELATIVE_DOC = ("Date: whether the value was resolved against the article's own date (`hier`, `mardi`, "
                "`l'an prochain`, `le 6 février dernier`).")
_ROLES = ("How each attached organisation stands in the figure's clause, `relation:name` (relation: subj, "
          "subj_pass, agent, obj or the preposition of its phrase); read for the deal roles.")
_PLACES = "Places (statistical LOC entities) named in the figure's sentence, as written; read for the deal's site."
_CUES = "Words on the figure's path up to the top of its clause (the noun and verb it hangs on), nearest first."
_MAGNITUDE = "Vague amounts only: the order of magnitude (`des milliards` -> 1e9); informative."


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A span of an article's text; `text == article_text[start:end]`."""

    type: ClassVar[str]
    start: int = required("Start offset (Python string index) of `text` in the article.")
    end: int = required("End offset (exclusive) of `text` in the article.")
    text: str = required("The surface string (for facts: the first mention's).")
    sentence: str = required("The sentence the mention was found in (for facts: the first mention's).")

    def as_row(self) -> dict[str, Any]:
        """The record as a `mentions` row (columns of other types are left out: they are null)."""
        return {"type": self.type, **{f.name: getattr(self, f.name) for f in fields(self)}}


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyMention(Mention):
    type: ClassVar[str] = "money"
    value: float | None = doc("Money: amount in currency units (null for a range or a vague amount).")
    low: float | None = doc("Money: lower bound of a range, in currency units.")
    high: float | None = doc("Money: upper bound of a range, in currency units.")
    currency: str | None = doc("Money: ISO 4217 currency code.")
    explicit_currency: bool = doc("Money: whether the currency is written next to the amount (else inferred).", True)
    qualifier: Qualifier | None = doc(_QUALIFIER)  # noqa: RUF009
    per: str | None = doc("Money: what the amount is per (`month`, `year`, `GW`, ...) or null.")
    magnitude: float | None = doc(_MAGNITUDE)
    parties: tuple[str, ...] = doc(_PARTIES, ())  # filled by the party step (parties.py)
    roles: tuple[str, ...] = doc(_ROLES, ())
    cues: tuple[str, ...] = doc(_CUES, ())
    places: tuple[str, ...] = doc(_PLACES, ())


@dataclass(frozen=True, slots=True, kw_only=True)
class PowerMention(Mention):
    type: ClassVar[str] = "power"
    value_gw: float | None = doc("Power: figure in gigawatts (null for a range or a vague figure).")
    low_gw: float | None = doc("Power: lower bound of a range, in gigawatts.")
    high_gw: float | None = doc("Power: upper bound of a range, in gigawatts.")
    qualifier: Qualifier | None = doc(_QUALIFIER)  # noqa: RUF009
    magnitude: float | None = doc(_MAGNITUDE)
    parties: tuple[str, ...] = doc(_PARTIES, ())
    roles: tuple[str, ...] = doc(_ROLES, ())
    cues: tuple[str, ...] = doc(_CUES, ())
    places: tuple[str, ...] = doc(_PLACES, ())


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention(Mention):
    type: ClassVar[str] = "date"
    date_value: str = required("Date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a range `A/B`, a decade `200X`, or `XXXX-MM`.")
    date_mod: str | None = doc("Date modifier: null or early, mid, late, H1, H2, Q1..Q4, spring, summer, autumn, "
                               "winter, by, since, after, circa.")
    relative: bool = doc(RELATIVE_DOC, False)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgMention(Mention):
    type: ClassVar[str] = "org"
    canonical: str = required("Organisation: the canonical name (one name per organisation across all articles).")
    kind: str | None = doc("Organisation kind: company, lab, public, consortium, media or other.")
