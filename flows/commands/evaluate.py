"""`infrafacts evaluate`: score curated mentions against the gold (SCORING.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flows.commands import EXIT_OK
from flows.commands.run import add_curated_option
from flows.settings import ENV, Settings

NAME = "evaluate"


def add_parser(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser(
        NAME, help="score curated mentions against the hand-annotated gold",
        description="Score curated/mentions.parquet against gold JSONL files with the metrics of SCORING.md: "
        "per type detection P/R/F1, end-to-end P/R/F1 and attribute accuracy (counts summed over articles).",
    )
    settings = Settings.from_env()
    add_curated_option(ev, settings)
    ev.add_argument("--gold", type=Path, default=settings.gold,
                    help=f"gold folder (default: {settings.gold}/, or ${ENV['gold']})")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")


def handle(args: argparse.Namespace) -> int:
    from flows.evaluation import format_report, load_gold, score
    from flows.store.tables import read_table

    mentions, gold = read_table(args.curated, "mentions"), load_gold(args.gold)
    warning = overlap_warning({g.article_id for g in gold}, set(read_table(args.curated, "articles")["article_id"]))
    if warning:
        print(f"infrafacts: warning: {warning}", file=sys.stderr)
    report = score(mentions, gold)
    print(json.dumps(report.rows(), indent=2) if args.json else format_report(report))
    return EXIT_OK


def overlap_warning(gold: set[str], curated: set[str]) -> str | None:
    """Why the scores may mean nothing: gold articles the curated folder does not have."""
    missing = sorted(gold - curated)
    if not missing:
        return None
    if len(missing) == len(gold):
        return (f"none of the {len(gold)} gold articles is in the curated folder: every gold fact counts as missed "
                "(run the flow over the gold's articles, or pass --gold/--curated)")
    return f"{len(missing)} of {len(gold)} gold articles are not in the curated folder: {', '.join(missing)}"
