"""Worker processes and no-change runs: the same tables whatever the worker count, nothing written
when nothing changed, and the default worker count following the size of the work."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import cloudpickle
import psutil
import pytest
from prefect import flow, task

from flows.cli import main
from flows.commands.run import workers_for
from flows.orphans import RUN_PID_ENV
from flows.runners import WarmProcessPool, release_workers
from flows.settings import available_cores
from flows.store.stamp import STAMP_NAME, scan
from tests.flows.same_tables import assert_same_tables

ROOT = Path(__file__).resolve().parents[2]
SMALL = ("002_b59bb55a070cc80a", "004_cc9eb378494e53c6")

pytestmark = pytest.mark.integration


def copy_articles(raw: Path, names: tuple[str, ...] = SMALL) -> Path:
    raw.mkdir()
    for name in names:
        shutil.copy(ROOT / "raw" / f"{name}.txt", raw)
    return raw


def file_states(curated: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in curated.iterdir() if p.name != ".infrafacts.lock"}


def test_two_worker_processes_give_the_single_process_tables_and_share_its_api(
    corpus_run: tuple[Path, object], tmp_path: Path
) -> None:
    """`infrafacts run --workers 2` as a user starts it (no API URL): the single-process tables, and the
    spawned workers report to the run's own ephemeral API rather than each starting one (seconds and
    ~200 MB per worker)."""
    single, _ = corpus_run
    curated = tmp_path / "workers2"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect-home"), "INFRAFACTS_PROGRESS": "0"}
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(ROOT / "raw"), "--curated", str(curated),
           "--workers", "2"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "extraction: 2 process(es)" in proc.stdout
    assert (proc.stdout + proc.stderr).count("Starting temporary server") == 1
    assert_same_tables(single, curated, tables=("mentions", "articles", "money", "power", "dates", "organisations",
                                                "deals"))


def test_rerun_with_nothing_changed_writes_nothing_and_says_so(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, curated = copy_articles(tmp_path / "raw"), tmp_path / "curated"
    args = ["run", "--raw", str(raw), "--curated", str(curated), "--workers", "1"]
    assert main(args) == 0
    first = file_states(curated)
    capsys.readouterr()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("nothing changed since the last run (same files, same code): 2 articles ok, 0 rejected")
    assert file_states(curated) == first

    (raw / f"{SMALL[0]}.txt").write_text((raw / f"{SMALL[0]}.txt").read_text() + "\nUn ajout.\n")
    assert main(args) == 0
    assert "2 articles ok (1 extracted, 1 unchanged and skipped)" in capsys.readouterr().out
    assert file_states(curated)["mentions.parquet"] != first["mentions.parquet"]


def test_a_table_changed_since_the_stamp_means_a_real_run(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, curated = copy_articles(tmp_path / "raw", SMALL[:1]), tmp_path / "curated"
    args = ["run", "--raw", str(raw), "--curated", str(curated)]
    assert main(args) == 0
    (curated / "money.parquet").unlink()
    capsys.readouterr()
    assert main(args) == 0
    assert "1 articles ok (0 extracted, 1 unchanged and skipped)" in capsys.readouterr().out
    assert (curated / "money.parquet").exists()


def test_the_flow_itself_skips_an_unchanged_folder(prefect_harness: None, tmp_path: Path) -> None:
    from flows.main import curate

    raw, curated = copy_articles(tmp_path / "raw", SMALL[:1]), tmp_path / "curated"
    assert not curate(raw_dir=str(raw), curated_dir=str(curated)).unchanged
    before = file_states(curated)
    again = curate(raw_dir=str(raw), curated_dir=str(curated))
    assert again.unchanged and again.processed == 1
    assert file_states(curated) == before
    forced = curate(raw_dir=str(raw), curated_dir=str(curated), reprocess_all=True)
    assert not forced.unchanged and forced.extracted == 1


def run_args(raw: Path, curated: Path, workers: int | None = None) -> argparse.Namespace:
    return argparse.Namespace(raw=raw, curated=curated, workers=workers, dask_address=None)


def test_default_worker_count_follows_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = copy_articles(tmp_path / "raw")
    size = sum(p.stat().st_size for p in raw.iterdir())
    folder = scan(raw)
    monkeypatch.setenv("INFRAFACTS_PARALLEL_MIN_BYTES", str(size))
    assert workers_for(run_args(raw, tmp_path / "curated"), folder, {}) == available_cores()
    monkeypatch.setenv("INFRAFACTS_PARALLEL_MIN_BYTES", str(size + 1))
    assert workers_for(run_args(raw, tmp_path / "curated"), folder, {}) == 1
    assert workers_for(run_args(raw, tmp_path / "curated", workers=3), folder, {}) == 3


def test_unchanged_articles_are_not_counted_as_work(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, curated = copy_articles(tmp_path / "raw"), tmp_path / "curated"
    assert main(["run", "--raw", str(raw), "--curated", str(curated), "--workers", "1"]) == 0
    assert (curated / STAMP_NAME).exists()
    changed = raw / f"{SMALL[1]}.txt"
    changed.write_text(changed.read_text() + "\nUn ajout.\n")
    monkeypatch.setenv("INFRAFACTS_PARALLEL_MIN_BYTES", str(changed.stat().st_size + 1))
    assert workers_for(run_args(raw, curated), scan(raw), {}) == 1
    assert workers_for(run_args(raw, curated), scan(raw), {"reprocess_all": True}) == available_cores()


@task
def worker_pid() -> int:
    return os.getpid()


@flow
def pids_then_release(count: int) -> tuple[list[int], bool]:
    ran_in = [future.result() for future in [worker_pid.submit() for _ in range(count)]]
    release_workers()  # as extract_all does once the last batch is back
    return ran_in, all(ended(pid) for pid in ran_in)


@task
def worker_origin() -> tuple[int, int, bool]:
    """This worker's pid, its parent's, and whether it holds a pipeline it never loaded itself (the test
    pools' initializer loads nothing), taken out of the garbage collector's scans by its server."""
    from extractors.pipeline import _shared

    return os.getpid(), os.getppid(), _shared.cache_info().currsize == 1 and gc.get_freeze_count() > 100_000


@flow
def origins(count: int) -> list[tuple[int, int, bool]]:
    return [future.result() for future in [worker_origin.submit() for _ in range(count)]]


def preloading_server() -> int:
    """The forkserver child of this process (waits up to 10 s for it to show)."""
    deadline = time.monotonic() + 10
    while True:
        found = [c.pid for c in psutil.Process().children() if "multiprocessing.forkserver" in " ".join(c.cmdline())]
        if found or time.monotonic() > deadline:
            assert len(found) == 1, found
            return found[0]
        time.sleep(0.1)


def ended(pid: int) -> bool:
    return not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_a_started_pool_runs_the_flows_tasks_in_workers_forked_loaded_and_ends_with_it(
    prefect_harness: None,
) -> None:
    pool = WarmProcessPool(max_workers=2, initializer=gc.collect).start()  # an initializer that loads nothing
    server = preloading_server()  # launched by start(), before any task
    # Each task's context carries the flow and its runner, pickled: the live pool must have moved out of it.
    ran = set(origins.with_options(task_runner=pool)(4))
    cloudpickle.dumps(pool)
    assert {parent for _, parent, _ in ran} == {server}
    assert all(loaded for *_, loaded in ran)  # the pipeline the server loaded, inherited
    pool.close()  # the flow run already shut the pool down
    assert all(ended(pid) for pid, _, _ in ran)


@pytest.mark.parametrize("reaped", [True, False], ids=["run reaped", "run left a zombie"])
def test_a_worker_ends_when_its_run_is_killed(reaped: bool) -> None:
    run = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    code = (f"import os, time; os.environ['{RUN_PID_ENV}'] = '{run.pid}'\n"
            "from flows.runners import watch_run; watch_run(0.1); print('watching', flush=True); time.sleep(120)")
    worker = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "watching"
        assert worker.poll() is None
        run.kill()
        if reaped:
            run.wait()
        assert worker.wait(timeout=20) == 1
    finally:
        worker.kill()
        run.kill()
        run.wait()


def test_workers_stop_once_the_last_batch_is_back(prefect_harness: None) -> None:
    pool = WarmProcessPool(max_workers=2, initializer=gc.collect).start()
    ran_in, ended_in_flow = pids_then_release.with_options(task_runner=pool)(4)
    assert os.getpid() not in ran_in
    assert ended_in_flow  # before the flow run ended: the table and report stages run without them
    release_workers()  # outside a flow run: nothing to release


def test_a_started_pool_no_flow_took_is_shut_down_by_close() -> None:
    pool = WarmProcessPool(max_workers=1, initializer=gc.collect).start()
    worker = pool._executor.submit(os.getpid).result()  # a worker, as the first task would fork
    pool.close()
    assert ended(worker)
