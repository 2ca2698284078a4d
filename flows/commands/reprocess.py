"""`infrafacts reprocess`: force re-extraction of some articles (or all), whatever their hashes say."""

from __future__ import annotations

import argparse
import sys

from flows.commands import EXIT_ERROR
from flows.commands.run import add_removal_option, add_run_options, execute, exit_status_text
from flows.sources import article_id_of, discover

NAME = "reprocess"


def add_parser(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        NAME, help="re-extract chosen articles (--article ID ...) or all of them (--all)",
        description="Run the main flow, re-extracting the given articles even when their bytes and the "
        "extractor version are unchanged (e.g. after a fix in a dependency the version does not see). "
        "Other articles are handled as by `run`. " + exit_status_text(),
    )
    which = cmd.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", action="append", default=[], metavar="ID",
                       help="article id (the file name without its suffix; `<file>#<n>` for a record; "
                       "`--article=-x` for an id starting with a dash); repeat for several")
    which.add_argument("--all", action="store_true", help="re-extract every article")
    add_run_options(cmd)
    add_removal_option(cmd)


def handle(args: argparse.Namespace) -> int:
    from flows.curation.incremental import unknown_ids  # imports pandas: not on every `infrafacts run`

    known = [article_id_of(p) for p in discover(args.raw)]  # check ids before starting Prefect
    missing = unknown_ids([a.partition("#")[0] for a in args.article], known)  # `feed#3`: record 3 of feed.jsonl
    if missing:
        print(f"infrafacts: no such article in {args.raw}: {', '.join(missing)} "
              "(an id is a file name without its suffix)", file=sys.stderr)
        return EXIT_ERROR
    return execute(args, reprocess=list(args.article), reprocess_all=args.all)
