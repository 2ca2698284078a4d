"""One settings object: the defaults of every run, overridable by environment variables, read by the
CLI, the flow and `serve` alike. Also the environment Prefect runs in (set before Prefect is imported).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

PREFECT_DEFAULTS: dict[str, str] = {
    # A fresh ephemeral API runs migrations first: the 20 s default times out on small machines.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # On a fresh database the telemetry service races the migrations ("database is locked").
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Let extractor modules log through Prefect with plain `logging`.
    "PREFECT_LOGGING_EXTRA_LOGGERS": "extractors",
    # A run outlives its API being away (a server restart, a network cut) for up to ~8 minutes: each call
    # is retried with backoff 2, 4, ... 256 s (Prefect's default, 5 retries, gives up after ~1 minute).
    "PREFECT_CLIENT_MAX_RETRIES": "8",
}


@dataclass(frozen=True)
class Settings:
    """Where a run reads and writes, and how it runs. Each field has an environment variable (`ENV`)."""

    raw: Path = Path("raw")  # folder of input articles
    curated: Path = Path("curated")  # output folder of the curated tables
    batch_size: int = 16  # documents per nlp.pipe batch
    workers: int | None = None  # extraction processes (None: every core for a large run, else 1)
    # Work (bytes of articles to extract) from which a run uses every core: below it, starting the
    # worker processes and loading the pipelines in each costs more than it saves (README, Speed).
    parallel_min_bytes: int = 3_000_000
    dask_address: str | None = None  # an existing Dask scheduler
    gold: Path = Path("tests/gold/dev")  # gold folder `evaluate` scores against
    cron: str = "0 6 * * *"  # schedule of `serve`: every day at 06:00
    timezone: str = "Europe/Paris"  # IANA timezone of the cron expression
    deployment: str | None = None  # deployment name of `serve` (None: named after its schedule, e.g. daily-06h00)
    report: Path | None = None  # folder of the HTML report (None: `report/` inside the curated folder)
    corrections: Path = Path("review/corrections.csv")  # the reviewed corrections applied on every run
    # Seconds a file's read may take before it is rejected (`read timeout`) and the run goes on: a stuck
    # network mount must not hang a scheduled run that holds the curated folder's lock.
    read_timeout: float = 120.0
    follow_links: str = "inside"  # symbolic links in the raw folder: `inside` it only, `never`, `always`
    # Seconds one extraction task (a batch of up to 64 articles) may run before Prefect fails it, so a run
    # stuck in a pathological text frees the curated folder's lock; a 20 MB article takes ~15 min (README).
    extract_timeout: float = 14_400.0
    # Runs of the curate flow kept in Prefect's database (PREFECT_HOME), in days; 0 keeps them all.
    prefect_retention_days: int = 30

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, with every INFRAFACTS_* variable that is set (and not empty) applied."""
        environ = os.environ if environ is None else environ
        found = {}
        for f in fields(cls):
            raw = environ.get(ENV[f.name], "").strip()
            if raw:
                found[f.name] = _convert(f.name, raw)
        return replace(cls(), **found)

    def report_dir(self, curated: Path | None = None) -> Path:
        """Where the HTML report goes: `report` when set, else `report/` inside the curated folder."""
        return self.report or (curated or self.curated) / "report"


ENV: dict[str, str] = {f.name: f"INFRAFACTS_{f.name.upper()}" for f in fields(Settings)}
FOLLOW_LINKS = ("inside", "never", "always")
PATH_FIELDS = frozenset(f.name for f in fields(Settings) if "Path" in str(f.type))
DEFAULTS = Settings()


def _convert(name: str, raw: str) -> object:
    if name in {"batch_size", "workers", "parallel_min_bytes"}:
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(f"{ENV[name]}={raw!r}: expected a whole number") from None
        if value < 1:
            raise ValueError(f"{ENV[name]}={raw!r}: expected a number of at least 1")
        return value
    if name == "prefect_retention_days":
        if not raw.isdigit():
            raise ValueError(f"{ENV[name]}={raw!r}: expected a whole number of days (0: keep every run)")
        return int(raw)
    if name in {"read_timeout", "extract_timeout"}:
        return _seconds(name, raw)
    if name == "follow_links" and raw not in FOLLOW_LINKS:
        raise ValueError(f"{ENV[name]}={raw!r}: expected one of {', '.join(FOLLOW_LINKS)}")
    return Path(raw) if name in PATH_FIELDS else raw


def _seconds(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{ENV[name]}={raw!r}: expected a number of seconds") from None
    if not 0 < value < float("inf"):
        raise ValueError(f"{ENV[name]}={raw!r}: expected a number of seconds above 0")
    return value


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def apply_prefect_defaults() -> None:
    """Fill in our Prefect defaults without overriding anything the user set."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
