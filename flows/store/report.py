"""Building the report from a curated folder: read its tables, render the site, write it atomically."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from flows.review.site import VEGA_BUNDLE, site_files
from flows.store.export import curated_tables
from flows.store.site import write_site


def read_curated(curated_dir: Path) -> dict[str, pd.DataFrame]:
    """Every curated table, in the export order (articles, mentions, fact tables, deals, then others)."""
    return {name: pd.read_parquet(path) for name, path in curated_tables(curated_dir).items()}


@cache
def _built_bundle() -> str:
    import vl_convert

    return vl_convert.javascript_bundle()


def vega_bundle(previous: Path) -> str:
    """vl-convert's vega-embed bundle (about 900 kB, 8 s to build), reused from the previous report when it
    came from the same vl-convert version, and built at most once per process."""
    stamp = f"// vega-embed bundle of vl-convert-python {version('vl-convert-python')}\n"
    try:
        with open(previous, encoding="utf-8") as fh:
            if fh.readline() == stamp:
                return stamp + fh.read()
    except OSError:
        pass
    return stamp + _built_bundle()


def write_report(curated_dir: Path, out: Path, tables: Mapping[str, pd.DataFrame] | None = None) -> Path:
    """Render the report of `curated_dir` (its `tables`, read when not given) into the folder `out`;
    returns its index page."""
    tables = read_curated(curated_dir) if tables is None else tables
    write_site(site_files(curated_dir, tables, vega_bundle(out / VEGA_BUNDLE)), out)
    return out / "index.html"
