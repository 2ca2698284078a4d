"""The `infrafacts` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from flows.settings import apply_prefect_defaults

EXIT_OK, EXIT_ERROR, EXIT_REJECTED = 0, 1, 3
DEFAULT_GOLD = Path("tests/gold/dev")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infrafacts",
        description="Turn French articles on AI infrastructure into curated fact tables "
        "(money, power, dates, organisations).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run", help="extract facts from every *.txt article into curated tables",
        description="Run the main Prefect flow: read every *.txt file in --raw (UTF-8 French articles), "
        "extract money, power, date and organisation mentions, and write curated Parquet tables to --curated. "
        f"Exit status: {EXIT_OK} all files processed, {EXIT_REJECTED} finished but some files were rejected "
        f"(listed, and recorded in the articles table), {EXIT_ERROR} the run failed.",
    )
    run.add_argument("--raw", type=Path, default=Path("raw"), help="folder of .txt articles (default: raw/)")
    run.add_argument("--curated", type=Path, default=Path("curated"), help="output folder (default: curated/)")
    run.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch (default: 16)")

    ev = sub.add_parser(
        "evaluate", help="score curated mentions against the hand-annotated gold",
        description="Score curated/mentions.parquet against gold JSONL files with the metrics of SCORING.md: "
        "per type detection P/R/F1, end-to-end P/R/F1 and attribute accuracy.",
    )
    ev.add_argument("--curated", type=Path, default=Path("curated"), help="folder with mentions.parquet")
    ev.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold folder (default: {DEFAULT_GOLD}/)")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")
    return parser


def cmd_run(args: argparse.Namespace) -> int:
    apply_prefect_defaults()
    from flows.main import curate

    summary = curate(raw_dir=str(args.raw), curated_dir=str(args.curated), batch_size=args.batch_size)
    print("\n".join(summary.lines()))
    return EXIT_REJECTED if summary.rejected else EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from flows.scoring import format_report, load_gold, score
    from flows.store import read_table

    report = score(read_table(args.curated, "mentions"), load_gold(args.gold))
    print(json.dumps(report.rows(), indent=2) if args.json else format_report(report))
    return EXIT_OK


COMMANDS = {"run": cmd_run, "evaluate": cmd_evaluate}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except FileNotFoundError as exc:
        print(f"infrafacts: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
