"""`infrafacts serve`: a Prefect deployment of the main flow on a cron schedule (daily 06:00 Europe/Paris)."""

from __future__ import annotations

import argparse
import sys

from flows.commands import EXIT_ERROR, EXIT_OK
from flows.commands.run import add_run_options
from flows.deploy import CRON_ENV, DEFAULT_CRON, DEFAULT_TIMEZONE, DEPLOYMENT_NAME, TIMEZONE_ENV
from flows.settings import apply_prefect_defaults

NAME = "serve"


def add_parser(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser(
        NAME, help="serve the main flow as a scheduled Prefect deployment (default: daily at 06:00 Paris time)",
        description="Register the deployment 'infrafacts-curate/<name>' with a cron schedule on the Prefect "
        "server named by PREFECT_API_URL (start one with `prefect server start`), then run its scheduled and "
        "manually triggered runs until interrupted. Each run is incremental, as `infrafacts run`.",
    )
    cmd.add_argument("--cron", default=None,
                     help=f"cron expression (default: ${CRON_ENV} or '{DEFAULT_CRON}', daily at 06:00)")
    cmd.add_argument("--timezone", default=None,
                     help=f"IANA timezone of the cron expression (default: ${TIMEZONE_ENV} or {DEFAULT_TIMEZONE})")
    cmd.add_argument("--name", default=DEPLOYMENT_NAME, help=f"deployment name (default: {DEPLOYMENT_NAME})")
    add_run_options(cmd)


def handle(args: argparse.Namespace) -> int:
    if not args.raw.is_dir():
        raise FileNotFoundError(f"{args.raw}: no such directory (pass --raw DIR with your .txt articles)")
    apply_prefect_defaults()
    from flows.deploy import cron_setting, schedule, serve, timezone_setting

    cron, timezone = cron_setting(args.cron), timezone_setting(args.timezone)
    try:
        schedule(cron, timezone)
    except ValueError as exc:
        print(f"infrafacts: bad schedule {cron!r} in {timezone!r}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    serve(args.raw, args.curated, cron=cron, timezone=timezone,
          name=args.name, batch_size=args.batch_size, workers=args.workers, address=args.dask_address)
    return EXIT_OK
