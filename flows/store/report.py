"""Building the report from a curated folder: read its tables, render the site, write it atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from flows.store.export import curated_tables
from flows.store.site import write_site

REPORT_DIR = "report"


def default_report_dir(curated_dir: Path) -> Path:
    return curated_dir / REPORT_DIR


def read_curated(curated_dir: Path) -> dict[str, pd.DataFrame]:
    """Every curated table, in the export order (articles, mentions, fact tables, deals, then others)."""
    return {name: pd.read_parquet(path) for name, path in curated_tables(curated_dir).items()}


def write_report(curated_dir: Path, out: Path | None = None) -> Path:
    """Render the report of `curated_dir` into `out` (default `<curated>/report`); returns the index page."""
    from flows.review.site import build_site

    target = out or default_report_dir(curated_dir)
    write_site(build_site(curated_dir, read_curated(curated_dir)), target)
    return target / "index.html"
