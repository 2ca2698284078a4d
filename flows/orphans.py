"""Temporary Prefect servers left running by an infrafacts run that was killed with SIGKILL.

Prefect stops the temporary server it starts when the run exits (also on SIGTERM/SIGHUP, see `cli.py`),
but nothing runs on SIGKILL, and the server (~220 MB) then lives on. Each run marks its environment with
its pid (`RUN_PID_ENV`), which the server inherits; the next run stops every temporary server of the same
PREFECT_HOME whose marked run is gone. Linux only (reads /proc); elsewhere it does nothing.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from flows.store.atomic import pid_alive

RUN_PID_ENV = "INFRAFACTS_RUN_PID"
_SERVER_APP = b"prefect.server.api.server:create_app"
_PROC = Path("/proc")


def mark_run() -> None:
    """Mark this process's environment (and so the temporary server's) with this run's pid."""
    os.environ[RUN_PID_ENV] = str(os.getpid())


def _environ(pid: str) -> dict[str, str]:
    raw = (_PROC / pid / "environ").read_bytes()
    return dict(item.decode(errors="replace").partition("=")[::2] for item in raw.split(b"\0") if item)


def orphaned_servers(prefect_home: str | None = None) -> list[int]:
    """Temporary Prefect servers of `prefect_home` (default: this process's) whose infrafacts run is gone."""
    home = prefect_home if prefect_home is not None else os.environ.get("PREFECT_HOME", "")
    found = []
    for entry in _PROC.glob("[0-9]*") if _PROC.is_dir() else []:
        try:
            if _SERVER_APP not in (entry / "cmdline").read_bytes():
                continue
            env = _environ(entry.name)
        except OSError:  # gone meanwhile, or not ours to read
            continue
        run = env.get(RUN_PID_ENV, "")
        if run.isdigit() and env.get("PREFECT_HOME", "") == home and not pid_alive(int(run)):
            found.append(int(entry.name))
    return sorted(found)


def stop_orphaned_servers(prefect_home: str | None = None) -> list[int]:
    stopped = []
    for pid in orphaned_servers(prefect_home):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        stopped.append(pid)
    return stopped
