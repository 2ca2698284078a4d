"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import sys
import tempfile

# Prefect state for the test session goes to a throwaway home, never the user's (set before import).
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="infrafacts-prefect-")
from flows.settings import apply_prefect_defaults

apply_prefect_defaults()
import logging  # noqa: E402

import pytest  # noqa: E402
from spacy.language import Language  # noqa: E402

from extractors.pipeline import load_nlp  # noqa: E402


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real project pipeline (fr_core_news_md + our components), loaded once per session."""
    return load_nlp()


@pytest.fixture(scope="session")
def parser() -> Language:
    """The real parsing pipeline party attachment is given, loaded once per session."""
    return load_nlp(syntax=True)


@pytest.fixture(autouse=True)
def _log_handlers_outlive_capsys() -> object:
    """Prefect (re)configures its console handler with the stderr of that moment, which inside a test using
    `capsys` is that test's stream, closed when the test ends: every later Prefect log line would then fail
    with "I/O operation on closed file", making tests depend on their order. Point such handlers back at
    the session's stderr after each test."""
    yield
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", []):
            stream = getattr(handler, "stream", None)
            if isinstance(handler, logging.StreamHandler) and getattr(stream, "closed", False):
                handler.stream = sys.stderr  # not setStream: it flushes the closed stream first
                if hasattr(handler, "console"):  # Prefect's handler prints through a rich Console of its own
                    handler.console.file = sys.stderr
