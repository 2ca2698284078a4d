"""Curated tables are written atomically: a failed write leaves the previous tables intact."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from flows.store.tables import DUCKDB_NAME, read_duckdb_table, read_table, remove_stale_temp_files, write_tables


def visible_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    write_tables({"t": frame}, tmp_path)
    pd.testing.assert_frame_equal(read_table(tmp_path, "t"), frame, check_dtype=False)
    assert visible_files(tmp_path) == ["infrafacts.duckdb", "t.parquet"]  # no temp files left


def test_missing_table_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="infrafacts run"):
        read_table(tmp_path, "mentions")


def test_duckdb_holds_the_same_tables_with_native_lists(tmp_path: Path) -> None:
    frames = {
        "facts": pd.DataFrame({"fact_id": ["a", "b"], "value": [1.5, -2.0], "article_ids": [["x", "y"], []]}),
        "articles": pd.DataFrame({"article_id": ["x"], "chars": pd.array([3], dtype="Int64")}),
    }
    write_tables(frames, tmp_path)
    facts = read_duckdb_table(tmp_path / DUCKDB_NAME, "facts")
    assert facts["fact_id"].tolist() == ["a", "b"] and facts["value"].tolist() == [1.5, -2.0]
    assert facts["article_ids"].map(list).tolist() == [["x", "y"], []]
    assert read_duckdb_table(tmp_path / DUCKDB_NAME, "articles")["chars"].tolist() == [3]


def test_no_duckdb_when_not_asked(tmp_path: Path) -> None:
    write_tables({"t": pd.DataFrame({"a": [1]})}, tmp_path, duckdb_name=None)
    assert visible_files(tmp_path) == ["t.parquet"]


def test_stale_temp_files_of_dead_writers_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / ".t.parquet.999999999.deadbeef.tmp"  # beyond pid_max: no such process
    live = tmp_path / f".t.parquet.{os.getppid()}.cafe0001.tmp"  # a live process's file is left alone
    other = tmp_path / "notes.tmp"
    for path in (dead, live, other):
        path.write_bytes(b"x")
    assert remove_stale_temp_files(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])
