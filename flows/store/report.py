"""Building the report from a curated folder: read its tables, render the site, write it atomically."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from flows.review.site import VEGA_BUNDLE, site_files
from flows.store.atomic import write_atomic
from flows.store.export import curated_tables
from flows.store.site import write_site


def read_curated(curated_dir: Path) -> dict[str, pd.DataFrame]:
    """Every curated table, in the export order (articles, mentions, fact tables, deals, then others)."""
    return {name: pd.read_parquet(path) for name, path in curated_tables(curated_dir).items()}


@cache
def _built_bundle() -> str:
    import vl_convert

    return vl_convert.javascript_bundle()


def bundle_cache() -> Path:
    """Where the built bundle is kept for every later report on this machine (per vl-convert version)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "infrafacts" / f"vega-embed-{version('vl-convert-python')}.js"


def _stamped(path: Path, stamp: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            return stamp + fh.read() if fh.readline() == stamp else None
    except OSError:
        return None


def vega_bundle(previous: Path) -> str:
    """vl-convert's vega-embed bundle (about 900 kB, 8 s to build): reused from the previous report or
    from the machine's cache when it came from the same vl-convert version, else built (at most once per
    process) and cached."""
    stamp = f"// vega-embed bundle of vl-convert-python {version('vl-convert-python')}\n"
    found = _stamped(previous, stamp) or _stamped(bundle_cache(), stamp)
    if found is not None:
        return found
    bundle = stamp + _built_bundle()
    with contextlib.suppress(OSError):  # a read-only home only costs the next report the build
        bundle_cache().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(bundle_cache(), lambda tmp: tmp.write_text(bundle, encoding="utf-8"))
    return bundle


def write_report(curated_dir: Path, out: Path, tables: Mapping[str, pd.DataFrame] | None = None) -> Path:
    """Render the report of `curated_dir` (its `tables`, read when not given) into the folder `out`;
    returns its index page."""
    tables = read_curated(curated_dir) if tables is None else tables
    write_site(site_files(curated_dir, tables, vega_bundle(out / VEGA_BUNDLE)), out)
    return out / "index.html"
