"""Flow-level fixtures: one Prefect test harness for the session, one corpus run shared by tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A real temporary Prefect API (SQLite in a temp dir); started once, 12–17 s."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture(scope="session")
def corpus_run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The main flow over the project's raw/ articles, into a temporary curated folder."""
    from flows.main import curate

    curated = tmp_path_factory.mktemp("curated")
    summary = curate(raw_dir=str(ROOT / "raw"), curated_dir=str(curated))
    return curated, summary
