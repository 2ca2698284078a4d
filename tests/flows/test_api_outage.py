"""A run whose Prefect API goes away mid-run and comes back: the run finishes and writes its tables.

A real `prefect server start` on loopback; `infrafacts run` against it is held just before it switches
the new tables in; the server is stopped, the run let go (its next API calls fail to connect), and the
server started again on the same port and database some seconds later. How long an outage a run outlives
is Prefect's client retry budget, which our settings raise (checked in a fresh interpreter below).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.store.tables import read_table
from tests.flows.store.test_crash_safety import PAUSE_ENV, PAUSE_HOOK
from tests.flows.test_serve import ROOT, base_env, free_port, healthy, start, stop, wait_for

# Long enough for the run's calls to fail and be retried; how long an outage may last is the budget below.
OUTAGE_SECONDS = 20
# Prefect's default, 5 retries (2 + 4 + ... + 32 = 62 s), failed runs whose API restarted slowly.
PREFECT_DEFAULT_BUDGET = sum(2**k for k in range(1, 6))


def start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    env = base_env(home) | {
        "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home}/prefect.db", "PREFECT_UI_ENABLED": "false",
    }
    prefect = str(Path(sys.executable).with_name("prefect"))
    proc = start([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env,
                 home / f"server-{time.monotonic_ns()}.log")
    wait_for(lambda: healthy(f"http://127.0.0.1:{port}/api"), 180, "prefect server health", proc)
    return proc


def test_runs_retry_their_api_for_minutes_not_one(tmp_path: Path) -> None:
    """In a fresh interpreter with no Prefect variable set, as the CLI starts: the retry budget our
    settings give Prefect's client (backoff 2**n s per retry) covers several minutes."""
    probe = ("from flows.settings import apply_prefect_defaults; apply_prefect_defaults(); "
             "from prefect.settings import PREFECT_CLIENT_MAX_RETRIES as R; print(R.value())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=base_env(tmp_path),
                         capture_output=True, text=True, check=True).stdout
    budget = sum(2**k for k in range(1, int(out) + 1))
    assert budget >= 4 * PREFECT_DEFAULT_BUDGET, (out, budget)


@pytest.mark.integration
def test_a_run_survives_its_api_going_away_for_a_while(tmp_path: Path) -> None:
    home, raw, curated = tmp_path / "home", tmp_path / "raw", tmp_path / "curated"
    home.mkdir()
    raw.mkdir()
    (raw / "a.txt").write_text("Le 3 mars 2026, Hexavolt a levé 40 millions d’euros pour un site de 50 MW.\n",
                               encoding="utf-8")
    port = free_port()
    server = start_server(home, port)
    paused = tmp_path / "paused"
    path = os.pathsep.join(p for p in (str(PAUSE_HOOK), str(ROOT)) if p)
    env = base_env(home / "client") | {"PREFECT_API_URL": f"http://127.0.0.1:{port}/api", "PYTHONPATH": path,
                                      PAUSE_ENV: f"before_switch:{paused}"}
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--curated", str(curated)]
    run = start(cmd, env, tmp_path / "run.log")
    try:
        wait_for(lambda: paused.exists() or None, 300, "the run reaching its switch", run)
        stop(server)  # the API goes away mid-run
        Path(f"{paused}.resume").touch()
        time.sleep(OUTAGE_SECONDS)
        server = start_server(home, port)
        assert run.wait(timeout=300) == 0, (tmp_path / "run.log").read_text(errors="replace")[-3000:]
        assert read_table(curated, "articles")["status"].tolist() == ["ok"]
    finally:
        stop(run)
        stop(server)
