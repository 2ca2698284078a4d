"""The scheduled deployment of the main flow (served by `infrafacts serve`).

Schedules need a real Prefect server (`prefect server start`, PREFECT_API_URL pointing at it): the
ephemeral API has no scheduler service. The serving process polls the server for due runs and executes
them itself, so no work pool or worker is needed on one machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect.client.schemas.schedules import CronSchedule
from prefect.schedules import Cron

from flows.settings import DEFAULTS


def schedule(cron: str, timezone: str) -> Cron:
    """The run schedule; a bad cron string or an unknown timezone raises ValueError here, not on the server."""
    CronSchedule(cron=cron, timezone=timezone)  # validates both (pydantic ValidationError is a ValueError)
    return Cron(cron, timezone=timezone)


def deployment_parameters(raw: Path, curated: Path, batch_size: int) -> dict[str, Any]:
    """Absolute paths: scheduled runs must not depend on the directory a run happens to start in."""
    return {"raw_dir": str(raw.resolve()), "curated_dir": str(curated.resolve()), "batch_size": batch_size}


def serve(
    raw: Path, curated: Path, *, cron: str = DEFAULTS.cron, timezone: str = DEFAULTS.timezone,
    name: str = DEFAULTS.deployment, batch_size: int = DEFAULTS.batch_size, workers: int | None = None,
    address: str | None = None,
) -> None:
    """Register the deployment with its schedule and execute its runs until interrupted (Ctrl-C)."""
    from flows.runners import curate_flow

    curate_flow(workers, address).serve(
        name=name,
        schedules=[schedule(cron, timezone)],
        parameters=deployment_parameters(raw, curated, batch_size),
        description=f"infrafacts: articles in {raw.resolve()} -> curated tables in {curated.resolve()}",
        pause_on_shutdown=False,
    )
