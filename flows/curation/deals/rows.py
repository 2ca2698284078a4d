"""The two deal tables' rows: `deal_sources` (one row per deal per article, what the deal scorer
reads: figures as {type, start, end}) and `deals` (one row per deal across articles)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as date_type
from typing import Any

import pandas as pd

from flows.cells import missing
from flows.curation.analyst import AMOUNT_COLUMNS, amounts_row, bounds_row
from flows.curation.deals.build import Deal, deal_id, path_of
from flows.curation.deals.dating import dated
from flows.curation.deals.places import site_and_country
from flows.curation.deals.roles import ROLES, roles_of
from flows.curation.deals.units import source

Row = dict[str, Any]
CONTEXT_CHARS = 160
MONEY = ("value", "low", "high", "currency", "qualifier", "per")
POWER = ("value_gw", "low_gw", "high_gw", "qualifier")
SOURCE_COLUMNS: tuple[str, ...] = (
    "article_id", "deal_id", "kind", *ROLES, "money_value", "money_low", "money_high", "money_currency",
    "money_qualifier", "money_per", "power_value_gw", "power_low_gw", "power_high_gw", "power_qualifier",
    "site", "site_aliases", "country", "date_value", "date_mod", "date_text", "date_role", "date_start", "date_end",
    "other_dates", "status", *AMOUNT_COLUMNS, "figures", "context", "sentence",
)
DEAL_COLUMNS: tuple[str, ...] = (
    "deal_id", "summary", "kind", *ROLES, "parties", "money_value", "money_low", "money_high", "money_currency",
    "money_qualifier", "money_per", "power_value_gw", "power_low_gw", "power_high_gw", "power_qualifier", "site",
    "country", "date_value", "date_mod", "date_role", "date_start", "date_end", "status", *AMOUNT_COLUMNS,
    "article_ids", "sources", "sentence",
)
DEAL_COLUMN_DOCS: dict[str, str] = {
    "deal_id": "Deterministic id of the deal (a hash of its anchor figure's fact id); one id across articles.",
    "summary": "One-line human summary: payers → receivers · kind · amount · power · date.",
    "kind": "investment, contract, funding, acquisition, joint_venture, power_supply, public_funding or other.",
    "from": "Who pays, invests, buys, lends or subsidises (canonical names; a state is `gov:<ISO>`).",
    "to": "Who receives, sells, supplies, is invested in, or hosts; a joint-venture vehicle.",
    "partners": "Members of a joint venture or consortium (no direction).",
    "parties": "Every party of the deal, whatever its role.",
    "money_value": "The deal's whole amount (the anchor figure), in `money_currency` units.",
    "money_low": "Lower bound of the deal's amount when a range.",
    "money_high": "Upper bound of the deal's amount when a range.",
    "money_currency": "ISO 4217 currency of the deal's amount.",
    "money_qualifier": "Qualifier of the deal's amount (approx, up_to, more_than, less_than, vague).",
    "money_per": "What the amount is per when a rate without a total.",
    "power_value_gw": "The deal's power in gigawatts.",
    "power_low_gw": "Lower bound of the deal's power when a range.",
    "power_high_gw": "Upper bound of the deal's power when a range.",
    "power_qualifier": "Qualifier of the deal's power figure.",
    "site": "Places tied to the deal's infrastructure as written, several joined by '; '.",
    "site_aliases": "Regions the site lies in.",
    "country": "ISO 3166-1 alpha-2 country of the site, or where the deal is made; null if several or none.",
    "date_value": "The deal's main date (the earliest event date, else the first date tied to it).",
    "date_mod": "Modifier of the main date (by, mid, late, ...).",
    "date_text": "The main date as written.",
    "date_role": "announced, signed, closed, start, completion, target or period.",
    "other_dates": "The deal's other dates, each {value, mod, text, role}.",
    "status": "rumoured, planned, announced, signed or completed (the most advanced the text asserts).",
    "figures": "The money and power mentions of the deal in this article, each {type, start, end}.",
    "context": "At most 160 characters of the anchor's sentence.",
}


def _cell(value: Any) -> Any:
    return None if missing(value) else value


def _money(deal: Deal) -> dict[str, Any]:
    money = deal.anchor if deal.anchor["type"] == "money" else {}
    return {f"money_{k}": _cell(money.get(k)) for k in MONEY}


def _power(deal: Deal) -> dict[str, Any]:
    power = next((f for f in deal.figures if f["type"] == "power"), {})
    return {"power_value_gw": _cell(power.get("value_gw")), "power_low_gw": _cell(power.get("low_gw")),
            "power_high_gw": _cell(power.get("high_gw")), "power_qualifier": _cell(power.get("qualifier"))}


def _date(row: Row | None) -> dict[str, Any]:
    row = row or {}
    return {"value": _cell(row.get("date_value")), "mod": _cell(row.get("date_mod")), "text": row.get("text")}


def _entities(deal: Deal) -> list[str]:
    return [p for f in deal.figures if not missing(f.get("places")) for p in f["places"]]


def source_row(deal: Deal) -> Row:
    """The `deal_sources` row of one deal in one article."""
    roles = roles_of(deal.parties, deal.kind, path_of(deal))
    site, aliases, country = site_and_country(deal.context, deal.kind, deal.extra.get("article_country"),
                                           _entities(deal))
    main, role, others = dated(deal.dates, deal.status)
    date = _date(main)
    sentence = deal.anchor["sentence"]
    at = max(sentence.find(deal.anchor["text"]), 0)
    context_start = max(0, min(at, len(sentence) - CONTEXT_CHARS))
    bounds = bounds_row({"date_value": date["value"], "date_mod": date["mod"]})
    money = _money(deal)
    when = date_type.fromisoformat(bounds["date_start"]) if bounds["date_start"] else None
    return {
        "article_id": deal.article_id, "deal_id": deal_id(deal.fact), "kind": deal.kind, **roles,
        **money, **_power(deal), "site": site, "site_aliases": aliases, "country": country,
        "date_value": date["value"], "date_mod": date["mod"], "date_text": date["text"], "date_role": role, **bounds,
        "other_dates": [{**_date(d), "role": d["role"]} for d in others], "status": deal.status,
        **amounts_row({k.removeprefix("money_"): v for k, v in money.items()}, when),
        "figures": [{"type": f["type"], "start": int(f["start"]), "end": int(f["end"])} for f in deal.figures],
        "context": sentence[context_start:context_start + CONTEXT_CHARS].strip(),
        "sentence": sentence,
        "sources": [source(f) for f in deal.figures],
    }


def summary(row: Row) -> str:
    """"NVIDIA → OpenAI · funding · 100 Md USD (up_to) · 5 GW · 2026-05"."""
    def names(role: str) -> str:
        return ", ".join(row[role]) or "?"

    parts = [f"{names('from')} → {names('to')}" if not row["partners"] else f"{names('partners')} → {names('to')}",
             row["kind"]]
    if row["money_currency"]:
        value = row["money_value"] if row["money_value"] is not None else row["money_low"]
        figure = "vague" if value is None else f"{value / 1e9:g} Md" if value >= 1e9 else f"{value / 1e6:g} M"
        qualifier = f" ({row['money_qualifier']})" if row["money_qualifier"] not in (None, "vague") else ""
        parts.append(f"{figure} {row['money_currency']}{qualifier}")
    if row["power_value_gw"] is not None:
        parts.append(f"{row['power_value_gw']:g} GW")
    if row["date_value"]:
        parts.append(" ".join(x for x in (row["date_mod"], row["date_value"]) if x))
    return " · ".join(parts)


def deal_rows(per_article: Sequence[Row]) -> list[Row]:
    """One `deals` row per deal id: the fields of the article naming the most parties (then: giving a
    date; then: the first), every article's sources."""
    groups: dict[str, list[Row]] = {}
    for row in per_article:
        groups.setdefault(row["deal_id"], []).append(row)
    out = []
    for key, rows in groups.items():
        first = max(rows, key=lambda r: (sum(len(r[role]) for role in ROLES), r["date_value"] is not None))
        out.append({
            **{c: first.get(c) for c in DEAL_COLUMNS if c in first},
            "deal_id": key, "summary": summary(first),
            "parties": sorted({n for r in rows for role in ROLES for n in r[role]}),
            "article_ids": list(dict.fromkeys(r["article_id"] for r in rows)),
            "sources": [s for r in rows for s in r["sources"]],
        })
    return out


def frames(per_article: Sequence[Row]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(`deals`, `deal_sources`) DataFrames."""
    sources = pd.DataFrame([{c: r[c] for c in SOURCE_COLUMNS} for r in per_article], columns=list(SOURCE_COLUMNS))
    deals = pd.DataFrame(deal_rows(per_article), columns=list(DEAL_COLUMNS))
    return deals, sources
