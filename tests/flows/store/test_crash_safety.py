"""A writer killed (SIGKILL) at any instant of a write leaves readers one whole generation of the curated
tables, the previous or the new, never a mix (Parquet and DuckDB alike); the next write completes and
removes what the dead writer left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from flows.store.generations import GENERATIONS, list_generations
from flows.store.tables import DUCKDB_NAME, read_duckdb_table, read_table, table_path, write_tables

ROOT = Path(__file__).resolve().parents[3]
# A sitecustomize module that makes a child process stop at a chosen point of its write (see its docstring).
PAUSE_HOOK = Path(__file__).resolve().parent / "pause_hook"
PAUSE_ENV = "INFRAFACTS_TEST_PAUSE_AT"
OLD = {
    "mentions": pd.DataFrame({"article_id": ["a"], "start": [0]}),
    "articles": pd.DataFrame({"article_id": ["a"]}),
    "money": pd.DataFrame({"fact_id": ["m1"]}),
}
NEW = {
    "mentions": pd.DataFrame({"article_id": ["b", "c"], "start": [5, 6]}),
    "articles": pd.DataFrame({"article_id": ["b", "c"]}),
    "money": pd.DataFrame({"fact_id": ["m2", "m3"]}),
}
WRITER = """
import sys
from pathlib import Path
import pandas as pd
from flows.store.tables import write_tables
new = pd.DataFrame({"article_id": ["b", "c"], "start": [5, 6]})
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 1):  # the same new tables, once or more
    write_tables({"mentions": new, "articles": new[["article_id"]], "money": pd.DataFrame({"fact_id": ["m2", "m3"]})},
                 Path(sys.argv[1]))
"""


def start_paused(cmd: list[str], point: str, signal_file: Path,
                 env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start `cmd` in its own process group, stopping at `point` in write_tables."""
    path = os.pathsep.join(p for p in (str(PAUSE_HOOK), str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = os.environ | (env or {}) | {PAUSE_ENV: f"{point}:{signal_file}", "PYTHONPATH": path}
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


def leftovers(curated: Path) -> list[str]:
    """What a half-done write leaves: temporary files or links, a `.partial` generation folder."""
    names = [p.name for p in curated.iterdir()] + [p.name for p in (curated / GENERATIONS).iterdir()]
    return sorted(n for n in names if n.endswith((".tmp", ".tmp.wal", ".partial")))


def read_through_stable_paths(curated: Path) -> list[dict[str, pd.DataFrame]]:
    """What a reader gets from `curated/<table>.parquet` and `curated/infrafacts.duckdb`, each read on its own."""
    return [{name: pd.read_parquet(table_path(curated, name)) for name in OLD},
            {name: read_duckdb_table(curated / DUCKDB_NAME, name) for name in OLD}]


def same(frames: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> bool:
    return all(frames[name].equals(frame) for name, frame in want.items())


def assert_one_generation(curated: Path) -> str:
    """Every stable path shows the old tables, or every one shows the new ones; says which."""
    views = read_through_stable_paths(curated)
    if all(same(view, OLD) for view in views):
        return "old"
    assert all(same(view, NEW) for view in views), f"a mix of old and new tables: {views}"
    return "new"


def write_plain_files(tables: dict[str, pd.DataFrame], curated: Path) -> None:
    """A curated folder as written before generations existed: plain files in place."""
    import duckdb

    curated.mkdir(parents=True)
    for name, frame in tables.items():
        frame.to_parquet(table_path(curated, name), index=False)
    with duckdb.connect(str(curated / DUCKDB_NAME)) as con:
        for name in tables:
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{table_path(curated, name)}')")


def count_steps(tmp_path: Path, start: str) -> int:
    curated = tmp_path / "count" / "curated"
    START[start](OLD, curated)
    proc = start_paused([sys.executable, "-c", WRITER, str(curated), WRITES[start]], "count", tmp_path / "steps")
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()  # type: ignore[union-attr]
    return int((tmp_path / "steps").read_text(encoding="utf-8"))


START = {"generations": write_tables, "plain files": write_plain_files}
# Writes per child: two from generations, so kills land before and after a switch; one from plain files
# (its adoption is a switch already).
WRITES = {"generations": "2", "plain files": "1"}


@pytest.mark.parametrize("start", START)
def test_a_kill_at_every_write_step_leaves_one_whole_generation(tmp_path: Path, start: str) -> None:
    steps = count_steps(tmp_path, start)
    assert steps >= 8, steps  # per write: tables, DuckDB, the generation's rename, the switch, the links
    seen = []
    for step in range(1, steps + 1):
        curated = tmp_path / f"step{step}" / "curated"
        START[start](OLD, curated)
        cmd = [sys.executable, "-c", WRITER, str(curated), WRITES[start]]
        proc = start_paused(cmd, f"step={step}", curated.parent / "paused")
        kill_when_paused(proc, curated.parent / "paused", timeout=60)
        seen.append(assert_one_generation(curated))

        write_tables(NEW, curated)  # the next run completes and cleans up
        assert assert_one_generation(curated) == "new" and leftovers(curated) == []
    assert seen[0] == "old", seen
    if WRITES[start] == "2":
        assert seen[-1] == "new", seen  # the kills did land before and after a switch


def test_a_failed_write_keeps_the_previous_generation(tmp_path: Path) -> None:
    curated = tmp_path / "curated"
    write_tables(OLD, curated)
    unwritable = pd.DataFrame({"article_id": [1, "x"]})  # mixed types: pyarrow refuses the column
    with pytest.raises(Exception, match="article_id"):
        write_tables({**NEW, "articles": unwritable}, curated)
    assert assert_one_generation(curated) == "old" and leftovers(curated) == []


def test_rollback_restores_the_previous_generation(tmp_path: Path) -> None:
    from flows.store.generations import rollback

    curated = tmp_path / "curated"
    write_tables(OLD, curated)
    write_tables(NEW, curated)
    assert assert_one_generation(curated) == "new"
    rollback(curated)
    assert assert_one_generation(curated) == "old" and read_table(curated, "articles").equals(OLD["articles"])
    with pytest.raises(ValueError, match="no generation older"):
        rollback(curated)


def test_only_the_last_generations_are_kept(tmp_path: Path) -> None:
    from flows.store.generations import KEEP

    curated = tmp_path / "curated"
    for _ in range(KEEP + 2):
        write_tables(NEW, curated)
    assert len(list_generations(curated)) == KEEP


@pytest.mark.integration
def test_killed_cli_run_then_next_run(prefect_harness: None, tmp_path: Path) -> None:
    """The real `infrafacts run` killed just before its switch; then a normal run over the same folder."""
    from prefect.settings import PREFECT_API_URL

    from flows.main import curate

    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    (raw / "a.txt").write_text("Le 3 mars 2026, Hexavolt a levé 40 millions d’euros pour un site de 50 MW.\n",
                               encoding="utf-8")
    write_tables(OLD, curated)
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--curated", str(curated)]
    api = {"PREFECT_API_URL": str(PREFECT_API_URL.value())}  # the session's server: no server start here
    proc = start_paused(cmd, "before_switch", tmp_path / "paused", env=api)
    kill_when_paused(proc, tmp_path / "paused", timeout=300)
    assert leftovers(curated)
    assert assert_one_generation(curated) == "old"

    summary = curate(raw_dir=str(raw), curated_dir=str(curated))
    assert (summary.processed, summary.rejected) == (1, 0)
    assert leftovers(curated) == []
    assert read_table(curated, "articles")["article_id"].tolist() == ["a"]
    assert read_duckdb_table(curated / DUCKDB_NAME, "money")["currency"].tolist() == ["EUR"]
