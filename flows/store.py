"""Writing and reading the curated tables. Every write is atomic: written beside, then renamed.

Besides one Parquet file per table, each write (re)builds `infrafacts.duckdb`, a DuckDB database
holding the same tables (the embedded, SQL-queryable store), the same way: built beside, then renamed.

Crash safety: temporary files are named `.<target>.<pid>.<random>.tmp`. A run killed while writing
leaves the previous tables whole (nothing is renamed before every file is written and synced); the
next write deletes the temporary files of writers that are no longer alive. Renames happen one file
after another, so a kill in that last instant can leave some tables new and some old, each whole.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

TABLE_SUFFIX = ".parquet"
DUCKDB_NAME = "infrafacts.duckdb"
_TEMP_NAME = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]+\.tmp(?:\.wal)?$")
# Tests make a writer stop at a chosen point to kill it there: "<point>:<file to create when there>".
PAUSE_ENV = "INFRAFACTS_TEST_PAUSE_AT"
PAUSE_POINTS = ("after_first_table", "before_rename")


def table_path(curated_dir: Path, name: str) -> Path:
    return curated_dir / f"{name}{TABLE_SUFFIX}"


def temp_beside(target: Path) -> Path:
    """A fresh, not yet existing temporary path next to `target` naming this process."""
    return target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stale_temp_files(curated_dir: Path) -> list[Path]:
    """Temporary files left by writers that died (their pid is gone)."""
    out = []
    for path in curated_dir.iterdir():
        match = _TEMP_NAME.match(path.name)
        if match and int(match["pid"]) != os.getpid() and not _alive(int(match["pid"])):
            out.append(path)
    return sorted(out)


def remove_stale_temp_files(curated_dir: Path) -> list[Path]:
    stale = stale_temp_files(curated_dir)
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _write_beside(frame: pd.DataFrame, target: Path) -> Path:
    tmp = temp_beside(target)
    try:
        frame.to_parquet(tmp, index=False)
        _fsync_file(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def build_duckdb_beside(parquet_files: Mapping[str, Path], target: Path) -> Path:
    """A DuckDB database with one table per Parquet file (types, lists included, come from Parquet)."""
    import duckdb

    tmp = temp_beside(target)
    try:
        with duckdb.connect(str(tmp)) as con:
            for name, path in parquet_files.items():
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet({_sql_string(str(path))})')
            con.execute("CHECKPOINT")
        _fsync_file(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
        raise
    return tmp


def pause_if_asked(point: str) -> None:
    """Test hook: with INFRAFACTS_TEST_PAUSE_AT=<point>:<file>, create <file> and stop here until killed."""
    wanted, _, signal_file = os.environ.get(PAUSE_ENV, "").partition(":")
    if wanted != point:
        return
    Path(signal_file).write_text(str(os.getpid()), encoding="utf-8")
    while True:
        time.sleep(60)


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
            staged[name] = (_write_beside(frame, target), target)
            pause_if_asked("after_first_table")
        if duckdb_name:
            target = curated_dir / duckdb_name
            tmp = build_duckdb_beside({name: tmp for name, (tmp, _) in staged.items()}, target)
            staged[duckdb_name] = (tmp, target)
        pause_if_asked("before_rename")
    except BaseException:
        for tmp, _ in staged.values():
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged.values():
        os.replace(tmp, target)
    _fsync_dir(curated_dir)
    return [target for _, target in staged.values()]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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

