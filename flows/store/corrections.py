"""Reading the reviewed corrections file (`review/corrections.csv`) and what the last run corrected."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from flows.curation.corrections import LOG_TABLE, Correction
from flows.store.tables import table_path

HEADER = ("table", "target", "action", "field", "value", "note")


def read_corrections(path: Path) -> list[Correction]:
    """The corrections of `path` (none when the file does not exist). Lines starting with `#` are comments;
    the first other line is the header; one correction per line."""
    if not path.exists():
        return []
    numbered = [(n, line) for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        return []
    rows = list(csv.reader(line for _, line in numbered))
    if tuple(cell.strip() for cell in rows[0]) != HEADER:
        raise ValueError(f"{path}: line {numbered[0][0]}: expected the header {','.join(HEADER)}")
    out = []
    for (n, _), row in zip(numbered[1:], rows[1:], strict=True):
        cells = [cell.strip() for cell in row] + [""] * (len(HEADER) - len(row))
        if len(row) > len(HEADER):
            raise ValueError(f"{path}: line {n}: {len(row)} cells, expected at most {len(HEADER)} (quote commas)")
        out.append(Correction(n, *cells[: len(HEADER)]))
    return out


def forget_corrections(curated_dir: Path) -> None:
    """No correction changed anything this run: the last run's log no longer holds (the table is written only
    when corrections exist, so exports and DuckDB carry no empty table)."""
    table_path(curated_dir, LOG_TABLE).unlink(missing_ok=True)


def corrected_articles(curated_dir: Path) -> set[str]:
    """Articles the last run's corrections changed: re-extracted, so corrections always start from fresh rows."""
    path = table_path(curated_dir, LOG_TABLE)
    try:
        log = pd.read_parquet(path, columns=["article_id"]) if path.exists() else None
    except (OSError, ValueError):
        return set()
    return set() if log is None else set(log["article_id"].dropna().astype(str))
