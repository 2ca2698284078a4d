"""Table cells as plain Python values: the one missing-value check every table module uses."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pandas as pd


def missing(value: Any) -> bool:
    """None, pd.NA, NaT or a float NaN (what a null cell becomes after a trip through pandas or Parquet)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def plain(value: Any) -> Any:
    """A JSON-ready Python value: lists for arrays, Python scalars for numpy ones, ISO 8601 for
    datetimes, None for missing."""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if missing(value):
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def names(value: Any) -> tuple[str, ...]:
    """A list cell of names (tuple, list, numpy array, or null once read back from Parquet) as a tuple."""
    if missing(value):
        return ()
    return tuple(str(v) for v in value)
