"""The analyst columns of the fact tables: amounts in EUR/USD on `money` (`amounts.py`) and
`date_start`/`date_end` on `dates` (`date_bounds.py`).

A money fact is converted at the start of the earliest date fact tied to it (the dates of its
sentence, `dates.facts`), else at the newest ECB rate.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from flows.cells import missing, records
from flows.curation.amounts import amounts
from flows.curation.date_bounds import date_bounds

MONEY_TABLE = "money"
DATES_TABLE = "dates"
AMOUNT_COLUMNS = ("amount_kind", "amount_eur", "amount_low_eur", "amount_high_eur", "amount_usd", "amount_low_usd",
                  "amount_high_usd", "rate_date")
BOUND_COLUMNS = ("date_start", "date_end")
ANALYST_COLUMN_DOCS: dict[str, str] = {
    "amount_kind": "What the amount is: exact, approx, bound (up_to, more_than, less_than: the value is a bound), "
    "range (see the low/high columns), vague (no amount) or rate (per month, per GW: not a total). Sum one kind.",
    "amount_eur": "The amount in euros at the ECB reference rate of `rate_date` (null for ranges and vague amounts).",
    "amount_low_eur": "Lower bound of a range, in euros.",
    "amount_high_eur": "Upper bound of a range, in euros.",
    "amount_usd": "The amount in US dollars at the ECB reference rate of `rate_date`.",
    "amount_low_usd": "Lower bound of a range, in US dollars.",
    "amount_high_usd": "Upper bound of a range, in US dollars.",
    "rate_date": "The day of the ECB rates used: the fact's (deal's) date start, else the newest day shipped, "
    "stepped back to the closest earlier day with a rate.",
    "date_start": "First day of the date's period (ISO), null when open (by); rules: flows/curation/date_bounds.py.",
    "date_end": "Last day of the date's period (ISO), null when open ('since', 'after').",
}


def bounds_row(row: dict[str, Any]) -> dict[str, Any]:
    start, end = date_bounds(row.get("date_value"), None if missing(row.get("date_mod")) else row["date_mod"])
    return {"date_start": start.isoformat() if start else None, "date_end": end.isoformat() if end else None}


def amounts_row(row: dict[str, Any], when: date | None) -> dict[str, Any]:
    return amounts(row.get("value"), row.get("low"), row.get("high"), row.get("currency"), row.get("qualifier"),
                   row.get("per"), when)


def _fact_dates(dates: pd.DataFrame) -> dict[str, date]:
    """Money/power fact id -> the earliest start of the date facts tied to it."""
    out: dict[str, date] = {}
    for row in records(dates):
        start = bounds_row(row)["date_start"]
        if start is None:
            continue
        for fact in row.get("facts") if row.get("facts") is not None else []:
            day = date.fromisoformat(start)
            out[fact] = min(out.get(fact, day), day)
    return out


def with_analyst_columns(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables, `money` with its amount columns and `dates` with its bounds (module docstring)."""
    out = dict(tables)
    if DATES_TABLE in out:
        dates = out[DATES_TABLE]
        bounds = [bounds_row(r) for r in records(dates)]
        out[DATES_TABLE] = dates.assign(**{c: [b[c] for b in bounds] for c in BOUND_COLUMNS})
    if MONEY_TABLE in out:
        money = out[MONEY_TABLE]
        when = _fact_dates(out[DATES_TABLE]) if DATES_TABLE in out else {}
        rows = [amounts_row(r, when.get(r["fact_id"])) for r in records(money)]
        out[MONEY_TABLE] = money.assign(**{c: [r[c] for r in rows] for c in AMOUNT_COLUMNS})
    return out
