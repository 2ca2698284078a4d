"""The analyst's charts as Vega-Lite specs (Altair), with their data inlined: the page draws them with the
vega-embed bundle written beside it (`vl_convert.javascript_bundle`), so they work offline.

- money committed per organisation over time: deals in EUR (an `amount_eur` column is used when the deals
  table has one), each deal counted once for every party it names (deals without parties left out), by the
  year of its first date (else the year the article was published);
- GW per organisation (and per country when the deals table has a `country` column);
- facts per month of publication (articles without a stated date count as "unknown").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from flows.cells import missing, names

UNKNOWN = "unknown"
PARTIES_NOTE = " A deal counts once for each party it names; deals naming no party are left out."


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    note: str
    spec: dict[str, Any] | None  # None: no data to draw


def _year(value: Any) -> str:
    return str(value)[:4] if not missing(value) and str(value)[:4].isdigit() else UNKNOWN


def deal_year(deal: Mapping[str, Any], published: Mapping[str, Any]) -> str:
    for column in ("date_start", "date_value"):  # the deal's own date (issue 12 deals)
        if _year(deal.get(column)) != UNKNOWN:
            return _year(deal.get(column))
    dates = names(deal.get("dates"))
    if dates:
        return _year(dates[0].split(" ")[-1])  # "by 2029" -> 2029
    years = sorted(_year(published.get(a)) for a in names(deal.get("article_ids")))
    return years[0] if years else UNKNOWN


def per_party(deals: pd.DataFrame, amount: pd.Series, published: Mapping[str, Any]) -> pd.DataFrame:
    rows = [
        {"organisation": party, "year": deal_year(deal, published), "amount": float(value)}
        for deal, value in zip(deals.to_dict("records"), amount, strict=True)
        if not missing(value)
        for party in names(deal.get("parties"))
    ]
    return pd.DataFrame(rows, columns=["organisation", "year", "amount"])


def _bar(frame: pd.DataFrame, x: str, y: str, title: str, colour: str | None = None) -> dict[str, Any]:
    encoding: dict[str, Any] = {
        "x": alt.X(f"{x}:N", sort="-y" if colour is None else "ascending", title=x),
        "y": alt.Y(f"sum({y}):Q", title=title),
        "tooltip": [alt.Tooltip(f"{x}:N"), alt.Tooltip(f"sum({y}):Q", title=title, format=",.2f")],
    }
    if colour:
        encoding["color"] = alt.Color(f"{colour}:N", title=colour)
        encoding["tooltip"].insert(0, alt.Tooltip(f"{colour}:N"))
    # One row per bar segment, summed here: Altair refuses to embed more than 5,000 rows (a 5 MB corpus
    # has more facts than that), and the same sums make a far smaller page.
    keys = [x, colour] if colour else [x]
    frame = frame.groupby(keys, as_index=False, dropna=False, sort=False)[y].sum()
    chart = alt.Chart(frame).mark_bar().encode(**encoding).properties(width=640, height=300)
    return chart.to_dict()


def money_chart(deals: pd.DataFrame, published: Mapping[str, Any]) -> Chart:
    if "amount_eur" in deals.columns and "amount_kind" in deals.columns:
        amounts = deals["amount_eur"].where(deals["amount_kind"].isin(["exact", "approx"]))
        note = ("amount_eur of the deals whose amount is exact or approximate (bounds such as 'jusqu'à', ranges, "
                "vague amounts and rates are left out, never added to exact figures).")
    elif "amount_eur" in deals.columns:
        amounts, note = deals["amount_eur"], "amount_eur of every deal."
    else:
        eur = deals["currency"].eq("EUR")
        if "per" in deals.columns:
            eur &= deals["per"].isna()
        amounts = deals["value"].where(eur)
        note = ("Only deals stated in euros: the deals table has no EUR conversion yet (no amount_eur column), "
                "so amounts in other currencies are left out. Rates (per month, per GW) are left out.")
    frame = per_party(deals, amounts / 1e9, published)
    spec = _bar(frame, "year", "amount", "Md EUR", colour="organisation") if len(frame) else None
    return Chart("money", "Money committed per organisation and year (Md EUR)", note + PARTIES_NOTE, spec)


def gigawatts(deals: pd.DataFrame) -> pd.Series:
    """The deal's GW figure, whichever name the deals table gives it."""
    column = next((c for c in ("power_value_gw", "value_gw") if c in deals.columns), None)
    return deals[column] if column else pd.Series([None] * len(deals), index=deals.index, dtype="float64")


def power_charts(deals: pd.DataFrame, published: Mapping[str, Any]) -> list[Chart]:
    frame = per_party(deals, gigawatts(deals), published)
    out = [Chart("gw-organisation", "GW per organisation", "Deals with a power figure." + PARTIES_NOTE,
                 _bar(frame, "organisation", "amount", "GW") if len(frame) else None)]
    if "country" in deals.columns:
        by_country = deals.assign(amount=gigawatts(deals)).dropna(subset=["amount"]).fillna({"country": UNKNOWN})
        out.append(Chart("gw-country", "GW per country", "Deals with a power figure, by the deal's country.",
                         _bar(by_country, "country", "amount", "GW") if len(by_country) else None))
    else:
        out.append(Chart("gw-country", "GW per country", "Not drawn: the deals table has no country column yet.", None))
    return out


def facts_per_month(facts: Mapping[str, pd.DataFrame], published: Mapping[str, Any]) -> Chart:
    rows = [
        {"month": str(published.get(article))[:7] if not missing(published.get(article)) else UNKNOWN,
         "type": name, "amount": 1}
        for name, frame in facts.items()
        for article_ids in frame["article_ids"]
        for article in names(article_ids)[:1]
    ]
    frame = pd.DataFrame(rows, columns=["month", "type", "amount"])
    return Chart("facts-month", "Facts per month of publication",
                 "Each fact counted once, in the month its first article was published.",
                 _bar(frame, "month", "amount", "facts", colour="type") if len(frame) else None)


def charts(deals: pd.DataFrame, facts: Mapping[str, pd.DataFrame], published: Mapping[str, Any]) -> list[Chart]:
    return [money_chart(deals, published), *power_charts(deals, published), facts_per_month(facts, published)]
