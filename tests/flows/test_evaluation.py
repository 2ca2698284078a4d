"""The evaluator implements SCORING.md: overlap matching, value agreement, org name folding."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extractors.fact_types import FACT_TYPES
from extractors.text import fold_key
from flows.curation.tables import mentions_frame
from flows.evaluation import (
    load_gold,
    match_by_overlap,
    name_errors,
    prf,
    score,
    score_names,
    score_spans,
    scoring_errors,
    span_errors,
)


def money(start: int, end: int, value: float | None, currency: str = "USD", **kw: object) -> dict:
    return {"type": "money", "start": start, "end": end, "value": value, "currency": currency, **kw}


@pytest.mark.parametrize(
    ("pred", "gold", "pairs"),
    [
        ([(0, 10)], [(5, 15)], [(0, 0)]),
        ([(0, 10)], [(10, 20)], []),  # touching is not overlapping
        ([(0, 10), (8, 30)], [(5, 25)], [(1, 0)]),  # largest overlap wins
        ([(0, 30)], [(0, 5), (10, 25)], [(0, 1)]),  # one to one
        ([], [(0, 5)], []),
    ],
)
def test_match_by_overlap(pred: list, gold: list, pairs: list) -> None:
    assert sorted(match_by_overlap(pred, gold)) == pairs


def test_money_end_to_end_needs_value_and_currency() -> None:
    gold = [money(0, 10, 1e9), money(20, 30, 5e9, "EUR"), money(40, 50, None, low=1e9, high=2e9)]
    pred = [money(2, 10, 1e9), money(20, 28, 5e9, "USD"), money(41, 50, None, low=1e9, high=2e9 * (1 + 1e-9))]
    counts = score_spans(FACT_TYPES["money"], pred, gold)
    assert (counts.matched, counts.correct) == (3, 2)


def test_attribute_accuracy_counts_null_equal_null() -> None:
    gold = [money(0, 10, 1.0, qualifier=None, per="month"), money(20, 30, 2.0, qualifier="approx", per=None)]
    pred = [money(0, 10, 1.0, qualifier=None, per="month"), money(20, 30, 2.0, qualifier=None, per=None)]
    counts = score_spans(FACT_TYPES["money"], pred, gold)
    assert counts.attr_ok == {"qualifier": 1, "per": 2}
    assert counts.attr_total == {"qualifier": 2, "per": 2}


def test_date_value_compared_as_string() -> None:
    gold = [{"start": 0, "end": 7, "value": "2026", "mod": "late"}]
    pred = [{"start": 0, "end": 7, "date_value": "2026", "date_mod": None}]
    counts = score_spans(FACT_TYPES["date"], pred, gold)
    assert (counts.correct, counts.attr_ok["date_mod"]) == (1, 0)


@pytest.mark.parametrize(
    ("name", "folded"),
    [("NVIDIA", "nvidia"), ("Société Générale", "societe generale"), ("Dassault-Systèmes", "dassault systemes"),
     ("  Mistral   AI ", "mistral ai"), ("AT&T", "at t")],
)
def test_fold_key(name: str, folded: str) -> None:
    assert fold_key(name) == folded


def test_org_precision_penalises_two_names_for_one_org() -> None:
    gold = [{"canonical": "NVIDIA", "aliases": ["Nvidia"]}, {"canonical": "Amazon Web Services", "aliases": ["AWS"]}]
    counts = score_names(["Nvidia", "NVIDIA", "aws", "Musk"], gold)
    assert (counts.predicted, counts.gold, counts.correct) == (3, 2, 2)  # nvidia folds to one name


def test_prf_handles_zero() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(1, 2, 4) == pytest.approx((0.5, 0.25, 1 / 3))


def test_score_respects_part_scopes(tmp_path: Path) -> None:
    (tmp_path / "a.part1.jsonl").write_text(
        json.dumps({"type": "power", "start": 0, "end": 5, "value_gw": 5.0, "low_gw": None, "high_gw": None}) + "\n"
    )
    (tmp_path / "scopes.json").write_text(json.dumps({"a.part1": [0, 100]}))
    rows = [
        {"article_id": "a", "type": "power", "start": 0, "end": 5, "text": "5 GW", "sentence": "", "value_gw": 5.0},
        {"article_id": "a", "type": "power", "start": 200, "end": 205, "text": "6 GW", "sentence": "", "value_gw": 6.0},
    ]
    report = score(mentions_frame(rows), load_gold(tmp_path))
    power = next(r for r in report.rows() if r["type"] == "power")
    assert (power["predicted"], power["e2e_f1"]) == (1, 1.0)


def test_gold_copy_loads_every_dev_file() -> None:
    gold = load_gold(Path(__file__).parents[1] / "gold" / "dev")
    assert {g.article_id for g in gold} == {p.stem for p in (Path(__file__).parents[2] / "raw").glob("*.txt")}
    assert all(isinstance(pd.Series([f["type"] for f in g.facts]).iloc[0], str) for g in gold)


def test_gold_article_without_predictions_counts_as_misses(tmp_path: Path) -> None:
    fact = {"type": "date", "start": 0, "end": 4, "value": "2026", "mod": None}
    (tmp_path / "silent.jsonl").write_text(json.dumps(fact) + "\n")
    rows = [{"article_id": "other", "type": "date", "start": 0, "end": 4, "text": "2026", "sentence": "",
             "date_value": "2026"}]
    date = next(r for r in score(mentions_frame(rows), load_gold(tmp_path)).rows() if r["type"] == "date")
    assert (date["gold"], date["predicted"], date["e2e_r"]) == (1, 0, 0.0)


# --- the errors behind the figures (`infrafacts evaluate --errors`) ---------------------------------------

def test_span_errors_name_each_kind() -> None:
    gold = [money(0, 10, 1e9, qualifier=None, text="1 Md$"), money(20, 30, 5e9, "EUR", text="5 Md€"),
            money(60, 70, 2e6, text="2 M$")]
    pred = [money(0, 10, 1e9, qualifier="approx", text="1 Md$"), money(20, 30, 5e9, "USD", text="5 Md€"),
            money(80, 90, 3.0, text="3 $")]
    found = [(e.kind, e.text) for e in span_errors("a", FACT_TYPES["money"], pred, gold)]
    assert found == [("missed", "2 M$"), ("spurious", "3 $"), ("attribute", "1 Md$"), ("wrong", "5 Md€")]


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        (["Mistral", "EDF"], []),  # an alias finds the organisation
        (["mistral ai", "Dell"], [("missed", "EDF"), ("spurious", "Dell")]),
        ([], [("missed", "Mistral AI"), ("missed", "EDF")]),
        (["Mistral AI", "Mistral", "EDF"], []),  # two names of one organisation: the scores count both, not as errors
    ],
)
def test_name_errors(predicted: list[str], expected: list[tuple[str, str]]) -> None:
    gold = [{"canonical": "Mistral AI", "aliases": ["Mistral"]}, {"canonical": "EDF", "aliases": []}]
    assert [(e.kind, e.text) for e in name_errors("a", FACT_TYPES["org"], predicted, gold)] == expected


def test_errors_add_up_to_the_scores(corpus_run: tuple[Path, object]) -> None:
    """On the dev corpus with every third mention dropped, every fifth value changed and a few mentions
    moved past the end of their article, the errors listed are exactly what the figures count."""
    from flows.store.tables import read_table

    mentions = read_table(corpus_run[0], "mentions").iloc[lambda f: [i % 3 != 0 for i in range(len(f))]].copy()
    changed = [i % 5 == 0 for i in range(len(mentions))]
    mentions.loc[mentions.index[changed], "value"] = mentions.loc[mentions.index[changed], "value"] * 2
    moved = mentions[mentions["type"] != "org"].iloc[::7].copy()
    moved[["start", "end"]] += 10**7
    mentions = pd.concat([mentions, moved], ignore_index=True)
    gold = load_gold(Path(__file__).parents[1] / "gold" / "dev")
    errors = scoring_errors(mentions, gold)
    for row in score(mentions, gold).rows():
        kinds = [e.kind for e in errors if e.type == row["type"]]
        matched = round(row["detection_r"] * row["gold"])
        assert kinds.count("missed") == row["gold"] - matched, row["type"]
        if row["type"] != "org":  # org precision counts names, some of which are several names of one gold org
            assert kinds.count("spurious") == row["predicted"] - matched, row["type"]
            assert kinds.count("wrong") == matched - round(row["e2e_r"] * row["gold"]), row["type"]
    assert {"missed", "spurious", "wrong"} <= {e.kind for e in errors}
