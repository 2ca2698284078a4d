"""Table cells as plain Python values: the one missing-value check every table module uses, and rows and
columns of a frame as Python values (`records`, `values`), as pandas gives them, several times faster."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pandas as pd
from pandas.api.extensions import ExtensionDtype


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


def values(column: pd.Series) -> list[Any]:
    """The column's cells as `DataFrame.to_dict("records")` gives them (Python scalars, None for pd.NA),
    converted in one call: iterating an Arrow-backed column boxes each cell (~1 µs each)."""
    if isinstance(column.dtype, ExtensionDtype) and column.dtype.na_value is pd.NA:
        return column.to_numpy(dtype=object, na_value=None).tolist()
    return column.tolist()


def cells(frame: pd.DataFrame, *columns: str) -> Iterator[tuple[Any, ...]]:
    """The cells of `columns`, row by row (`values` of each column)."""
    return zip(*(values(frame[c]) for c in columns), strict=True)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """`frame.to_dict("records")`, equal cell for cell, about 3x faster on the mentions table."""
    names = list(frame.columns)
    columns = [values(frame.iloc[:, i]) for i in range(len(names))]
    return [dict(zip(names, row)) for row in zip(*columns)]  # noqa: B905 - columns of one frame
