"""Comparing curated folders in tests: the same rows in every table (`processed_at` aside)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from flows.cells import plain
from flows.store.tables import read_table

TABLES = ("mentions", "articles", "money", "power", "dates", "organisations")


def table_rows(curated: Path, name: str) -> list[dict[str, Any]]:
    frame = read_table(curated, name).drop(columns=["processed_at"], errors="ignore")
    return [{k: plain(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")]


def assert_same_tables(a: Path, b: Path, tables: Iterable[str] = TABLES) -> None:
    for name in tables:
        assert table_rows(a, name) == table_rows(b, name), name
