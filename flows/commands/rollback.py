"""`infrafacts rollback`: make an earlier generation of the curated tables current again."""

from __future__ import annotations

import argparse
import sys

from flows.commands import EXIT_BUSY, EXIT_ERROR, EXIT_OK
from flows.commands.run import add_curated_option
from flows.settings import Settings
from flows.store.lock import CuratedLocked, curated_lock

NAME = "rollback"


def add_parser(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        NAME, help="restore the previous generation of the curated tables",
        description="Every run writes its tables as a new generation and keeps the last few "
        "(curated/.generations/). Make the one before the current one (or --to NAME) current again: every "
        "table and the DuckDB file switch back at once. The next run is incremental from it.",
    )
    add_curated_option(cmd, Settings.from_env())
    cmd.add_argument("--to", metavar="GENERATION", help="the generation to restore (see --list)")
    cmd.add_argument("--list", action="store_true", help="list the kept generations (* marks the current one)")


def handle(args: argparse.Namespace) -> int:
    from flows.store.generations import current_name, list_generations, rollback

    if args.list:
        current = current_name(args.curated)
        for name in list_generations(args.curated):
            print(f"{'*' if name == current else ' '} {name}")
        return EXIT_OK
    try:
        with curated_lock(args.curated):
            name = rollback(args.curated, args.to)
    except CuratedLocked as exc:
        print(f"infrafacts: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except ValueError as exc:
        print(f"infrafacts: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{args.curated}: generation {name} is current again")
    return EXIT_OK
