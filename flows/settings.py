"""Defaults for the environment the flows run in (set before Prefect is imported)."""

from __future__ import annotations

import os

PREFECT_DEFAULTS: dict[str, str] = {
    # A fresh ephemeral API runs migrations first: the 20 s default times out on small machines.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # On a fresh database the telemetry service races the migrations ("database is locked").
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Let extractor modules log through Prefect with plain `logging`.
    "PREFECT_LOGGING_EXTRA_LOGGERS": "extractors",
}


def apply_prefect_defaults() -> None:
    """Fill in our defaults without overriding anything the user set."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
