"""Writing and reading the curated tables: one Parquet file per table, plus `infrafacts.duckdb`, a DuckDB
database holding the same tables (the embedded, SQL-queryable store).

Every write is one new generation (`generations.py`): all files are written and synced into a folder of
their own, then one atomic rename switches the stable paths (`curated/<table>.parquet`,
`curated/infrafacts.duckdb`) to it. A run killed at any instant leaves readers the previous set of tables
or the new one, never a mix; the next write removes what the dead writer left.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from flows.store.atomic import fsync_file, remove_stale_temp_files, temp_beside
from flows.store.generations import begin_generation, commit_generation, current_folder
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
    """Write every table (and the DuckDB database) into a new generation, then switch to it at once.

    A failure or a kill before the switch leaves the previous tables current and untouched.
    """
    curated_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(curated_dir)
    folder = begin_generation(curated_dir)
    try:
        files = {name: table_path(folder, name) for name in tables}
        for name, frame in tables.items():
            frame.to_parquet(files[name], index=False)
            fsync_file(files[name])
        if duckdb_name:
            os.replace(build_duckdb_beside(files, folder / duckdb_name), folder / duckdb_name)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    commit_generation(curated_dir, folder)
    return [curated_dir / name for name in (*(path.name for path in files.values()), *filter(None, [duckdb_name]))]


def read_table(curated_dir: Path, name: str) -> pd.DataFrame:
    path = table_path(current_folder(curated_dir), name)
    if not path.exists():
        stable = table_path(curated_dir, name)
        raise FileNotFoundError(f"{stable}: no curated table '{name}' (run `infrafacts run` first)")
    return pd.read_parquet(path)


def read_duckdb_table(database: Path, name: str) -> pd.DataFrame:
    """One table of the curated DuckDB database, opened read-only."""
    import duckdb

    if not database.exists():
        raise FileNotFoundError(f"{database}: no curated DuckDB database (run `infrafacts run` first)")
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(f'SELECT * FROM "{name}"').df()

