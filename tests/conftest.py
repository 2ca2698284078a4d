"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import tempfile

# Prefect state for the test session goes to a throwaway home, never the user's (set before import).
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="infrafacts-prefect-")
from flows.settings import apply_prefect_defaults

apply_prefect_defaults()

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
