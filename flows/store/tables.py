"""Writing and reading the curated tables. Every write is atomic: written beside, then renamed.

Besides one Parquet file per table, each write (re)builds `infrafacts.duckdb`, a DuckDB database
holding the same tables (the embedded, SQL-queryable store), the same way: built beside, then renamed.

Crash safety (`atomic.py`): a run killed while writing leaves the previous tables whole (nothing is
renamed before every file is written and synced); the next write deletes the temporary files of writers
that are no longer alive. Renames happen one file after another, so a kill in that last instant can
leave some tables new and some old, each whole.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from flows.store.atomic import fsync_dir, fsync_file, remove_stale_temp_files, temp_beside, write_beside
from flows.store.views import create_views

TABLE_SUFFIX = ".parquet"
DUCKDB_NAME = "infrafacts.duckdb"


def table_path(curated_dir: Path, name: str) -> Path:
    return curated_dir / f"{name}{TABLE_SUFFIX}"


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def build_duckdb_beside(parquet_files: Mapping[str, Path], target: Path) -> Path:
    """A DuckDB database with one table per Parquet file (types, lists included, come from Parquet),
    and the analyst views over them (`views.py`)."""
    import duckdb

    tmp = temp_beside(target)
    try:
        with duckdb.connect(str(tmp)) as con:
            for name, path in parquet_files.items():
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet({_sql_string(str(path))})')
            create_views(con)
            con.execute("CHECKPOINT")
        fsync_file(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
        raise
    return tmp


def write_tables(
    tables: Mapping[str, pd.DataFrame], curated_dir: Path, *, duckdb_name: str | None = DUCKDB_NAME
) -> list[Path]:
    """Write every table (and the DuckDB database) to temporary files first; only when all are written,
    rename them into place.

    A failure or a kill while writing leaves the previous tables untouched; each rename is atomic, so
    a reader never sees a half-written file.
    """
    curated_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(curated_dir)
    staged: dict[str, tuple[Path, Path]] = {}
    try:
        for name, frame in tables.items():
            target = table_path(curated_dir, name)
            staged[name] = (write_beside(target, lambda tmp, frame=frame: frame.to_parquet(tmp, index=False)), target)
        if duckdb_name:
            target = curated_dir / duckdb_name
            tmp = build_duckdb_beside({name: tmp for name, (tmp, _) in staged.items()}, target)
            staged[duckdb_name] = (tmp, target)
    except BaseException:
        for tmp, _ in staged.values():
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged.values():
        os.replace(tmp, target)
    fsync_dir(curated_dir)
    return [target for _, target in staged.values()]


def read_table(curated_dir: Path, name: str) -> pd.DataFrame:
    path = table_path(curated_dir, name)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no curated table '{name}' (run `infrafacts run` first)")
    return pd.read_parquet(path)


def read_duckdb_table(database: Path, name: str) -> pd.DataFrame:
    """One table of the curated DuckDB database, opened read-only."""
    import duckdb

    if not database.exists():
        raise FileNotFoundError(f"{database}: no curated DuckDB database (run `infrafacts run` first)")
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(f'SELECT * FROM "{name}"').df()

