"""Where per-article extraction runs: in the flow process, in a local process pool, or on Dask.

`--workers N` (N > 1) runs the extraction tasks in Prefect's `ProcessPoolTaskRunner` of N processes
(the CLI picks every core by default for a large run, see `Settings.parallel_min_bytes`); it starts
faster than a fresh Dask LocalCluster and needs no scheduler (README, Speed).
`--dask-address tcp://HOST:PORT` uses an already-running Dask scheduler and its workers (which must be
able to import this project), for several machines. Each worker process loads the spaCy pipeline
once (`load_nlp` is cached per process) and keeps it for every batch it is given.

The local pool is a `WarmProcessPool`: as soon as `infrafacts run` knows it will use workers (`start`),
one forkserver process imports the flow and loads the pipeline while Prefect's API boots
(`flows/prefect_api.py`) and the CLI plans the run; the workers are forked from it, loaded, when the first
batches are submitted, and end when their run is gone (`watch_run`). Workers report to the run's API: its
URL reaches them in each task's settings context.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import forkserver
from typing import Any, Self

from prefect import Flow
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner

from flows.store.atomic import pid_alive


def load_worker() -> None:
    """Process-pool initializer: import the flow's task module and load the spaCy pipeline, once per worker,
    and end the worker when its run is gone.

    What is loaded then stays for the worker's life: `gc.freeze()` takes it out of the collector's scans
    (each full collection walked the ~200,000 objects of the pipeline and the modules: 0.9-1.5 s of garbage
    collection per 26 s of extraction, 0.1 s frozen) and, in the forkserver, keeps the forked workers
    from writing to the pages they share with it."""
    import flows.main  # noqa: F401 - unpickling the first task would import it anyway
    from extractors.pipeline import load_nlp

    load_nlp()
    gc.collect()
    gc.freeze()
    watch_run()


def watch_run(interval: float = 1.0) -> None:
    """End this process once the run that started it is gone (`orphans.RUN_PID_ENV`, else the parent).

    A run killed with SIGKILL runs no clean-up: its workers would live on, each holding a pipeline, and one
    sending back a batch result blocks forever on a pipe nobody reads."""
    from flows.orphans import RUN_PID_ENV

    run = int(os.environ.get(RUN_PID_ENV) or os.getppid())

    def watch() -> None:
        while pid_alive(run):
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="infrafacts-run-watch", daemon=True).start()


PRELOAD_MODULE = "flows.preload"


def preloaded_pool(spawning: ProcessPoolExecutor) -> ProcessPoolExecutor:
    """The same pool (size, initializer and its arguments) with its workers forked from one process that
    has imported the flow and loaded the pipeline (multiprocessing's forkserver, preloading
    `PRELOAD_MODULE`), instead of each spawned worker doing it again (~4 s of CPU each). The server starts
    loading now; the workers are forked, in milliseconds, when the first tasks are submitted. A worker
    still runs the initializer, which then finds the pipeline loaded."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD_MODULE])
    forkserver.ensure_running()
    pool = ProcessPoolExecutor(max_workers=spawning._max_workers, mp_context=context,
                               initializer=spawning._initializer, initargs=spawning._initargs)
    spawning.shutdown(wait=False)  # it has started no process
    return pool


class WarmProcessPool(ProcessPoolTaskRunner):
    """Prefect's `ProcessPoolTaskRunner` whose workers are ready before the flow runs.

    Prefect's pool spawns fresh interpreters; this one forks them from a preloaded server
    (`preloaded_pool`), which `start()` launches as soon as the run knows it will use workers. The flow
    engine enters a `duplicate()` of the flow's runner: the started pool
    moves to that duplicate (the flow's own runner, pickled with each task's context, must hold no live
    queue), and leaving the flow run shuts it down as it does a plain pool. `close()` shuts down a pool
    no flow run took over.
    """

    _LIVE = ("_executor", "_resolver_executor", "_subprocess_message_queue", "_message_forwarding_thread")

    def __init__(self, max_workers: int | None = None, initializer: Callable[[], None] = load_worker) -> None:
        super().__init__(max_workers=max_workers, initializer=initializer)

    def start(self) -> Self:
        if self._executor is None:
            super().__enter__()
            assert isinstance(self._executor, ProcessPoolExecutor)
            self._executor = preloaded_pool(self._executor)
        return self

    def duplicate(self) -> Self:
        twin = type(self)(max_workers=self._max_workers, initializer=self._initializer)
        twin.subprocess_message_processor_factories = self.subprocess_message_processor_factories  # as Prefect's
        if self._executor is not None:
            for name in self._LIVE:
                setattr(twin, name, getattr(self, name))
                setattr(self, name, None)
            self._started = False
        return twin

    def __enter__(self) -> Self:
        # Also entered, unstarted, by each worker's task context: that must stay cheap (no server).
        if self._executor is None:
            return super().__enter__()
        TaskRunner.__enter__(self)  # handed a started pool by `duplicate`
        return self

    def close(self) -> None:
        if self._executor is not None:
            self.__exit__(None, None, None)

    def release(self) -> None:
        """Stop the workers once no task is left for them; leaving the flow run shuts the pool down again,
        which is then a no-op."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)


def workers_of(runner: object) -> int:
    """How many processes a task runner runs tasks on (a local pool's size, else every local core)."""
    return getattr(runner, "_max_workers", None) or os.cpu_count() or 1


def warm_pool_size() -> int | None:
    """The size of the current flow run's local pool (its forkserver, loaded, can fork more processes
    cheaply, e.g. for the report), None when the run has none."""
    from prefect.context import FlowRunContext

    runner = getattr(FlowRunContext.get(), "task_runner", None)
    return workers_of(runner) if isinstance(runner, WarmProcessPool) else None


def release_workers() -> None:
    """Stop the current flow run's local workers after the last batch: each idle one holds its pipeline
    (~0.7 GB) through the table and report stages (100 MB corpus: 1.4 GB of the process tree)."""
    from prefect.context import FlowRunContext

    runner = getattr(FlowRunContext.get(), "task_runner", None)
    if isinstance(runner, WarmProcessPool):
        runner.release()


def task_runner(workers: int | None = None, address: str | None = None) -> TaskRunner[Any] | None:
    """None means the flow's default: batches one after another in the flow process."""
    if address and workers:
        raise ValueError("give either --workers (local processes) or --dask-address (a Dask cluster), not both")
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    if not (workers and workers > 1):
        return None
    return WarmProcessPool(max_workers=workers)


def curate_flow(workers: int | None = None, address: str | None = None) -> Flow[..., Any]:
    return flow_on(task_runner(workers, address))


def flow_on(runner: TaskRunner[Any] | None) -> Flow[..., Any]:
    """The curate flow on `runner` (None: its default)."""
    from flows.main import curate

    return curate if runner is None else curate.with_options(task_runner=runner)


@contextmanager
def warm_workers(runner: TaskRunner[Any] | None) -> Iterator[None]:
    """Start a local process pool now (its workers load the pipeline while the rest of the run starts
    up); shut it down on the way out if the flow run did not."""
    if not isinstance(runner, WarmProcessPool):
        yield
        return
    runner.start()
    try:
        yield
    finally:
        runner.close()
