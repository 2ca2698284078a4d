"""Building the report from a curated folder: read its tables, render the site, write it atomically.

A large report is rendered by several processes at once (`report_shares`): this one renders the index, the
charts, the table pages and the first articles; each other process (forked by the forkserver a parallel
run has already started and loaded, else spawned) reads the articles, the mentions of its share of them
and the deals, and writes their pages into the folder being built. A share whose process fails is rendered
here.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from flows.curation.deals import DEALS_TABLE
from flows.review.site import VEGA_BUNDLE, article_files, article_split, ok_articles, report_units, site_files
from flows.settings import available_cores
from flows.store.atomic import write_atomic
from flows.store.export import curated_tables
from flows.store.site import write_files, write_site

# Below this many cost units (`site.report_units`, ~90 µs each) a share is not worth a process forked from a
# run's loaded forkserver (~0.3 s to start and read its tables).
UNITS_PER_PROCESS = 20_000
# A spawned process costs ~3 s of imports: worth it only for a report this large.
UNITS_FOR_SPAWNED_PROCESSES = 200_000
log = logging.getLogger(__name__)


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


def report_shares(tables: Mapping[str, pd.DataFrame], processes: int | None = None) -> int:
    """How many processes render the report: one per `UNITS_PER_PROCESS` of work, at most `processes`
    (a run passes its worker count). Without `processes`: every core this process may use for a report of
    at least `UNITS_FOR_SPAWNED_PROCESSES`, else one."""
    units = report_units(tables)
    if processes is None:
        processes = available_cores() if units >= UNITS_FOR_SPAWNED_PROCESSES else 1
    return max(1, min(processes, units // UNITS_PER_PROCESS))


def write_report(curated_dir: Path, out: Path, tables: Mapping[str, pd.DataFrame] | None = None,
                 processes: int | None = None, forked: bool = False) -> Path:
    """Render the report of `curated_dir` (its `tables`, read when not given) into the folder `out`, in
    up to `processes` processes (`report_shares`); returns its index page. `forked`: the other processes
    are forked by this process's running forkserver (a run's loaded worker pool), else spawned."""
    tables = read_curated(curated_dir) if tables is None else tables
    first, *others = article_split(tables, report_shares(tables, processes))
    files = site_files(curated_dir, tables, vega_bundle(out / VEGA_BUNDLE), articles=first)
    method = "forkserver" if forked else "spawn"
    write_site(files, out, lambda folder: rendered_elsewhere(curated_dir, folder, others, tables, method))
    return out / "index.html"


@contextlib.contextmanager
def rendered_elsewhere(curated_dir: Path, folder: Path, shares: Sequence[slice],
                       tables: Mapping[str, pd.DataFrame], start_method: str = "spawn") -> Iterator[None]:
    """Each share of the article pages written into `folder` by a process of its own while the caller
    renders the rest; on the way out, wait for them (a share whose process failed is rendered here), or
    stop them when the caller failed."""
    context = multiprocessing.get_context(start_method)
    started = [(share, context.Process(target=write_article_pages, name="infrafacts-report",
                                       args=(str(curated_dir), str(folder), share, list(tables))))
               for share in shares if share.stop > share.start]
    for _, process in started:
        process.start()
    try:
        yield
    except BaseException:
        for _, process in started:
            process.kill()
            process.join()
        raise
    for share, process in started:
        process.join()
        if process.exitcode != 0:
            log.warning("report: the process rendering articles %d-%d failed (exit %s); rendering them here",
                        share.start, share.stop, process.exitcode)
            write_files(article_files(curated_dir, tables, share, nav=list(tables)), folder)


def write_article_pages(curated_dir: str, folder: str, share: slice, nav: Sequence[str]) -> None:
    """In a report process: the pages of `share` of the ok articles, written and synced under `folder`."""
    paths = curated_tables(Path(curated_dir))
    articles = pd.read_parquet(paths["articles"])
    ids = ok_articles(articles)[share]
    tables = {"articles": articles,
              "mentions": pd.read_parquet(paths["mentions"], filters=[("article_id", "in", ids)])}
    if DEALS_TABLE in paths:
        tables[DEALS_TABLE] = pd.read_parquet(paths[DEALS_TABLE])
    write_files(article_files(Path(curated_dir), tables, share, nav=nav), Path(folder))
