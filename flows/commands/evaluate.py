"""`infrafacts evaluate`: score curated mentions against the gold (SCORING.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from flows.commands import EXIT_OK

NAME = "evaluate"
DEFAULT_GOLD = Path("tests/gold/dev")


def add_parser(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser(
        NAME, help="score curated mentions against the hand-annotated gold",
        description="Score curated/mentions.parquet against gold JSONL files with the metrics of SCORING.md: "
        "per type detection P/R/F1, end-to-end P/R/F1 and attribute accuracy (counts summed over articles).",
    )
    ev.add_argument("--curated", type=Path, default=Path("curated"), help="folder with mentions.parquet")
    ev.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold folder (default: {DEFAULT_GOLD}/)")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")


def handle(args: argparse.Namespace) -> int:
    from flows.scoring import format_report, load_gold, score
    from flows.store import read_table

    report = score(read_table(args.curated, "mentions"), load_gold(args.gold))
    print(json.dumps(report.rows(), indent=2) if args.json else format_report(report))
    return EXIT_OK
