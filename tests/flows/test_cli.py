"""The command line: help, and clear errors that say what to do."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from flows.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "run" in out and "evaluate" in out


def test_run_defaults_follow_the_contract() -> None:
    args = build_parser().parse_args(["run"])
    assert (args.raw, args.curated) == (Path("raw"), Path("curated"))


def test_evaluate_without_curated_tables_says_run_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--curated", str(tmp_path)]) == 1
    assert "infrafacts run" in capsys.readouterr().err


def test_run_on_missing_folder_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--raw", str(tmp_path / "absent"), "--curated", str(tmp_path / "out")]) == 1
    assert "absent" in capsys.readouterr().err


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for its parent."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_for(condition: Callable[[], object], seconds: float) -> object:
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)
    return found


def start_run(tmp_path: Path) -> subprocess.Popen[bytes]:
    """`infrafacts run` in its own process group, with its own PREFECT_HOME and temporary server."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Le 3 mars 2026, Hexavolt a levé 40 millions d’euros.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "home")}
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--curated", str(tmp_path / "curated")]
    return subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)


def server_of(proc: subprocess.Popen[bytes]) -> int:
    def server() -> int | None:
        return next((c for c in children(proc.pid) if b"prefect.server" in Path(f"/proc/{c}/cmdline").read_bytes()),
                    None)

    return wait_for(server, 240)  # type: ignore[return-value]


@pytest.mark.integration
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_a_killed_runs_server_is_stopped_by_the_next_run(tmp_path: Path) -> None:
    from flows.orphans import stop_orphaned_servers

    proc = start_run(tmp_path)
    try:
        server_pid = server_of(proc)
        proc.kill()  # SIGKILL to the run only: no clean-up code runs
        proc.wait(timeout=30)
        time.sleep(2)
        assert alive(server_pid)  # orphaned
        assert stop_orphaned_servers(str(tmp_path / "home")) == [server_pid]  # what the next run does first
        wait_for(lambda: not alive(server_pid), 15)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.integration
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_run_leaves_no_prefect_server(tmp_path: Path, signum: int) -> None:
    proc = start_run(tmp_path)
    try:
        server_pid = server_of(proc)
        proc.send_signal(signum)  # the run only, as a service manager or a closed terminal would
        assert proc.wait(timeout=60) == 128 + signum
        wait_for(lambda: not alive(server_pid), 15)  # type: ignore[arg-type]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of its group, an orphaned server included
        proc.wait()


def test_rollback_restores_the_previous_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pandas as pd

    from flows.store.tables import read_table, write_tables

    write_tables({"articles": pd.DataFrame({"article_id": ["old"]})}, tmp_path)
    write_tables({"articles": pd.DataFrame({"article_id": ["new"]})}, tmp_path)
    assert main(["rollback", "--curated", str(tmp_path), "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 2 and listed[1].startswith("* ")
    assert main(["rollback", "--curated", str(tmp_path)]) == 0
    assert read_table(tmp_path, "articles")["article_id"].tolist() == ["old"]
    assert main(["rollback", "--curated", str(tmp_path)]) == 1  # nothing older
    assert "no generation older" in capsys.readouterr().err
