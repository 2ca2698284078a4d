"""Held-out checks for issue 15, scored with the SCORING.md evaluator (flows/scoring.py).

- tests/gold/own_web: nineteen short articles in web styles (dispatch, press release, regional press, trade press,
  pages with their furniture, tables, fact sheets, newsletters, market wraps, a forum...), written and annotated
  in five batches, each before the rules that fixed its errors (tests/gold/own_web/build_gold.py).
- Dev gold with every dev organisation removed from the alias table: how well organisations the table does not
  know are found (README "Accuracy").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from extractors import org_names, orgs
from extractors.dates import find_published
from extractors.mentions import extract_mentions
from extractors.orgs import extract_orgs
from extractors.registry import Context
from flows.curation.tables import mentions_frame
from flows.evaluation import load_gold, prf, score, score_names
from flows.sources.text import decode_text

GOLD = Path(__file__).resolve().parents[1] / "gold"
ROOT = GOLD.parents[1]
# All 19 articles: money 0.995, org 0.964 when the floors were set (0.872 and 0.734 before the issue-15 rules).
# These are fitted figures: batches 2-5 were each measured once before rules were added for their errors, and
# scored money 0.919/0.842/1.000/0.909, org 0.825/0.826/0.864/0.864 then. The floors are the acceptance
# figures.
OWN_WEB_FLOOR = {"money": 0.97, "org": 0.93}
# Measured R 0.877 at P 1.000 (0.736 before the issue-15 rules, 0.868 after their first pass).
UNLISTED_RECALL_FLOOR, UNLISTED_PRECISION_FLOOR = 0.85, 0.95


@pytest.fixture(scope="module")
def own_web_rows(nlp: Language) -> dict[str, dict]:
    rows = []
    for path in sorted((GOLD / "own_web").glob("*.txt")):
        text = decode_text(path.read_bytes())
        mentions = extract_mentions(nlp(text), Context(published=find_published(text)))
        rows += [m.as_row() | {"article_id": path.stem} for m in mentions]
    return {row["type"]: row for row in score(mentions_frame(rows), load_gold(GOLD / "own_web")).rows()}


@pytest.mark.parametrize("fact_type", sorted(OWN_WEB_FLOOR))
def test_own_web_end_to_end(own_web_rows: dict[str, dict], fact_type: str) -> None:
    row = own_web_rows[fact_type]
    assert row["gold"] >= (30 if fact_type == "money" else 60)
    assert row["e2e_f1"] >= OWN_WEB_FLOOR[fact_type], row


def test_own_web_money_attributes(own_web_rows: dict[str, dict]) -> None:
    row = own_web_rows["money"]
    assert row["qualifier_accuracy"] >= 0.95 and row["per_accuracy"] >= 0.95, row


@pytest.fixture
def without_dev_orgs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The alias table minus every organisation of the dev gold (any alias naming one)."""
    keys = {
        org_names.fold(name)
        for gold in load_gold(GOLD / "dev") for fact in gold.facts if fact["type"] == "org"
        for name in (fact["canonical"], *fact["aliases"])
    }
    kept = tuple(e for e in org_names.alias_entries() if not any(org_names.fold(a) in keys for a in e.aliases))
    caches = (org_names.alias_index, orgs._names, orgs._gazetteer_regex)
    monkeypatch.setattr(org_names, "alias_entries", lambda: kept)
    for cached in caches:
        cached.cache_clear()
    yield
    monkeypatch.undo()
    for cached in caches:
        cached.cache_clear()


@pytest.mark.usefixtures("without_dev_orgs")
def test_dev_organisations_the_alias_table_does_not_know(nlp: Language) -> None:
    found = predicted = gold_total = 0
    for gold in load_gold(GOLD / "dev"):
        text = decode_text((ROOT / "raw" / f"{gold.article_id}.txt").read_bytes())
        names = {m.canonical for m in extract_orgs(nlp(text)) if gold.covers(m.start)}
        counts = score_names(names, [f for f in gold.facts if f["type"] == "org"])
        found, predicted, gold_total = found + counts.matched, predicted + counts.predicted, gold_total + counts.gold
    precision, recall, _ = prf(found, predicted, gold_total)
    assert gold_total >= 100
    assert recall >= UNLISTED_RECALL_FLOOR and precision >= UNLISTED_PRECISION_FLOOR, (precision, recall)
