"""`infrafacts serve`: a Prefect deployment of the main flow on a cron schedule (daily 06:00 Europe/Paris)."""

from __future__ import annotations

import argparse
import sys

from flows.commands import EXIT_ERROR, EXIT_OK
from flows.commands.run import add_run_options, apply_input_options
from flows.settings import ENV, Settings

NAME = "serve"


def add_parser(sub: argparse._SubParsersAction) -> None:
    settings = Settings.from_env()
    cmd = sub.add_parser(
        NAME, help="serve the main flow as a scheduled Prefect deployment (default: daily at 06:00 Paris time)",
        description="Register the deployment 'infrafacts-curate/<name>' with a cron schedule on the Prefect "
        "server named by PREFECT_API_URL (start one with `prefect server start`), then run its scheduled and "
        "manually triggered runs until interrupted. Each run is incremental, as `infrafacts run`.",
    )
    cmd.add_argument("--cron", default=settings.cron,
                     help=f"cron expression (default: '{settings.cron}', or ${ENV['cron']})")
    cmd.add_argument("--timezone", default=settings.timezone,
                     help=f"IANA timezone of the cron expression (default: {settings.timezone}, or ${ENV['timezone']})")
    cmd.add_argument("--name", default=settings.deployment,
                     help="deployment name (default: named after the schedule, e.g. daily-06h00 for '0 6 * * *', "
                     f"or ${ENV['deployment']})")
    add_run_options(cmd)


def schedule_name(cron: str) -> str:
    """A deployment name that says when it runs: '0 6 * * *' -> 'daily-06h00', '*/30 * * * 1-5' ->
    'cron-every30-x-x-x-1-5'."""
    fields = cron.split()
    if len(fields) == 5 and fields[2:] == ["*", "*", "*"] and fields[0].isdigit() and fields[1].isdigit():
        return f"daily-{int(fields[1]):02d}h{int(fields[0]):02d}"
    return "cron-" + "-".join(f.replace("*/", "every").replace("*", "x").replace("/", "every") for f in fields)


def handle(args: argparse.Namespace) -> int:
    if not args.raw.is_dir():
        raise FileNotFoundError(f"{args.raw}: no such directory (pass --raw DIR with your .txt articles)")
    apply_input_options(args)  # the scheduled runs happen in this process
    from flows.deploy import schedule, serve

    try:
        schedule(args.cron, args.timezone)
    except ValueError as exc:
        print(f"infrafacts: bad schedule {args.cron!r} in {args.timezone!r}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    serve(args.raw, args.curated, cron=args.cron, timezone=args.timezone, name=args.name or schedule_name(args.cron),
          batch_size=args.batch_size, workers=args.workers, address=args.dask_address)
    return EXIT_OK
