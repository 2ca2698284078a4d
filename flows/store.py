"""Writing and reading the curated tables. Every write is atomic: written beside, then renamed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

TABLE_SUFFIX = ".parquet"


def table_path(curated_dir: Path, name: str) -> Path:
    return curated_dir / f"{name}{TABLE_SUFFIX}"


def _write_beside(frame: pd.DataFrame, target: Path) -> Path:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        frame.to_parquet(tmp, index=False)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_tables(tables: Mapping[str, pd.DataFrame], curated_dir: Path) -> list[Path]:
    """Write every table to a temporary file first; only when all are written, rename them into place.

    A failure while writing leaves the previous tables untouched; each rename is atomic, so a
    reader never sees a half-written file.
    """
    curated_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, frame in tables.items():
            target = table_path(curated_dir, name)
            staged.append((_write_beside(frame, target), target))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    _fsync_dir(curated_dir)
    return [target for _, target in staged]


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
