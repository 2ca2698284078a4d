"""Deduplicating mentions into curated fact tables (pure: DataFrames in, DataFrames out).

"The same fact", per type. A wrong merge is worse than a missed one, so every rule is conservative.

money and power — two mentions state the same fact when ALL of these hold:
- the same normalised figure: money (currency, value, low, high, per), power (value_gw, low_gw,
  high_gw). A range only matches the same range; a vague amount ("des milliards") has no figure
  and is never merged with another mention;
- compatible qualifiers: equal, or both in {exact, approx} ("environ 500 milliards" and
  "500 milliards" can be one report each of the same amount; "jusqu'à" and "plus de" cannot);
- the same parties: both mentions have organisations attached in the parse (`parties`,
  extractors/parties.py) and one set contains the other (the second article names fewer of them);
  within ONE article, sharing a party is enough: an article restating its own figure (lede, then
  body) attaches it to different neighbours of the same actor;
  a mention with no attached organisation cannot be told apart from others and stays its own fact;
- no contradicting date: when both sentences hold dates, they share a year.
Mentions are grouped greedily in reading order (article id, offset); a mention joins the first
group where it is compatible with every member (complete linkage: {Oracle} may join
{Oracle, OpenAI}, but {Oracle, OpenAI} and {Oracle, Meta} never end up in one group).

dates — the same date_value and date_mod AND the same event: the money/power facts stated in the
same sentence. A date in a sentence without any figure merges only with itself repeated in that
sentence: "en 2025" in two articles is the same date, not the same fact.

organisations — the same canonical name.

Each row carries a deterministic `fact_id`: a hash of the type, the normalised fields and the
first mention's (article_id, start), so it is stable across re-runs and machines.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from extractors.fact_types import FACT_TYPES
from extractors.registry import FactType, Registry
from flows.cells import cells, names, plain, records
from flows.curation.analyst import with_analyst_columns
from flows.curation.deals import deal_tables, source

LOOSE_QUALIFIERS: frozenset[str | None] = frozenset({None, "approx"})
FACT_COLUMNS: tuple[str, ...] = (
    "qualifier", "qualifiers", "parties", "organisations", "mentions", "article_ids", "sources",
    "text", "sentence",
)


def fact_id(kind: str, key: tuple[Any, ...]) -> str:
    """Stable across runs and machines: a hash of the fact type and its normalised key."""
    payload = json.dumps([kind, [plain(v) for v in key]], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


OrgsOf = dict[tuple[str, str], tuple[str, ...]]  # (article, sentence) -> canonical organisations


def orgs_by_sentence(mentions: pd.DataFrame) -> OrgsOf:
    """Canonical organisations named in each (article, sentence)."""
    orgs = mentions[mentions["type"] == "org"]
    names: dict[tuple[str, str], set[str]] = {}
    for article, sentence, name in cells(orgs, "article_id", "sentence", "canonical"):
        if not (pd.isna(article) or pd.isna(sentence)):  # as groupby, which drops null keys
            names.setdefault((article, sentence), set()).add(name)
    return {key: tuple(sorted(names[key])) for key in sorted(names)}


def years_by_sentence(mentions: pd.DataFrame) -> dict[tuple[str, str], frozenset[str]]:
    """The years (YYYY) the dates of each (article, sentence) mention."""
    out: dict[tuple[str, str], set[str]] = {}
    dates = mentions[mentions["type"] == "date"]
    for article, sentence, value in cells(dates, "article_id", "sentence", "date_value"):
        found = {part[:4] for part in str(value).split("/") if part[:4].isdigit()}
        out.setdefault((article, sentence), set()).update(found)
    return {key: frozenset(years) for key, years in out.items()}


@dataclass(frozen=True)
class Figure:
    """One money or power mention with what decides its identity."""

    row: dict[str, Any]
    key: tuple[Any, ...]
    parties: frozenset[str]
    years: frozenset[str]
    numbers: tuple[str, ...]

    @property
    def vague(self) -> bool:
        """No single figure ("des milliards", "plusieurs gigawatts")."""
        return self.qualifier == "vague" or all(plain(self.row[c]) is None for c in self.numbers)

    @property
    def qualifier(self) -> str | None:
        return plain(self.row.get("qualifier"))

    @property
    def identity(self) -> tuple[Any, ...]:
        """Everything `same_fact` looks at: figures with the same identity get the same answers."""
        return self.key, self.qualifier, self.parties, self.years, self.row["article_id"], self.vague


def same_fact(a: Figure, b: Figure) -> bool:
    """The conservative identity test for two money or two power mentions (module docstring)."""
    if a.key != b.key or a.vague or b.vague:
        return False
    qualifiers_fit = a.qualifier == b.qualifier or {a.qualifier, b.qualifier} <= LOOSE_QUALIFIERS
    nested = a.parties <= b.parties or b.parties <= a.parties
    restated = a.row["article_id"] == b.row["article_id"] and bool(a.parties & b.parties)
    parties_fit = bool(a.parties and b.parties) and (nested or restated)
    dates_fit = not (a.years and b.years) or bool(a.years & b.years)
    return qualifiers_fit and parties_fit and dates_fit


@dataclass
class Group:
    members: list[Figure] = field(default_factory=list)
    # One member per distinct identity: a repeated mention is compared once, not once per copy.
    distinct: dict[tuple[Any, ...], Figure] = field(default_factory=dict)

    def accepts(self, figure: Figure) -> bool:
        return all(same_fact(member, figure) for member in self.distinct.values())

    def add(self, figure: Figure) -> None:
        self.members.append(figure)
        self.distinct.setdefault(figure.identity, figure)

    def parties(self) -> frozenset[str]:
        return frozenset().union(*(m.parties for m in self.distinct.values()))


def group_figures(figures: Iterable[Figure]) -> list[Group]:
    """Greedy complete-linkage grouping in reading order (deterministic).

    A figure that is not the same fact as itself (vague, or without parties) can join no group and no
    figure can join its group, so it is not compared with anything: near-linear in repeated mentions.
    The same fact always shares a party, so a figure is only compared with the groups of its key that
    hold one of its parties (`by_party`), in the order they were formed.
    """
    groups: list[Group] = []
    by_party: dict[tuple[Any, ...], list[int]] = {}  # (key, party) -> indexes of the groups holding it
    for figure in figures:
        if same_fact(figure, figure):
            candidates = sorted({at for party in figure.parties for at in by_party.get((figure.key, party), [])})
            at = next((at for at in candidates if groups[at].accepts(figure)), None)
        else:
            at = None
        if at is None:
            at = len(groups)
            groups.append(Group())
        for party in figure.parties - groups[at].parties():
            by_party.setdefault((figure.key, party), []).append(at)
        groups[at].add(figure)
    return groups


def _ordered(mentions: pd.DataFrame, kind: str) -> list[dict[str, Any]]:
    rows = mentions[mentions["type"] == kind].sort_values(["article_id", "start"], kind="stable")
    return records(rows)


def figures(mentions: pd.DataFrame, fact_type: FactType) -> list[Figure]:
    years = years_by_sentence(mentions)
    return [
        Figure(
            row=row,
            key=(fact_type.name, *(plain(row[c]) for c in fact_type.key)),
            parties=frozenset(names(row.get("parties"))),
            years=years.get((row["article_id"], row["sentence"]), frozenset()),
            numbers=fact_type.numbers,
        )
        for row in _ordered(mentions, fact_type.name)
    ]


def fact_row(kind: str, key_cols: Sequence[str], rows: Sequence[dict[str, Any]],
             orgs: OrgsOf, parties: Iterable[str] = ()) -> dict[str, Any]:
    """The curated row of one fact from its mention rows (reading order; the first is the evidence)."""
    first = rows[0]
    key = tuple(plain(first[c]) for c in key_cols)
    sentence_orgs = {o for r in rows for o in orgs.get((r["article_id"], r["sentence"]), ())}
    return {
        "fact_id": fact_id(kind, (*key, first["article_id"], int(first["start"]))),
        **dict(zip(key_cols, key, strict=True)),
        "qualifier": plain(first.get("qualifier")),
        "qualifiers": sorted({q for r in rows if (q := plain(r.get("qualifier"))) is not None}),
        "parties": sorted(parties),
        "organisations": sorted(sentence_orgs),
        "mentions": len(rows),
        "article_ids": list(dict.fromkeys(r["article_id"] for r in rows)),
        "sources": [source(r) for r in rows],
        "text": first["text"],
        "sentence": first["sentence"],
    }


FactOf = dict[tuple[str, str], str]  # (mention type, `source`) -> fact id


def figure_table(mentions: pd.DataFrame, fact_type: FactType, orgs: OrgsOf) -> tuple[pd.DataFrame, FactOf]:
    """The fact table of a figure type and, for each of its mentions (type, `source`), the id of its fact."""
    kind = fact_type.name
    out, fact_of = [], {}
    for group in group_figures(figures(mentions, fact_type)):
        rows = [m.row for m in group.members]
        parties = set().union(*(m.parties for m in group.members))
        out.append(fact_row(kind, fact_type.key, rows, orgs, parties))
        fact_of.update({(kind, source(r)): out[-1]["fact_id"] for r in rows})
    columns = ["fact_id", *fact_type.key, *FACT_COLUMNS]
    return pd.DataFrame(out, columns=columns), fact_of


def event_table(mentions: pd.DataFrame, fact_type: FactType, fact_of: FactOf, orgs: OrgsOf) -> pd.DataFrame:
    """Dates keyed by value, modifier and the figure facts of their sentence (module docstring)."""
    events: dict[tuple[str, str], set[str]] = {}
    figure_types = sorted({kind for kind, _ in fact_of})
    for row in records(mentions[mentions["type"].isin(figure_types)]):
        events.setdefault((row["article_id"], row["sentence"]), set()).add(fact_of[(row["type"], source(row))])
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in _ordered(mentions, fact_type.name):
        place = (row["article_id"], row["sentence"])
        event = ("facts", *sorted(events[place])) if place in events else ("sentence", *place)
        groups.setdefault((*(plain(row[c]) for c in fact_type.key), event), []).append(row)
    out = [
        fact_row(fact_type.name, fact_type.key, rows, orgs) | {"facts": list(event[1:]) if event[0] == "facts" else []}
        for (*_, event), rows in groups.items()
    ]
    return pd.DataFrame(out, columns=["fact_id", *fact_type.key, *FACT_COLUMNS, "facts"])


def name_table(mentions: pd.DataFrame, fact_type: FactType) -> pd.DataFrame:
    """One row per name (e.g. canonical organisation) across all articles."""
    (name_column,) = fact_type.key
    rows = mentions[mentions["type"] == fact_type.name].sort_values(["article_id", "start"], kind="stable")
    out = []
    for name, group in rows.groupby(name_column, sort=True):
        kinds = group["kind"].dropna() if "kind" in group else pd.Series([], dtype=object)
        out.append({
            "fact_id": fact_id(fact_type.name, (name,)),
            name_column: name,
            "kind": kinds.mode().iloc[0] if not kinds.empty else None,
            "aliases": sorted(set(group["text"])),
            "mentions": len(group),
            "article_ids": list(dict.fromkeys(group["article_id"])),
        })
    return pd.DataFrame(out, columns=["fact_id", name_column, "kind", "aliases", "mentions", "article_ids"])


def fact_tables(mentions: pd.DataFrame, fact_types: Registry = FACT_TYPES) -> dict[str, pd.DataFrame]:
    """One curated table per registered fact type (in registration order), then `deals` and `deal_sources`.

    Figure facts come first: an event fact (a date) is identified by the figure facts of its sentence.
    """
    tables: dict[str, pd.DataFrame] = {}
    fact_of: FactOf = {}
    orgs = orgs_by_sentence(mentions)
    for fact_type in (t for t in fact_types if t.dedup == "figure"):
        tables[fact_type.table], of_type = figure_table(mentions, fact_type, orgs)
        fact_of |= of_type
    for fact_type in fact_types:
        if fact_type.dedup == "event":
            tables[fact_type.table] = event_table(mentions, fact_type, fact_of, orgs)
        elif fact_type.dedup == "name":
            tables[fact_type.table] = name_table(mentions, fact_type)
    ordered = with_analyst_columns({name: tables[name] for name in fact_types.tables()})
    return {**ordered, **deal_tables(mentions, fact_of)}
