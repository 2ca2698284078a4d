"""A writer killed (SIGKILL) in the middle of writing leaves the previous curated tables whole and
readable, and the next run completes and removes the dead writer's temporary files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from flows.store.tables import DUCKDB_NAME, read_duckdb_table, read_table, write_tables

ROOT = Path(__file__).resolve().parents[3]
# A sitecustomize module that makes a child process stop at a chosen point of its write (see its docstring).
PAUSE_HOOK = Path(__file__).resolve().parent / "pause_hook"
PAUSE_ENV = "INFRAFACTS_TEST_PAUSE_AT"
PAUSE_POINTS = ("after_first_table", "before_rename")
OLD = {"mentions": pd.DataFrame({"article_id": ["a"], "start": [0]}), "articles": pd.DataFrame({"article_id": ["a"]})}
WRITER = """
import sys
from pathlib import Path
import pandas as pd
from flows.store.tables import write_tables
new = pd.DataFrame({"article_id": ["b", "c"], "start": [5, 6]})
write_tables({"mentions": new, "articles": new[["article_id"]]}, Path(sys.argv[1]))
"""


def start_paused(cmd: list[str], point: str, signal_file: Path) -> subprocess.Popen[bytes]:
    """Start `cmd` in its own process group, stopping at `point` in write_tables."""
    path = os.pathsep.join(p for p in (str(PAUSE_HOOK), str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = os.environ | {PAUSE_ENV: f"{point}:{signal_file}", "PYTHONPATH": path}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_when_paused(proc: subprocess.Popen[bytes], signal_file: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not signal_file.exists():
        if proc.poll() is not None:
            raise AssertionError(f"writer ended before pausing: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError("writer never reached the pause point")
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the writer and anything it started (a Prefect server)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".tmp.wal")))


def assert_old_tables(curated: Path) -> None:
    for name, frame in OLD.items():
        pd.testing.assert_frame_equal(read_table(curated, name), frame)
        pd.testing.assert_frame_equal(read_duckdb_table(curated / DUCKDB_NAME, name), frame)


@pytest.mark.parametrize("point", PAUSE_POINTS)
def test_killed_writer_leaves_previous_tables(tmp_path: Path, point: str) -> None:
    curated = tmp_path / "curated"
    write_tables(OLD, curated)
    proc = start_paused([sys.executable, "-c", WRITER, str(curated)], point, tmp_path / "paused")
    kill_when_paused(proc, tmp_path / "paused", timeout=60)
    assert temp_files(curated), "the kill should have left a half-done write behind"
    assert_old_tables(curated)

    new = pd.DataFrame({"article_id": ["z"], "start": [9]})
    write_tables({"mentions": new, "articles": new[["article_id"]]}, curated)  # the next run
    assert temp_files(curated) == []
    pd.testing.assert_frame_equal(read_table(curated, "mentions"), new)


@pytest.mark.integration
def test_killed_cli_run_then_next_run(prefect_harness: None, tmp_path: Path) -> None:
    """The real `infrafacts run` killed just before its renames; then a normal run over the same folder."""
    from flows.main import curate

    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    (raw / "a.txt").write_text("Le 3 mars 2026, Hexavolt a levé 40 millions d’euros pour un site de 50 MW.\n",
                               encoding="utf-8")
    write_tables(OLD, curated)
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--curated", str(curated)]
    proc = start_paused(cmd, "before_rename", tmp_path / "paused")
    kill_when_paused(proc, tmp_path / "paused", timeout=300)
    assert temp_files(curated)
    assert_old_tables(curated)

    summary = curate(raw_dir=str(raw), curated_dir=str(curated))
    assert (summary.processed, summary.rejected) == (1, 0)
    assert temp_files(curated) == []
    assert read_table(curated, "articles")["article_id"].tolist() == ["a"]
    assert read_duckdb_table(curated / DUCKDB_NAME, "money")["currency"].tolist() == ["EUR"]
