"""`infrafacts review`: what the reviewed corrections changed in the last run (and which matched nothing)."""

from __future__ import annotations

import argparse

from flows.commands import EXIT_OK
from flows.commands.run import add_curated_option
from flows.settings import ENV, Settings

NAME = "review"


def add_parser(sub: argparse._SubParsersAction) -> None:
    settings = Settings.from_env()
    cmd = sub.add_parser(
        NAME, help="list what the reviewed corrections changed in the last run",
        description=f"Print, per correction of {settings.corrections} (or ${ENV['corrections']}), every row it "
        "changed or rejected in the last run (before -> after), and the corrections whose target no longer "
        "exists. Corrections are applied by `infrafacts run`; edit the file, then run again.",
    )
    add_curated_option(cmd, settings)


def handle(args: argparse.Namespace) -> int:
    import pandas as pd

    from flows.curation.corrections import LOG_TABLE
    from flows.review.changes import change_lines
    from flows.store.tables import read_table, table_path

    read_table(args.curated, "articles")  # says "run first" when there is no curated folder
    logged = table_path(args.curated, LOG_TABLE).exists()  # written only when corrections changed something
    print("\n".join(change_lines(read_table(args.curated, LOG_TABLE) if logged else pd.DataFrame())))
    return EXIT_OK
