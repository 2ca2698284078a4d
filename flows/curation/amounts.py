"""Money an analyst can add up: amounts in EUR and USD at ECB reference rates, offline.

The rates are the ECB's daily euro reference rates shipped with the `currencyconverter` package (one
file, no network; it beats a hand-kept rate table: every ECB currency and day since 1999). The rate
of a fact is the one of its date (the start of the deal's or the figure's date), else of the newest
day the file has; a date past that day, or a day without a rate (weekends, holidays), takes the
closest earlier day with one. `rate_date` says which day was used.

`amount_kind` keeps apart what must not be summed together: `exact`, `approx` ("environ"), `bound`
("jusqu'à", "plus de": the value is a bound), `range` (low..high kept in `*_low_*` / `*_high_*`),
`vague` ("des milliards": no amount), `rate` (per month, per GW: not a total).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from flows.cells import missing

TARGETS = ("EUR", "USD")
MAX_STEP_BACK = 15  # days searched back for a day with a rate
BOUND_QUALIFIERS = frozenset({"up_to", "more_than", "less_than"})


@cache
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter()


def rate_day(currency: str, when: date | None) -> date | None:
    """The ECB day whose rates convert `currency` to EUR and USD on `when` (module docstring); None if unknown."""
    from currency_converter import RateNotFoundError

    converter = _converter()
    if currency not in converter.currencies:
        return None
    first, last = converter.bounds[currency]
    day = min(when or last, last)
    for _ in range(MAX_STEP_BACK):
        if day < first:
            return None
        try:
            for target in TARGETS:
                converter.convert(1, currency, target, date=day)
            return day
        except RateNotFoundError:  # no rate that day
            day -= timedelta(days=1)
    return None


def convert(amount: float | None, currency: str, target: str, day: date) -> float | None:
    if amount is None or missing(amount):
        return None
    if currency == target:
        return float(amount)
    return float(_converter().convert(float(amount), currency, target, date=day))


def amount_kind(value: Any, low: Any, qualifier: Any, per: Any) -> str:
    if isinstance(per, str) and per:
        return "rate"
    if qualifier == "vague" or (missing(value) and missing(low)):
        return "vague"
    if missing(value):
        return "range"
    if qualifier in BOUND_QUALIFIERS:
        return "bound"
    return "approx" if qualifier == "approx" else "exact"


def amounts(value: Any, low: Any, high: Any, currency: Any, qualifier: Any, per: Any,
            when: date | None = None) -> dict[str, Any]:
    """The analyst columns of one money figure (module docstring)."""
    no_money = not isinstance(currency, str) and missing(value) and missing(low)
    kind = None if no_money else amount_kind(value, low, qualifier, per)
    out: dict[str, Any] = {"amount_kind": kind, "rate_date": None}
    out |= {f"amount{part}_{t.lower()}": None for t in TARGETS for part in ("", "_low", "_high")}
    day = rate_day(currency, when) if isinstance(currency, str) else None
    if day is None or kind in (None, "vague"):
        return out
    out["rate_date"] = day.isoformat()
    for target in TARGETS:
        suffix = target.lower()
        out[f"amount_{suffix}"] = convert(None if missing(value) else value, currency, target, day)
        out[f"amount_low_{suffix}"] = convert(None if missing(low) else low, currency, target, day)
        out[f"amount_high_{suffix}"] = convert(None if missing(high) else high, currency, target, day)
    return out
