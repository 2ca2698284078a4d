"""Amounts in EUR/USD at ECB rates, and date bounds per modifier."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.curation.amounts import amount_kind, amounts, rate_day
from flows.curation.date_bounds import date_bounds


@pytest.mark.parametrize(("value", "mod", "start", "end"), [
    ("2026", None, "2026-01-01", "2026-12-31"),
    ("2026", "mid", "2026-04-01", "2026-09-30"),
    ("2026", "early", "2026-01-01", "2026-04-30"),
    ("2026", "late", "2026-09-01", "2026-12-31"),
    ("2026", "H2", "2026-07-01", "2026-12-31"),
    ("2026", "Q1", "2026-01-01", "2026-03-31"),
    ("2026", "summer", "2026-06-01", "2026-08-31"),
    ("2026", "winter", "2026-12-01", "2027-02-28"),
    ("2028", "by", None, "2028-12-31"),
    ("2024", "since", "2024-01-01", None),
    ("2027", "after", "2028-01-01", None),
    ("2026-02", None, "2026-02-01", "2026-02-28"),
    ("2026-03", "mid", "2026-03-11", "2026-03-20"),
    ("2026-03", "late", "2026-03-21", "2026-03-31"),
    ("2025-10-15", None, "2025-10-15", "2025-10-15"),
    ("2026/2028", None, "2026-01-01", "2028-12-31"),
    ("202X", None, "2020-01-01", "2029-12-31"),
    ("XXXX-05", None, None, None),
    (None, None, None, None),
])
def test_date_bounds(value: str | None, mod: str | None, start: str | None, end: str | None) -> None:
    got = date_bounds(value, mod)
    assert tuple(d.isoformat() if d else None for d in got) == (start, end)


@given(st.integers(1990, 2100), st.sampled_from([None, "early", "mid", "late", "H1", "H2", "Q1", "Q2", "Q3", "Q4",
                                                 "spring", "summer", "autumn", "winter", "circa"]))
def test_bounds_are_ordered_and_inside_the_year(year: int, mod: str | None) -> None:
    start, end = date_bounds(str(year), mod)
    assert start is not None and end is not None and start <= end
    assert start.year == year and end.year in (year, year + 1)


def test_euro_stays_euro_and_dollars_convert_at_the_rate_of_the_day() -> None:
    out = amounts(75e9, None, None, "EUR", "up_to", None, date(2026, 5, 1))
    assert out["amount_eur"] == 75e9 and out["amount_kind"] == "bound"
    assert out["rate_date"] == "2026-04-30"  # 1 May: no ECB fixing, the day before is used
    assert 80e9 < out["amount_usd"] < 95e9


def test_a_range_keeps_its_bounds_and_a_vague_amount_has_none() -> None:
    ranged = amounts(None, 50e9, 60e9, "USD", None, None, date(2025, 3, 3))
    assert ranged["amount_kind"] == "range" and ranged["amount_usd"] is None
    assert (ranged["amount_low_usd"], ranged["amount_high_usd"]) == (50e9, 60e9)
    assert ranged["amount_low_eur"] < ranged["amount_high_eur"] < 60e9
    vague = amounts(None, None, None, "USD", "vague", None)
    assert vague["amount_kind"] == "vague" and vague["amount_eur"] is None and vague["rate_date"] is None


@pytest.mark.parametrize(("value", "low", "qualifier", "per", "kind"), [
    (1e9, None, None, None, "exact"), (1e9, None, "approx", None, "approx"), (1e9, None, "up_to", None, "bound"),
    (1e9, None, "more_than", None, "bound"), (None, 1e9, None, None, "range"), (None, None, "vague", None, "vague"),
    (200.0, None, None, "month", "rate"),
])
def test_amount_kind(value: float | None, low: float | None, qualifier: str | None, per: str | None,
                     kind: str) -> None:
    assert amount_kind(value, low, qualifier, per) == kind


def test_future_dates_use_the_newest_rate_and_unknown_currencies_none() -> None:
    newest = rate_day("USD", None)
    assert newest is not None and rate_day("USD", date(2099, 1, 1)) == newest
    assert rate_day("XYZ", date(2025, 1, 2)) is None
