"""Generalisation check: articles written for this suite (never seen while building the rules),
annotated by hand following GUIDELINES.md in tests/gold/own/, scored with the SCORING.md evaluator."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extractors.dates import find_published
from extractors.mentions import extract_mentions
from extractors.registry import Context
from flows.curation.tables import mentions_frame
from flows.evaluation import load_gold, score
from flows.sources.text import decode_text

OWN_GOLD = Path(__file__).parents[1] / "gold" / "own"
E2E_F1_FLOOR = {"money": 0.9, "power": 0.9, "date": 0.9, "org": 0.9}


@pytest.fixture(scope="module")
def report_rows(nlp: Language) -> dict[str, dict]:
    rows = []
    for path in sorted(OWN_GOLD.glob("*.txt")):
        text = decode_text(path.read_bytes())
        mentions = extract_mentions(nlp(text), Context(published=find_published(text)))
        rows += [m.as_row() | {"article_id": path.stem} for m in mentions]
    return {row["type"]: row for row in score(mentions_frame(rows), load_gold(OWN_GOLD)).rows()}


@pytest.mark.parametrize("fact_type", sorted(E2E_F1_FLOOR))
def test_unseen_articles_end_to_end(report_rows: dict[str, dict], fact_type: str) -> None:
    assert report_rows[fact_type]["e2e_f1"] >= E2E_F1_FLOOR[fact_type], report_rows[fact_type]


def test_unseen_dateline_is_the_publication_date() -> None:
    text = decode_text((OWN_GOLD / "article_own_001.txt").read_bytes())
    assert find_published(text) == "2026-03-04"
