"""Keeping Prefect's database from growing without end: old runs of the curate flow are deleted.

Each run that starts Prefect adds its flow run, task runs, states, logs (one line per article) and
events to the SQLite database in PREFECT_HOME (README: ~150–300 KB for a run over a few articles).
Prefect's own flow-run vacuum (`PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED=flow_runs`) only runs in a
long-lived server, never in the temporary one each `infrafacts run` starts, so after a run the CLI
deletes, through Prefect's API, the finished runs of `infrafacts-curate` that ended more than
`Settings.prefect_retention_days` ago (the API deletes their task runs and states with them, and queues
the deletion of their logs); SQLite then reuses the freed pages, so the file stops growing instead of
growing forever. Prefect itself prunes events, also in a temporary server.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

BATCH = 200  # flow runs deleted per call: a first pruning of a long history is spread over runs


def prune_flow_runs(flow_name: str, keep_days: int, now: datetime | None = None) -> int:
    """Delete up to `BATCH` finished runs of `flow_name` that ended more than `keep_days` ago; how many."""
    if keep_days <= 0:  # 0: keep everything
        return 0
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowFilter,
        FlowFilterName,
        FlowRunFilter,
        FlowRunFilterEndTime,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import TERMINAL_STATES

    cutoff = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    with get_client(sync_client=True) as client:
        old = client.read_flow_runs(
            flow_filter=FlowFilter(name=FlowFilterName(any_=[flow_name])),
            flow_run_filter=FlowRunFilter(end_time=FlowRunFilterEndTime(before_=cutoff),
                                          state=FlowRunFilterState(type=FlowRunFilterStateType(any_=list(TERMINAL_STATES)))),
            limit=BATCH,
        )
        for run in old:
            client.delete_flow_run(run.id)
    return len(old)


def prune_quietly(flow_name: str, keep_days: int) -> None:
    """`prune_flow_runs`, saying what it did, and never failing the run that calls it."""
    try:
        deleted = prune_flow_runs(flow_name, keep_days)
    except Exception as exc:  # the run's work is done and written: its history is not worth failing it
        print(f"infrafacts: could not prune old Prefect runs ({type(exc).__name__}: {exc})", file=sys.stderr)
        return
    if deleted:
        print(f"pruned {deleted} Prefect run(s) that ended more than {keep_days} days ago")
