"""Old runs of the curate flow are deleted from Prefect's database; recent ones, and other flows', are kept."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from flows.retention import prune_flow_runs

if TYPE_CHECKING:
    from prefect import Flow
    from prefect.states import State


@pytest.mark.integration
def test_old_runs_of_the_flow_are_pruned(prefect_harness: None) -> None:
    from prefect import flow, get_client
    from prefect.states import Completed, Failed

    @flow(name="infrafacts-prune-test")
    def ours() -> None: ...

    @flow(name="someone-else")
    def other() -> None: ...

    with get_client(sync_client=True) as client:
        def finished(owner: Flow[[], None], name: str, state: Callable[[], State[None]]) -> str:
            run = client.create_flow_run(owner, name=name)
            client.set_flow_run_state(run.id, state(), force=True)  # the server stamps its end time: now
            return str(run.id)

        old = [finished(ours, "old", Completed), finished(ours, "old-failed", Failed),
               finished(other, "other", Completed)]
        time.sleep(0.2)
        cut = datetime.now(UTC)
        time.sleep(0.2)
        recent = finished(ours, "recent", Completed)
        # As seen 30 days after `cut`: the first three ended more than 30 days ago, the last one did not.
        assert prune_flow_runs("infrafacts-prune-test", keep_days=30, now=cut + timedelta(days=30)) == 2
        assert prune_flow_runs("infrafacts-prune-test", keep_days=0, now=cut + timedelta(days=99)) == 0  # 0: keep all
        left = {str(r.id) for r in client.read_flow_runs()}
    assert recent in left and old[2] in left  # another flow's runs are not ours to delete
    assert old[0] not in left and old[1] not in left
