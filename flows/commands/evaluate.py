"""`infrafacts evaluate`: score curated mentions against the gold (SCORING.md)."""

from __future__ import annotations

import argparse
import json
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

    report = score(read_table(args.curated, "mentions"), load_gold(args.gold))
    print(json.dumps(report.rows(), indent=2) if args.json else format_report(report))
    return EXIT_OK
