"""The figures of one sentence grouped into deal units: a money figure with the power figures and
dates of its clause.

- The sentences of an article: mention rows carry their sentence's text, not its offset, so the rows
  of one text are one sentence unless the text is stated again further on; a sentence repeated in
  an article is as many sentences as copies (`sentences`), each with its own units, so the work
  grows with the copies, not with their square.
- Within a sentence, a power figure joins the nearest money figure; a power figure in a sentence
  without money is a unit of its own. Each date joins the figure of its clause (fewest clause
  breaks between them, then nearest: a date between two amounts belongs to the closer one).
- A rate ("1,25 milliard de dollars par mois") beside a total of the same currency joins the total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

CLAUSE_BREAKS = ",;:—()"

Row = dict[str, Any]


def source(row: Row) -> str:
    """Where a mention is: `article_id:start`."""
    return f"{row['article_id']}:{int(row['start'])}"


def _gap(a: Row, b: Row) -> int:
    """Characters between two mentions of one sentence (0 when they touch or overlap)."""
    return max(0, max(a["start"], b["start"]) - min(a["end"], b["end"]))


def _nearest(row: Row, candidates: Sequence[Row]) -> Row:
    return min(candidates, key=lambda c: (_gap(row, c), c["start"]))


def date_label(row: Row) -> str:
    mod = row.get("date_mod")
    return f"{mod} {row['date_value']}" if isinstance(mod, str) and mod else str(row["date_value"])


def sentence_offset(rows: Sequence[Row]) -> int | None:
    """Where the rows' shared sentence starts in the article (None if the texts do not line up)."""
    sentence, first = rows[0]["sentence"], rows[0]
    offset = first["start"] - sentence.find(first["text"])
    fits = all(sentence[r["start"] - offset : r["end"] - offset] == r["text"] for r in rows)
    return offset if fits and first["text"] in sentence else None


def _offsets(row: Row) -> frozenset[int] | None:
    """Where the row's sentence may start in the article (one per place its text has in the sentence)."""
    sentence, text = row["sentence"], row["text"]
    found, at = set(), sentence.find(text)
    while at >= 0 and text:
        found.add(int(row["start"]) - at)
        at = sentence.find(text, at + 1)
    return frozenset(found) or None


def sentences(rows: Iterable[Row]) -> list[list[Row]]:
    """The rows of one article (in reading order) grouped by sentence, in order of first appearance.

    Rows with the same sentence text are one sentence while they fit one start offset of it; a row
    that fits none of them starts the next copy. A row whose text is not in its sentence cannot be
    placed: it joins the open copy of its sentence text.
    """
    groups: list[list[Row]] = []
    open_copy: dict[str, tuple[list[Row], frozenset[int] | None]] = {}
    for row in rows:
        offsets = _offsets(row)
        current = open_copy.get(row["sentence"])
        if current is not None:
            members, fits = current
            shared = fits if offsets is None else offsets if fits is None else fits & offsets
            if shared is None or shared:
                members.append(row)
                open_copy[row["sentence"]] = members, shared
                continue
        groups.append([row])
        open_copy[row["sentence"]] = groups[-1], offsets
    return groups


def _date_owner(date: Row, figures: Sequence[Row], offset: int | None) -> Row:
    """The figure of a date: fewest clause breaks (, ; : — parentheses) between them, then nearest.
    "600 milliards de dépenses en 2026, après 390 milliards": 2026 goes to 600."""
    def breaks(figure: Row) -> int:
        if offset is None:
            return 0
        lo, hi = sorted((figure["end"], date["start"]) if figure["start"] < date["start"] else
                        (date["end"], figure["start"]))
        return sum(date["sentence"][lo - offset : hi - offset].count(c) for c in CLAUSE_BREAKS)

    return min(figures, key=lambda f: (breaks(f), _gap(date, f), f["start"]))


@dataclass
class Unit:
    """The figures of one deal as one sentence states them: `anchor` the main figure (money if any)."""

    anchor: Row
    figures: list[Row]
    dates: list[Row] = field(default_factory=list)


def _is_rate(row: Row) -> bool:
    return isinstance(row.get("per"), str) and bool(row["per"])


def sentence_units(rows: Sequence[Row]) -> list[Unit]:
    """The deal units of one sentence's mention rows (module docstring), in reading order."""
    money = [r for r in rows if r["type"] == "money"]
    totals = [m for m in money if not _is_rate(m)]
    power = [r for r in rows if r["type"] == "power"]
    figures = money + power
    dates: dict[int, list[Row]] = {}
    offset = sentence_offset(rows) if figures else None
    for date in (r for r in rows if r["type"] == "date"):
        if figures:
            dates.setdefault(id(_date_owner(date, figures, offset)), []).append(date)
    joined: dict[int, list[Row]] = {}
    units: list[Unit] = []
    for p in power:
        if money:
            joined.setdefault(id(_nearest(p, money)), []).append(p)
        else:
            units.append(Unit(p, [p], dates.get(id(p), [])))
    for m in money:
        same = [t for t in totals if t["currency"] == m["currency"]]
        if _is_rate(m) and same:
            owner = _nearest(m, same)
            joined.setdefault(id(owner), []).extend([m, *joined.pop(id(m), [])])
            dates.setdefault(id(owner), []).extend(dates.pop(id(m), []))
    for m in money:
        if _is_rate(m) and any(t["currency"] == m["currency"] for t in totals):
            continue
        parts = joined.get(id(m), [])
        units.append(Unit(m, sorted([m, *parts], key=lambda r: r["start"]),
                          [d for r in (m, *parts) for d in dates.get(id(r), [])]))
    return sorted(units, key=lambda u: u.anchor["start"])
