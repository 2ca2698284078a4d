"""`infrafacts run`: the main flow over a folder of articles (incremental: unchanged articles are skipped)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows.commands import EXIT_BUSY, EXIT_ERROR, EXIT_OK, EXIT_REFUSED, EXIT_REJECTED
from flows.commands.problems import check_curated, check_prefect_home, check_raw
from flows.settings import ENV, FOLLOW_LINKS, Settings, available_cores
from flows.store.lock import CuratedLocked, curated_lock
from flows.store.stamp import Scan, bytes_to_extract, scan, unchanged_summary

if TYPE_CHECKING:
    from flows.curation.summary import RunSummary

NAME = "run"


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that runs the main flow (defaults: `Settings`, then the environment)."""
    settings = Settings.from_env()
    parser.add_argument("--raw", type=Path, default=settings.raw,
                        help="folder of articles (.txt, .md, .html, .json, .jsonl), or one such file "
                        f"(default: {settings.raw}/, or ${ENV['raw']})")
    add_curated_option(parser, settings)
    parser.add_argument("--batch-size", type=int, default=settings.batch_size,
                        help=f"documents per nlp.pipe batch (default: {settings.batch_size}, or ${ENV['batch_size']})")
    parser.add_argument("--workers", type=int, default=settings.workers, metavar="N",
                        help="extract in N worker processes; 1: in this process (default: every core when "
                        f"at least {settings.parallel_min_bytes:,} bytes are to be extracted, else 1; "
                        f"or ${ENV['workers']})")
    parser.add_argument("--dask-address", default=settings.dask_address, metavar="tcp://HOST:PORT",
                        help=f"extract on an existing Dask scheduler's workers (or ${ENV['dask_address']})")
    parser.add_argument("--follow-links", choices=FOLLOW_LINKS, default=settings.follow_links,
                        help="symbolic links in the raw folder: follow those that stay inside it (inside), none "
                        "(never) or all (always); a link not followed gets a rejected row saying why "
                        f"(default: {settings.follow_links}, or ${ENV['follow_links']}). Reading a file gives "
                        f"up after {settings.read_timeout:g} s (${ENV['read_timeout']})")


def apply_input_options(args: argparse.Namespace) -> None:
    """The readers take their settings from the environment (in the flow too): the flag beats the variable."""
    os.environ[ENV["follow_links"]] = args.follow_links


def add_removal_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--allow-removals", action="store_true",
                        help="let this run remove more than half of the articles the curated tables hold "
                        "(without it such a run, e.g. over an empty or unmounted raw folder, is refused)")


def add_curated_option(parser: argparse.ArgumentParser, settings: Settings) -> None:
    parser.add_argument("--curated", type=Path, default=settings.curated,
                        help=f"curated folder (default: {settings.curated}/, or ${ENV['curated']})")


def exit_status_text() -> str:
    return (f"Exit status: {EXIT_OK} done, every file processed or rejected already by an earlier run for the "
            f"same bytes and reason (listed again, not news), {EXIT_REJECTED} finished but some files were rejected "
            f"for the first time (listed, and recorded in the articles table; the next run over the same files "
            f"exits {EXIT_OK}), {EXIT_REFUSED} the run would remove more than half "
            f"of the known articles and --allow-removals was not given (nothing was changed), {EXIT_BUSY} "
            f"another run is writing the same curated folder (nothing was changed), {EXIT_ERROR} the run failed.")


def add_parser(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser(
        NAME, help="extract facts from every article (.txt .md .html .json .jsonl) into curated tables",
        description="Run the main Prefect flow: read every article file in --raw (a folder or one file: plain "
        "text or Markdown in UTF-8, cp1252, latin-1 or UTF-16 with BOM; web pages; JSON/JSON Lines records), "
        "extract money, power, date and organisation mentions, and write curated Parquet tables to --curated. "
        "Articles whose bytes and extractor version are unchanged since the last run keep their previous "
        "mentions (use `infrafacts reprocess` to force). " + exit_status_text(),
    )
    add_run_options(run)
    add_removal_option(run)


def workers_for(args: argparse.Namespace, folder: Scan, params: dict[str, Any]) -> int | None:
    """The explicit --workers, else every core when the work pays for the extra processes, else 1."""
    if args.workers is not None or args.dask_address:
        return args.workers
    settings = Settings.from_env()
    work = bytes_to_extract(args.curated, folder, params.get("reprocess", ()), params.get("reprocess_all", False))
    return available_cores() if work >= settings.parallel_min_bytes else 1


def run_flow(args: argparse.Namespace, workers: int | None, **params: Any) -> RunSummary:
    """Start what the run needs in the order that overlaps their start-up: Prefect's API server first
    (~4 s to boot), then the worker pool (its forkserver loads the pipeline), then this process imports
    the flow; the flow starts when the API answers."""
    from flows.prefect_api import api_in_use, run_api
    from flows.retention import prune_quietly
    from flows.runners import flow_on, task_runner, warm_workers

    api = run_api()
    runner = task_runner(workers, args.dask_address)
    with warm_workers(runner):
        flow = flow_on(runner)
        with api_in_use(api):
            summary = flow(raw_dir=str(args.raw), curated_dir=str(args.curated), batch_size=args.batch_size,
                           allow_removals=args.allow_removals, **params)
            prune_quietly(flow.name, Settings.from_env().prefect_retention_days)  # Prefect's DB
    return summary


def execute(args: argparse.Namespace, **params: Any) -> int:
    """Run the flow with the shared options plus `params`; the lock is taken before Prefect starts."""
    if not args.raw.exists():  # fail before starting Prefect
        raise FileNotFoundError(f"{args.raw}: no such file or directory (pass --raw DIR or --raw FILE)")
    apply_input_options(args)
    check_raw(args.raw)
    check_curated(args.curated)
    from flows.curation.removals import TooManyRemovals
    from flows.orphans import mark_run, stop_orphaned_servers

    mark_run()
    for pid in stop_orphaned_servers():
        print(f"infrafacts: stopped temporary Prefect server {pid} left by a killed run", file=sys.stderr)
    try:
        with curated_lock(args.curated):
            folder = scan(args.raw)
            # Nothing changed: say so without starting Prefect (most of a no-change run's time).
            summary = None if params else unchanged_summary(args.curated, folder.fingerprint())
            if summary is None:
                check_prefect_home()  # else its server dies at start, and the run waits 90 s for it
                workers = workers_for(args, folder, params)
                summary = run_flow(args, workers, **params)
                where = f"Dask at {args.dask_address}" if args.dask_address else f"{workers or 1} process(es)"
                print(f"extraction: {where}")
    except CuratedLocked as exc:
        print(f"infrafacts: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except TooManyRemovals as exc:
        print(f"infrafacts: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    print("\n".join(summary.lines()))
    return EXIT_REJECTED if summary.new_rejections else EXIT_OK


def handle(args: argparse.Namespace) -> int:
    return execute(args)
