"""Where per-article extraction runs: in the flow process (default), or on Dask through prefect-dask.

`--workers N` (N > 1) starts a LocalCluster of N single-threaded worker processes for the run;
`--dask-address tcp://HOST:PORT` uses an already-running scheduler and its workers (which must be able
to import this project). Each worker process loads the spaCy pipeline once (`load_nlp` is cached per
process) and keeps it for every batch it is given.
"""

from __future__ import annotations

from typing import Any

from prefect import Flow
from prefect.task_runners import TaskRunner


def task_runner(workers: int | None = None, address: str | None = None) -> TaskRunner[Any] | None:
    """None means the flow's default: batches one after another in the flow process."""
    if address and workers:
        raise ValueError("give either --workers (a local cluster) or --dask-address (an existing one), not both")
    if not address and not (workers and workers > 1):
        return None
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    # One thread per worker: spaCy holds the GIL. Dashboard on a free port: 8787 may be taken.
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": ":0",
    })


def curate_flow(workers: int | None = None, address: str | None = None) -> Flow[..., Any]:
    from flows.main import curate

    runner = task_runner(workers, address)
    return curate if runner is None else curate.with_options(task_runner=runner)
