"""Shared toolkit of the held-out `build_gold.py` scripts: hand-written annotations in, gold `.jsonl` out.

Each script keeps only its data (one list of rows per article stem and fact type) and calls `build_set`.
A mention is located by its exact surface and occurrence index in the article text, so offsets are computed,
never typed by hand, and checked against the text before anything is written. Record shapes and key order
follow GUIDELINES.md and the existing gold lines; output is deterministic (sorted by offset, then type).

Row shapes (tuples, in this order):
- money: surface, occurrence, value, low, high, currency, explicit_currency, qualifier, per[, magnitude]
- power: surface, occurrence, value_gw, low_gw, high_gw, qualifier[, magnitude]
- date: surface, occurrence, value, mod[, relative]
- org: canonical, aliases, kind, mentions (the line's text/start/end is the first alias occurrence)

Scripts import this module after putting `tests/gold` on `sys.path`, so they run as
`python tests/gold/<set>/build_gold.py` from anywhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

Row = Sequence[Any]
Record = dict[str, Any]


# scales and the two narrow/no-break spaces annotation rows are written with
M, B, K = 1e6, 1e9, 1e3
NB, NN = "\u00a0", "\u202f"

def context(text: str, start: int, end: int) -> str:
    """About 70 characters either side of the span, whitespace folded (so a human can find it)."""
    return re.sub(r"\s+", " ", text[max(0, start - 70) : end + 70]).strip()


def nth(text: str, surface: str, index: int) -> int:
    """Start offset of the `index`-th (0-based) occurrence of `surface` in `text`."""
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    assert len(starts) > index, (surface, starts)
    return starts[index]


def first_alias(text: str, aliases: Sequence[str]) -> tuple[int, str]:
    """Earliest whole-word occurrence of any alias; every alias must occur at least once."""
    found = [(m.start(), alias) for alias in aliases
             for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text)]
    assert all(any(a == alias for _, a in found) for alias in aliases), (aliases, found)
    return min(found)


def _span(text: str, surface: str, index: int) -> tuple[int, int]:
    start = nth(text, surface, index)
    return start, start + len(surface)


def money_record(stem: str, text: str, row: Row) -> Record:
    surface, index, value, low, high, currency, explicit, qualifier, per, *rest = row
    start, end = _span(text, surface, index)
    return {
        "article": stem, "type": "money", "text": surface, "context": context(text, start, end),
        "value": value, "low": low, "high": high, "currency": currency, "explicit_currency": explicit,
        "qualifier": qualifier, "per": per, "magnitude": rest[0] if rest else None, "start": start, "end": end,
    }


def power_record(stem: str, text: str, row: Row) -> Record:
    surface, index, value_gw, low_gw, high_gw, qualifier, *rest = row
    start, end = _span(text, surface, index)
    return {
        "article": stem, "type": "power", "text": surface, "context": context(text, start, end),
        "value_gw": value_gw, "low_gw": low_gw, "high_gw": high_gw, "qualifier": qualifier,
        "magnitude": rest[0] if rest else None, "start": start, "end": end,
    }


def date_record(stem: str, text: str, row: Row) -> Record:
    surface, index, value, mod, *rest = row
    start, end = _span(text, surface, index)
    record: Record = {
        "article": stem, "type": "date", "text": surface, "context": context(text, start, end),
        "value": value, "mod": mod, "start": start, "end": end,
    }
    if rest and rest[0]:
        record["relative"] = True
    return record


def org_record(stem: str, text: str, row: Row) -> Record:
    canonical, aliases, kind, mentions = row
    start, alias = first_alias(text, aliases)
    end = start + len(alias)
    return {
        "article": stem, "type": "org", "text": alias, "start": start, "end": end,
        "context": context(text, start, end), "canonical": canonical, "aliases": aliases,
        "mentions": mentions, "kind": kind,
    }


BUILDERS = {"money": money_record, "power": power_record, "date": date_record, "org": org_record}


def dump(path: Path, text: str, records: list[Record]) -> None:
    """Check every span against the text, sort by (start, type) and write UTF-8 JSONL."""
    records = sorted(records, key=lambda d: (d["start"], d["type"]))
    for d in records:
        assert text[d["start"] : d["end"]] == d["text"], d
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in records), encoding="utf-8")


def build_set(here: Path, **annotations: Mapping[str, Sequence[Row]]) -> None:
    """Write `<stem>.jsonl` beside each `<stem>.txt` of `here` from rows keyed by fact type, then by stem.

    Every article of the folder must be annotated for at least one type (a forgotten article fails loudly).
    """
    unknown = set(annotations) - set(BUILDERS)
    assert not unknown, unknown
    stems = set().union(*(rows.keys() for rows in annotations.values()))
    assert {p.stem for p in here.glob("*.txt")} == stems, stems ^ {p.stem for p in here.glob("*.txt")}
    for stem in sorted(stems):
        text = (here / f"{stem}.txt").read_text(encoding="utf-8")
        records = [BUILDERS[kind](stem, text, row)
                   for kind, rows in annotations.items() for row in rows.get(stem, [])]
        dump(here / f"{stem}.jsonl", text, records)
