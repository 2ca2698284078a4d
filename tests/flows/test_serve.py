"""Scheduled runs: the schedule's dates (pure), and `infrafacts serve` against a real Prefect server.

The server test starts `prefect server start` on loopback (own PREFECT_HOME and SQLite file), runs
`infrafacts serve` as a second process, checks the schedule the server stored, triggers a run through
the API and waits for the serving process to execute it. Both processes are killed (process groups)
at the end whatever happens.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest

from flows.cli import build_parser
from flows.deploy import deployment_parameters, schedule
from flows.main import FLOW_NAME
from flows.settings import ENV
from flows.store.tables import read_table

ROOT = Path(__file__).resolve().parents[2]
PARIS = ZoneInfo("Europe/Paris")
T = TypeVar("T")


# --- the schedule, without a server -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("start", "expected_utc_hours"),
    [
        (datetime(2026, 3, 27, 12, tzinfo=PARIS), [5, 4, 4]),  # 28 Mar CET, 29 Mar CEST (DST starts), 30 Mar
        (datetime(2026, 10, 23, 12, tzinfo=PARIS), [4, 5, 5]),  # 24 Oct CEST, 25 Oct CET (DST ends), 26 Oct
        (datetime(2026, 7, 1, 12, tzinfo=PARIS), [4, 4, 4]),
    ],
)
def test_daily_schedule_stays_at_six_paris_time_across_dst(start: datetime, expected_utc_hours: list[int]) -> None:
    from prefect.server.schemas.schedules import CronSchedule

    dates = asyncio.run(CronSchedule(cron="0 6 * * *", timezone="Europe/Paris").get_dates(n=3, start=start))
    assert [d.astimezone(PARIS).hour for d in dates] == [6, 6, 6]
    assert [d.astimezone(ZoneInfo("UTC")).hour for d in dates] == expected_utc_hours
    first = start.date() + timedelta(days=1)
    assert [d.astimezone(PARIS).date() for d in dates] == [first + timedelta(days=i) for i in range(3)]


@pytest.mark.parametrize(
    ("flags", "env", "expected"),
    [
        ((None, None), {}, ("0 6 * * *", "Europe/Paris")),
        ((None, None), {ENV["cron"]: "30 5 * * 1-5", ENV["timezone"]: "UTC"}, ("30 5 * * 1-5", "UTC")),
        (("0 7 * * *", "America/New_York"), {ENV["cron"]: "30 5 * * 1-5"}, ("0 7 * * *", "America/New_York")),
    ],
)
def test_schedule_settings_flag_beats_environment_beats_default(
    monkeypatch: pytest.MonkeyPatch, flags: tuple[str | None, str | None], env: dict[str, str],
    expected: tuple[str, str],
) -> None:
    for name in (ENV["cron"], ENV["timezone"]):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    cron, timezone = flags
    argv = ["serve", *(["--cron", cron] if cron else []), *(["--timezone", timezone] if timezone else [])]
    args = build_parser().parse_args(argv)
    assert (args.cron, args.timezone) == expected


@pytest.mark.parametrize(("cron", "timezone"), [("0 6 * *", "Europe/Paris"), ("0 6 * * *", "Europe/Atlantis")])
def test_bad_schedule_is_refused_before_any_server_call(cron: str, timezone: str) -> None:
    with pytest.raises(ValueError):
        schedule(cron, timezone)


# --- a real server ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(probe: Callable[[], T | None], timeout: float, what: str, proc: subprocess.Popen[bytes]) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{what}: process exited with {proc.returncode}")
        value = probe()
        if value is not None:
            return value
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout} s")


def healthy(url: str) -> bool | None:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return True if response.status == 200 else None
    except OSError:
        return None


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        return subprocess.Popen(args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def base_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return env | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`prefect server start` on a free loopback port; yields the API URL."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = free_port()
    env = base_env(home) | {
        "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home}/prefect.db",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",  # insert scheduled runs soon after registration
    }
    prefect = str(Path(sys.executable).with_name("prefect"))
    proc = start([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, home / "server.log")
    url = f"http://127.0.0.1:{port}/api"
    try:
        wait_for(lambda: healthy(url), 180, "prefect server health", proc)
        yield url
    finally:
        stop(proc)


def deployment_of(client: Any, name: str) -> Any:
    from prefect.exceptions import ObjectNotFound

    try:
        return client.read_deployment_by_name(f"{FLOW_NAME}/{name}")
    except ObjectNotFound:
        return None


def final_state(client: Any, flow_run_id: Any) -> Any:
    state = client.read_flow_run(flow_run_id).state
    return state if state is not None and state.is_final() else None


def scheduled_runs(client: Any, deployment_id: Any) -> list[Any] | None:
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId, FlowRunFilter, FlowRunFilterState

    runs = client.read_flow_runs(
        deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
        flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type={"any_": ["SCHEDULED"]})),
    )
    return [r for r in runs if r.auto_scheduled] or None


@pytest.mark.integration
def test_serve_registers_the_schedule_and_executes_a_triggered_run(prefect_server: str, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    for name in ("002_b59bb55a070cc80a.txt", "004_cc9eb378494e53c6.txt"):
        shutil.copy(ROOT / "raw" / name, raw)
    env = base_env(tmp_path / "serve-home") | {"PREFECT_API_URL": prefect_server, "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    infrafacts = str(Path(sys.executable).with_name("infrafacts"))
    serving = start([infrafacts, "serve", "--raw", str(raw), "--curated", str(curated), "--name", "test-daily"],
                    env, tmp_path / "serve.log")
    try:
        with temporary_settings(updates={PREFECT_API_URL: prefect_server}), get_client(sync_client=True) as client:
            deployment = wait_for(lambda: deployment_of(client, "test-daily"), 180, "deployment", serving)
            [stored] = deployment.schedules
            assert (stored.schedule.cron, stored.schedule.timezone, stored.active) == (
                "0 6 * * *", "Europe/Paris", True)
            assert deployment.parameters == deployment_parameters(raw, curated, 16)
            upcoming = wait_for(lambda: scheduled_runs(client, deployment.id), 60, "scheduled runs", serving)
            assert {r.expected_start_time.astimezone(PARIS).strftime("%H:%M") for r in upcoming} == {"06:00"}

            run = run_deployment(f"{FLOW_NAME}/test-daily", timeout=0)
            state = wait_for(lambda: final_state(client, run.id), 300, "triggered run", serving)
            assert state.is_completed(), (state, (tmp_path / "serve.log").read_text(errors="replace")[-3000:])
        articles = read_table(curated, "articles")
        assert sorted(articles["article_id"]) == ["002_b59bb55a070cc80a", "004_cc9eb378494e53c6"]
        assert (articles["status"] == "ok").all() and not read_table(curated, "mentions").empty
    finally:
        stop(serving)
