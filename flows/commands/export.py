"""`infrafacts export`: the curated tables as CSV, Parquet, JSON Lines or DuckDB, with a datapackage.json."""

from __future__ import annotations

import argparse
from pathlib import Path

from flows.commands import EXIT_OK
from flows.commands.run import add_curated_option
from flows.settings import Settings

NAME = "export"
FORMATS = ("csv", "parquet", "jsonl", "duckdb")  # = store.export.FORMATS (no pandas import at start-up)


def add_parser(sub: argparse._SubParsersAction) -> None:
    ex = sub.add_parser(
        NAME, help="export every curated table with a Frictionless datapackage.json",
        description="Write every curated table to --out in one format, plus datapackage.json (a Frictionless "
        "Data Package: one Table Schema per table with field types, descriptions and primary keys). List columns "
        "are native lists in Parquet, JSON Lines and DuckDB and JSON arrays in CSV. CSV text cells starting with "
        "= + - @, tab or carriage return get a leading ' so spreadsheets do not run them as formulas "
        "(see datapackage.json to undo it).",
    )
    ex.add_argument("--format", choices=FORMATS, default="csv", help="output format (default: csv)")
    ex.add_argument("--out", type=Path, help="folder to write the export to (default: export/<format>/ inside the "
                    "curated folder)")
    ex.add_argument("--force", action="store_true",
                    help="write into a folder that is not empty: replaces the previous export's files there")
    add_curated_option(ex, Settings.from_env())


def handle(args: argparse.Namespace) -> int:
    from flows.store.export import export

    out = args.out or args.curated / "export" / args.format
    written = export(args.curated, out, args.format, force=args.force)
    print(f"exported {len(written) - 1} files as {args.format} + datapackage.json -> {out}")
    for path in written:
        print(f"  {path}")
    return EXIT_OK
