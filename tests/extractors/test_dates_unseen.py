"""Generalisation check for dates (issue 14): articles written for this suite before the rules that
read them, annotated by hand following GUIDELINES.md (relative dates included) in
tests/gold/own_dates/, scored with the SCORING.md evaluator, the publication date read from the
text as the flow does (flows/extract.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.dates import find_published
from extractors.mentions import extract_mentions
from extractors.registry import Context
from flows.curation.tables import mentions_frame
from flows.evaluation import load_gold, score
from flows.sources.text import decode_text

OWN_DATES = Path(__file__).parents[1] / "gold" / "own_dates"
DATE_E2E_F1_FLOOR = 0.95
DATE_MOD_ACCURACY_FLOOR = 0.95


@pytest.fixture(scope="module")
def date_row(nlp: Language) -> dict:
    rows = []
    for path in sorted(OWN_DATES.glob("*.txt")):
        text = decode_text(path.read_bytes())
        mentions = extract_mentions(nlp(text), Context(published=find_published(text)))
        rows += [m.as_row() | {"article_id": path.stem} for m in mentions]
    report = score(mentions_frame(rows), load_gold(OWN_DATES))
    return next(row for row in report.rows() if row["type"] == "date")


def test_unseen_dates_end_to_end(date_row: dict) -> None:
    assert date_row["e2e_f1"] >= DATE_E2E_F1_FLOOR, date_row
    assert date_row["date_mod_accuracy"] >= DATE_MOD_ACCURACY_FLOOR, date_row


def test_gold_offsets_match_the_text() -> None:
    for gold in sorted(OWN_DATES.glob("*.jsonl")):
        text = decode_text(gold.with_suffix(".txt").read_bytes())
        for line in gold.read_text(encoding="utf-8").splitlines():
            fact = json.loads(line)
            assert text[fact["start"] : fact["end"]] == fact["text"], fact
            assert fact["type"] == "date" and fact["article"] == gold.stem
