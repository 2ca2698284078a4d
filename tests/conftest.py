"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real project pipeline (fr_core_news_md + our components), loaded once per session."""
    return load_nlp()
