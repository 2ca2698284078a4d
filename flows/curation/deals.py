"""The `deals` table: each money or power fact with its parties, its dates and its sources.

A deal is what one clause says about one figure: "SoftBank a annoncé un investissement pouvant
atteindre 75 milliards d'euros pour bâtir jusqu'à cinq gigawatts" is one deal joining a money fact
(75e9 EUR, up_to) and a power fact (5 GW, up_to) with the parties SoftBank and the date 2026-05.
- Parties come from the dependency parse (`parties` of the mentions, extractors/parties.py): the
  organisations attached to the figure, not every organisation of the sentence (those are kept as
  `organisations`, context only).
- Within a sentence, a power figure joins the nearest money figure; a power figure in a sentence
  without money is a deal of its own. Each date joins the nearest figure of its sentence (a date
  between two amounts belongs to the closer one).
- One row per distinct (money fact, power fact) pair; the same pair reported in two articles is one
  row listing both sources.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

DEALS_TABLE = "deals"
# What a deal is made of (DEALS.md): money and power figures, and the dates of their clause.
FIGURES = ("money", "power")
MONEY_FIELDS = ("currency", "value", "low", "high", "qualifier", "per")
POWER_FIELDS = ("value_gw", "low_gw", "high_gw", "qualifier")
DEAL_COLUMNS: tuple[str, ...] = (
    "deal_id", "summary", "parties", "money_fact_id", *MONEY_FIELDS, "power_fact_ids", "value_gw", "low_gw",
    "high_gw", "power_qualifier", "dates", "organisations", "article_ids", "sources", "sentence",
)
CLAUSE_BREAKS = ",;:—()"
SCALES: tuple[tuple[float, str], ...] = ((1e12, "T"), (1e9, "Md"), (1e6, "M"), (1e3, "k"))

Row = dict[str, Any]


def source(row: Row) -> str:
    """Where a mention is: `article_id:start`."""
    return f"{row['article_id']}:{int(row['start'])}"


def deal_id(figure_fact: str) -> str:
    payload = json.dumps(["deal", figure_fact])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


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


def sentence_units(rows: Sequence[Row]) -> list[tuple[Row, list[Row], list[Row]]]:
    """(figure, its power figures, its dates) for each deal of one sentence (module docstring)."""
    money = [r for r in rows if r["type"] == "money"]
    power = [r for r in rows if r["type"] == "power"]
    figures = money + power
    dates: dict[int, list[Row]] = {}
    for date in (r for r in rows if r["type"] == "date"):
        if figures:
            dates.setdefault(id(_date_owner(date, figures, sentence_offset(rows))), []).append(date)
    paired: dict[int, list[Row]] = {}
    units: list[tuple[Row, list[Row], list[Row]]] = []
    for p in power:
        if money:
            paired.setdefault(id(_nearest(p, money)), []).append(p)
        else:
            units.append((p, [], dates.get(id(p), [])))
    for m in money:
        powers = paired.get(id(m), [])
        units.append((m, powers, [d for r in (m, *powers) for d in dates.get(id(r), [])]))
    return units


def _amount(fact: Row) -> str:
    def number(x: float) -> str:
        for scale, word in SCALES:
            if abs(x) >= scale:
                return f"{x / scale:g} {word}"
        return f"{x:g}"

    if pd.notna(fact.get("value")):
        figure = number(fact["value"])
    elif pd.notna(fact.get("low")):
        figure = f"{number(fact['low'])}–{number(fact['high'])}"
    else:
        figure = "vague"
    per = f"/{fact['per']}" if isinstance(fact.get("per"), str) else ""
    return f"{figure} {fact['currency']}{per}"


def _gigawatts(fact: Row) -> str:
    if pd.notna(fact.get("value_gw")):
        return f"{fact['value_gw']:g} GW"
    if pd.notna(fact.get("low_gw")):
        return f"{fact['low_gw']:g}–{fact['high_gw']:g} GW"
    return "vague GW"


def summary(parties: Sequence[str], money: Row | None, powers: Sequence[Row], dates: Sequence[str]) -> str:
    parts = [", ".join(parties) or "?"]
    parts += [_amount(money)] if money else []
    parts += [", ".join(dates)] if dates else []
    parts += [_gigawatts(p) for p in powers]
    return " · ".join(parts)


def deals_table(mentions: pd.DataFrame, tables: dict[str, pd.DataFrame],
                fact_of: dict[tuple[str, str], str]) -> pd.DataFrame:
    """One row per money fact, and per power fact stated without money (module docstring).

    `tables`: the figure fact tables by name; `fact_of`: the fact id of each figure mention."""
    facts = {r["fact_id"]: r for name in FIGURES for r in tables[name].to_dict("records")}
    wanted = mentions[mentions["type"].isin([*FIGURES, "date"])].sort_values(["article_id", "start"], kind="stable")
    deals: dict[str, Row] = {}
    for _, rows in wanted.groupby(["article_id", "sentence"], sort=False):
        for figure, powers, dates in sentence_units(rows.to_dict("records")):
            key = fact_of[(figure["type"], source(figure))]
            deal = deals.setdefault(key, {"dates": [], "powers": [], "sources": [], "first": figure})
            deal["dates"] += [label for d in dates if (label := date_label(d)) not in deal["dates"]]
            deal["powers"] += [pid for p in powers if (pid := fact_of[("power", source(p))]) not in deal["powers"]]
            deal["sources"] += [source(r) for r in (figure, *powers)]
    out = [_deal_row(key, deal, facts) for key, deal in deals.items()]
    return pd.DataFrame(out, columns=list(DEAL_COLUMNS))


def _deal_row(key: str, deal: Row, facts: dict[str, Row]) -> Row:
    first = deal["first"]
    money = facts[key] if first["type"] == "money" else None
    powers = [facts[k] for k in deal["powers"]] if money else [facts[key]]
    parties = sorted({p for f in (money, *powers) if f for p in f["parties"]})
    head = powers[0] if powers else {}
    return {
        "deal_id": deal_id(key),
        "summary": summary(parties, money, powers, deal["dates"]),
        "parties": parties,
        "money_fact_id": money["fact_id"] if money else None,
        **{c: (money or {}).get(c) for c in MONEY_FIELDS},
        "power_fact_ids": [p["fact_id"] for p in powers],
        **{c: head.get(c) for c in ("value_gw", "low_gw", "high_gw")},
        "power_qualifier": head.get("qualifier"),
        "dates": deal["dates"],
        "organisations": sorted({o for f in (money, *powers) if f for o in f["organisations"]}),
        "article_ids": list(dict.fromkeys(s.split(":")[0] for s in deal["sources"])),
        "sources": list(dict.fromkeys(deal["sources"])),
        "sentence": first["sentence"],
    }
