"""Scale-out: the flow on a real Dask LocalCluster of 2 worker processes gives the single-process tables
(local worker processes, `--workers N`, are tested in test_workers.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flows.runners import task_runner
from tests.flows.same_tables import assert_same_tables

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ("000_7dc123fe638c4535", "001_e48910b6d343c719", "002_b59bb55a070cc80a", "004_cc9eb378494e53c6")

pytestmark = pytest.mark.integration


def model_loads() -> tuple[int, int]:
    from extractors.pipeline import load_nlp

    info = load_nlp.cache_info()
    return info.misses - info.currsize, info.hits  # loads beyond one per distinct pipeline, reuses


@pytest.fixture(scope="module")
def baseline(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small raw folder and its single-process tables.

    The extractor version is re-read first: in a tree whose extractors are being edited, a version
    cached earlier in the session would not match the one fresh Dask workers compute (and refuse).
    """
    from flows.main import curate
    from flows.versioning import extractor_version

    raw = tmp_path_factory.mktemp("dask-raw")
    for name in ARTICLES:
        shutil.copy(ROOT / "raw" / f"{name}.txt", raw)
    extractor_version.cache_clear()
    curated = tmp_path_factory.mktemp("single")
    curate(raw_dir=str(raw), curated_dir=str(curated))
    return raw, curated


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


def test_existing_scheduler_gives_the_single_process_tables(
    baseline: tuple[Path, Path], cluster: Any, tmp_path: Path
) -> None:
    from distributed import Client

    from flows.runners import curate_flow

    raw, single = baseline
    curated = tmp_path / "dask"
    flow = curate_flow(address=cluster.scheduler_address)
    first = flow(raw_dir=str(raw), curated_dir=str(curated))
    assert first.extracted == len(ARTICLES)
    assert_same_tables(single, curated)
    again = flow(raw_dir=str(raw), curated_dir=str(curated), reprocess_all=True)
    assert again.extracted == len(ARTICLES)
    assert_same_tables(single, curated)
    with Client(cluster) as client:
        loads = client.run(model_loads)
    assert len(loads) == 2
    assert all(reloads == 0 for reloads, _ in loads.values()), loads  # each pipeline loaded once per worker
    assert sum(hits for _, hits in loads.values()) >= 1, loads  # and reused by later batches


@pytest.mark.parametrize(
    ("workers", "address", "expected"),
    [(None, None, None), (1, None, None), (2, None, "pool"), (None, "tcp://127.0.0.1:8786", "address")],
)
def test_task_runner_choice(workers: int | None, address: str | None, expected: str | None) -> None:
    from prefect.task_runners import ProcessPoolTaskRunner

    runner = task_runner(workers, address)
    if expected is None:
        assert runner is None
    elif expected == "pool":
        assert isinstance(runner, ProcessPoolTaskRunner) and runner._max_workers == workers
    else:
        assert runner.address == address


def test_workers_and_address_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        task_runner(2, "tcp://127.0.0.1:8786")
