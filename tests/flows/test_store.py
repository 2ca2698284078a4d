"""Curated tables are written atomically: a failed write leaves the previous tables intact."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from flows import store
from flows.store import read_table, write_tables


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    write_tables({"t": frame}, tmp_path)
    pd.testing.assert_frame_equal(read_table(tmp_path, "t"), frame, check_dtype=False)
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"]  # no temporary files left


def test_failed_write_keeps_previous_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = pd.DataFrame({"a": [1]})
    write_tables({"first": old, "second": old}, tmp_path)

    real = store._write_beside

    def fail_on_second(frame: pd.DataFrame, target: Path) -> Path:
        if target.name.startswith("second"):
            raise OSError("disk full")
        return real(frame, target)

    monkeypatch.setattr(store, "_write_beside", fail_on_second)
    with pytest.raises(OSError, match="disk full"):
        write_tables({"first": pd.DataFrame({"a": [9, 9]}), "second": pd.DataFrame({"a": [9]})}, tmp_path)
    assert read_table(tmp_path, "first")["a"].tolist() == [1]  # nothing renamed before all were written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.parquet", "second.parquet"]


def test_missing_table_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="infrafacts run"):
        read_table(tmp_path, "mentions")
