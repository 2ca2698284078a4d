"""Where per-article extraction runs: in the flow process, in a local process pool, or on Dask.

`--workers N` (N > 1) runs the extraction tasks in Prefect's `ProcessPoolTaskRunner` of N processes
(the CLI picks every core by default for a large run, see `Settings.parallel_min_bytes`); it starts
faster than a fresh Dask LocalCluster and needs no scheduler (README, Speed).
`--dask-address tcp://HOST:PORT` uses an already-running Dask scheduler and its workers (which must be
able to import this project), for several machines. Each worker process loads each spaCy pipeline
once (`load_nlp` is cached per process) and keeps it for every batch it is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prefect import Flow
from prefect.task_runners import TaskRunner


def task_runner(workers: int | None = None, address: str | None = None) -> TaskRunner[Any] | None:
    """None means the flow's default: batches one after another in the flow process."""
    if address and workers:
        raise ValueError("give either --workers (local processes) or --dask-address (a Dask cluster), not both")
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    if not (workers and workers > 1):
        return None
    from prefect.task_runners import ProcessPoolTaskRunner

    return ProcessPoolTaskRunner(max_workers=workers)


def curate_flow(workers: int | None = None, address: str | None = None) -> Flow[..., Any]:
    from flows.main import curate

    runner = task_runner(workers, address)
    return curate if runner is None else curate.with_options(task_runner=runner)


@contextmanager
def shared_api(workers: int | None) -> Iterator[None]:
    """Let process-pool workers report to this process's Prefect API.

    Without a configured API URL each spawned worker would start an ephemeral API server of its own
    (seconds of start-up and ~200 MB each, and its task runs missing from this run's server).
    """
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED, temporary_settings

    if not (workers and workers > 1) or PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the process-wide ephemeral server the flow would start anyway
    server.start()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield
