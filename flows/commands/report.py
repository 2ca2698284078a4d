"""`infrafacts report`: the curated tables as a static HTML site (no server needed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flows.commands import EXIT_BUSY, EXIT_OK
from flows.commands.run import add_curated_option
from flows.settings import ENV, Settings

NAME = "report"


def add_parser(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        NAME, help="write the curated tables as a static HTML report (tables, charts, highlighted articles)",
        description="Write a static HTML site over the curated tables: an index with the counts, rejected files, "
        "corrections and deals; every table, sortable and filterable, each row linking to its sources; charts; "
        "one page per article with every mention highlighted. Works offline (open index.html in a browser). "
        "The folder is replaced whole, atomically. `infrafacts run` writes it at the end of every run.",
    )
    settings = Settings.from_env()
    add_curated_option(cmd, settings)
    cmd.add_argument("--out", type=Path, default=settings.report,
                     help=f"report folder (default: report/ inside the curated folder, or ${ENV['report']})")


def handle(args: argparse.Namespace) -> int:
    from flows.store.lock import CuratedLocked, curated_lock
    from flows.store.report import write_report

    out = args.out or Settings.from_env().report_dir(args.curated)
    if not args.curated.is_dir():  # before the lock, which would create the folder
        raise FileNotFoundError(f"{args.curated}: no curated tables (run `infrafacts run` first)")
    try:
        with curated_lock(args.curated):  # read tables no run is rewriting
            index = write_report(args.curated, out)
    except CuratedLocked as exc:
        print(f"infrafacts: {exc}", file=sys.stderr)
        return EXIT_BUSY
    print(f"report -> {index.resolve()}")
    return EXIT_OK
