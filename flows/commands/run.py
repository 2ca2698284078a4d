"""`infrafacts run`: the main flow over a folder of articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.commands import EXIT_ERROR, EXIT_OK, EXIT_REJECTED
from flows.settings import apply_prefect_defaults

NAME = "run"


def add_parser(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser(
        NAME, help="extract facts from every *.txt article into curated tables",
        description="Run the main Prefect flow: read every *.txt file in --raw (UTF-8 French articles), "
        "extract money, power, date and organisation mentions, and write curated Parquet tables to --curated. "
        f"Exit status: {EXIT_OK} all files processed, {EXIT_REJECTED} finished but some files were rejected "
        f"(listed, and recorded in the articles table), {EXIT_ERROR} the run failed.",
    )
    run.add_argument("--raw", type=Path, default=Path("raw"), help="folder of .txt articles (default: raw/)")
    run.add_argument("--curated", type=Path, default=Path("curated"), help="output folder (default: curated/)")
    run.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch (default: 16)")


def handle(args: argparse.Namespace) -> int:
    if not args.raw.is_dir():  # fail before starting Prefect
        raise FileNotFoundError(f"{args.raw}: no such directory (pass --raw DIR with your .txt articles)")
    apply_prefect_defaults()
    from flows.main import curate

    summary = curate(raw_dir=str(args.raw), curated_dir=str(args.curated), batch_size=args.batch_size)
    print("\n".join(summary.lines()))
    return EXIT_REJECTED if summary.rejected else EXIT_OK
