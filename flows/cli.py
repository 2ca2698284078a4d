"""The `infrafacts` command line: a thin dispatcher over `flows/commands/*`."""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import signal
import sys
from collections.abc import Sequence
from importlib import metadata
from types import ModuleType

from flows.commands import EXIT_ERROR
from flows.commands import evaluate as evaluate_cmd
from flows.commands import export as export_cmd
from flows.commands import report as report_cmd
from flows.commands import reprocess as reprocess_cmd
from flows.commands import review as review_cmd
from flows.commands import rollback as rollback_cmd
from flows.commands import run as run_cmd
from flows.commands import serve as serve_cmd
from flows.commands.problems import explain
from flows.settings import apply_prefect_defaults

COMMANDS: tuple[ModuleType, ...] = (run_cmd, reprocess_cmd, serve_cmd, evaluate_cmd, export_cmd, report_cmd,
                                     review_cmd, rollback_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infrafacts",
        description="Turn French articles on AI infrastructure into curated fact tables "
        "(money, power, dates, organisations).",
    )
    parser.add_argument("--version", action="version", version=f"infrafacts {metadata.version('infrafacts')}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def exit_on_termination() -> None:
    """SIGTERM and SIGHUP end a run as Ctrl-C does, by unwinding: the lock is released, and Prefect's
    exit handler stops the temporary server it started (the default action would leave it running)."""
    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, terminate)


def main(argv: Sequence[str] | None = None) -> int:
    apply_prefect_defaults()  # before anything imports Prefect, which reads its settings once
    exit_on_termination()
    try:
        parser = build_parser()
    except ValueError as exc:  # a bad INFRAFACTS_* variable
        print(f"infrafacts: {exc}", file=sys.stderr)
        return EXIT_ERROR
    args = parser.parse_args(argv)
    handlers = {command.NAME: command.handle for command in COMMANDS}
    try:
        return handlers[args.command](args)
    except Exception as exc:
        folder = getattr(args, "out", None) or getattr(args, "curated", None)
        line = explain(exc, folder)  # an operator's problem (a folder, a permission, a full disk): one line
        if line is None and isinstance(exc, (FileNotFoundError, FileExistsError, NotADirectoryError, PermissionError)):
            line = str(exc)
        if line is None:
            raise
        print(f"infrafacts: {line}", file=sys.stderr)
        return EXIT_ERROR


def command() -> None:
    """The `infrafacts` program: `main`, then, once every exit handler has run (Prefect's log and event
    threads drained, the temporary API stopped, temporary files removed), an exit that skips tearing down
    the interpreter: freeing a large run's objects one by one took over a second (5 MB corpus: 1.1 s
    between the last exit handler and the end of the process), for nothing the operating system does not do.
    An exception leaves Python's own exit as it is (its traceback, its exit status)."""
    done: list[int] = []

    def end_now() -> None:
        if done:
            logging.shutdown()  # registered before this handler (imported before `command` runs): run it now
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done[0])

    atexit.register(end_now)  # registered first, so it runs last
    code = main()
    done.append(code)
    sys.exit(code)


if __name__ == "__main__":
    command()
