"""Dates an analyst can sort and compare: `date_start` / `date_end` (ISO dates) from `date_value` and
`date_mod` (GUIDELINES.md), one rule per modifier.

The period a value names: `YYYY` the year, `YYYY-MM` the month, `YYYY-MM-DD` the day, `A/B` from the
start of A to the end of B, a decade `202X` 2020-01-01..2029-12-31; `XXXX-MM` (no year) has no bounds.
Then the modifier narrows or opens it:

| mod | of a year YYYY | of a month |
|---|---|---|
| early | YYYY-01-01 .. YYYY-04-30 | days 1..10 |
| mid | YYYY-04-01 .. YYYY-09-30 | days 11..20 |
| late | YYYY-09-01 .. YYYY-12-31 | day 21 .. last |
| H1 / H2 | Jan..Jun / Jul..Dec | (the month) |
| Q1..Q4 | the quarter | (the month) |
| spring / summer / autumn | Mar..May / Jun..Aug / Sep..Nov (meteorological seasons) | (the month) |
| winter | YYYY-12-01 .. (YYYY+1)-02-end ("l'hiver 2026" is the one that starts in December 2026) | (the month) |
| by ("d'ici", "avant") | no start .. end of the period | |
| since ("depuis") | start of the period .. no end | |
| after ("après") | the day after the period .. no end | |
| circa ("vers") | the period itself | |
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

Bounds = tuple[date | None, date | None]

YEAR_PARTS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "early": ((1, 1), (4, 30)), "mid": ((4, 1), (9, 30)), "late": ((9, 1), (12, 31)),
    "H1": ((1, 1), (6, 30)), "H2": ((7, 1), (12, 31)),
    "Q1": ((1, 1), (3, 31)), "Q2": ((4, 1), (6, 30)), "Q3": ((7, 1), (9, 30)), "Q4": ((10, 1), (12, 31)),
    "spring": ((3, 1), (5, 31)), "summer": ((6, 1), (8, 31)), "autumn": ((9, 1), (11, 30)),
}
MONTH_PARTS: dict[str, tuple[int, int | None]] = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period(value: str) -> Bounds:
    """The first and last day a date value names (module docstring), or (None, None)."""
    value = value.strip()
    if "/" in value:
        first, last = value.split("/", 1)
        return period(first)[0], period(last)[1]
    if m := re.fullmatch(r"(\d{3})X", value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    if m := re.fullmatch(r"(\d{4})", value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), _month_end(year, month)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    return None, None


def _narrowed(value: str, mod: str, start: date, end: date) -> Bounds:
    if re.fullmatch(r"\d{4}", value) and mod in YEAR_PARTS:
        (m1, d1), (m2, d2) = YEAR_PARTS[mod]
        return date(start.year, m1, d1), date(start.year, m2, d2)
    if re.fullmatch(r"\d{4}", value) and mod == "winter":
        return date(start.year, 12, 1), _month_end(start.year + 1, 2)
    if re.fullmatch(r"\d{4}-\d{2}", value) and mod in MONTH_PARTS:
        first, last = MONTH_PARTS[mod]
        return start.replace(day=first), end if last is None else start.replace(day=last)
    return start, end


def date_bounds(value: str | None, mod: str | None = None) -> Bounds:
    """(date_start, date_end) of a date mention or fact (module docstring); None where open or unknown."""
    if not isinstance(value, str) or not value:
        return None, None
    start, end = period(value)
    if start is None or end is None:
        return None, None
    if mod == "by":
        return None, end
    if mod == "since":
        return start, None
    if mod == "after":
        return end + timedelta(days=1), None
    return _narrowed(value, mod, start, end) if isinstance(mod, str) else (start, end)
