"""`records` and `values` give exactly what pandas' own conversion gives, for every dtype the tables use."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.cells import cells, records, values

DTYPES = {
    "string": st.one_of(st.none(), st.text(max_size=5)),
    "str": st.one_of(st.none(), st.text(max_size=5)),
    "boolean": st.one_of(st.none(), st.booleans()),
    "bool": st.booleans(),
    "Int64": st.one_of(st.none(), st.integers(-10, 10)),
    "int64": st.integers(-10, 10),
    "float64": st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
    "object": st.one_of(st.none(), st.lists(st.text(max_size=3), max_size=2)),
}


def same(a: object, b: object) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


def assert_same_records(frame: pd.DataFrame) -> None:
    expected, got = frame.to_dict("records"), records(frame)
    assert len(got) == len(expected)
    for want, row in zip(expected, got, strict=True):
        assert list(row) == list(want)
        assert all(same(want[k], row[k]) for k in want), (want, row)


@pytest.mark.parametrize(("dtype", "cell", "expected"), [
    ("string", None, None), ("string", "a", "a"), ("str", None, math.nan), ("boolean", None, None),
    ("boolean", True, True), ("Int64", None, None), ("Int64", 3, 3), ("float64", None, math.nan),
    ("float64", 1.5, 1.5), ("object", None, None), ("int64", 2, 2), ("bool", False, False),
])
def test_a_cell_comes_out_as_pandas_gives_it(dtype: str, cell: object, expected: object) -> None:
    frame = pd.DataFrame({"x": pd.Series([cell, cell], dtype=dtype)})
    assert_same_records(frame)
    assert all(same(v, expected) for v in values(frame["x"]))
    assert type(values(frame["x"])[0]) is not np.float64  # Python scalars, not numpy ones


@given(st.data())
def test_records_equal_to_dict_on_any_frame(data: st.DataObject) -> None:
    names = data.draw(st.lists(st.sampled_from(sorted(DTYPES)), min_size=1, max_size=5, unique=True))
    length = data.draw(st.integers(0, 6))
    frame = pd.DataFrame({
        name: pd.Series(data.draw(st.lists(DTYPES[name], min_size=length, max_size=length)), dtype=name)
        for name in names
    })
    assert_same_records(frame)


def test_cells_reads_the_named_columns_row_by_row() -> None:
    frame = pd.DataFrame({"a": pd.Series(["x", None], dtype="string"), "b": [1.0, 2.0], "c": [True, False]})
    assert list(cells(frame, "a", "b")) == [("x", 1.0), (None, 2.0)]


def test_an_empty_frame_has_no_records() -> None:
    assert records(pd.DataFrame({"a": pd.Series([], dtype="string")})) == []
