"""Deduplication into fact tables: the same number about different parties stays two facts."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.dates import find_published
from extractors.mentions import extract_mentions
from extractors.pipeline import load_nlp
from extractors.registry import Context
from flows.curation.dedup import Figure, fact_id, fact_tables, group_figures, same_fact
from flows.curation.tables import mentions_frame

S1 = "Nvidia promet 100 milliards de dollars à OpenAI."
S2 = "AWS engage 100 milliards de dollars pour Anthropic."
S3 = "Stargate, coentreprise de SoftBank et OpenAI, représente 500 milliards de dollars."
S4 = "Le projet Stargate porte environ 500 milliards de dollars."


def row(article: str, fact_type: str, start: int, text: str, sentence: str, **values: object) -> dict:
    return {"article_id": article, "type": fact_type, "start": start, "end": start + len(text), "text": text,
            "sentence": sentence, **values}


def money(article: str, start: int, sentence: str, value: float, parties: tuple[str, ...], **extra: object) -> dict:
    values = {"value": value, "currency": "USD", "parties": parties} | extra
    return row(article, "money", start, "x", sentence, **values)


def corpus() -> pd.DataFrame:
    return mentions_frame([
        money("a1", 14, S1, 1e11, ("NVIDIA", "OpenAI")),
        row("a1", "org", 0, "Nvidia", S1, canonical="NVIDIA", kind="company"),
        row("a1", "org", 42, "OpenAI", S1, canonical="OpenAI", kind="company"),
        money("a2", 11, S2, 1e11, ("Amazon Web Services", "Anthropic")),
        row("a2", "org", 0, "AWS", S2, canonical="Amazon Web Services", kind="company"),
        row("a2", "org", 41, "Anthropic", S2, canonical="Anthropic", kind="company"),
        money("a2", 60, S3, 5e11, ("OpenAI", "SoftBank", "Stargate")),
        row("a2", "org", 50, "Stargate", S3, canonical="Stargate", kind="consortium"),
        money("a3", 20, S4, 5e11, ("Stargate",), qualifier="approx"),
        row("a3", "org", 0, "Stargate", S4, canonical="Stargate", kind="consortium"),
        row("a3", "org", 60, "NVIDIA", "NVIDIA livre.", canonical="NVIDIA", kind="company"),
    ])


def test_same_amount_different_parties_are_two_facts() -> None:
    table = fact_tables(corpus())["money"]
    hundred = table[table["value"] == 1e11]
    assert sorted(map(tuple, hundred["parties"])) == [("Amazon Web Services", "Anthropic"), ("NVIDIA", "OpenAI")]


def test_same_fact_in_two_articles_is_one_row() -> None:
    table = fact_tables(corpus())["money"]
    stargate = table[table["value"] == 5e11].iloc[0]
    assert (stargate["mentions"], list(stargate["article_ids"])) == (2, ["a2", "a3"])
    assert list(stargate["parties"]) == ["OpenAI", "SoftBank", "Stargate"]
    assert list(stargate["qualifiers"]) == ["approx"]
    assert len(table) == 3


def pair(first: dict, second: dict) -> int:
    """How many money facts two mentions give."""
    return len(fact_tables(mentions_frame([first, second]))["money"])


SA, SB = "Phrase A.", "Phrase B."


@pytest.mark.parametrize(("first", "second", "facts"), [
    # identical figure, one party set inside the other: one fact
    (money("a", 0, SA, 3e11, ("Oracle",)), money("b", 0, SB, 3e11, ("OpenAI", "Oracle")), 1),
    # the same article repeating the fact with fewer organisations named: one fact
    (money("a", 0, SA, 2e10, ("InvestAI", "UE")), money("a", 90, SB, 2e10, ("InvestAI",)), 1),
    # overlapping but not nested party sets, in two articles: two facts
    (money("a", 0, SA, 3e11, ("OpenAI", "Oracle")), money("b", 0, SB, 3e11, ("Meta", "Oracle")), 2),
    # ... in one article restating its figure (its parse picked other neighbours): one fact
    (money("a", 0, SA, 2e10, ("InvestAI", "UE")), money("a", 90, SB, 2e10, ("AION", "InvestAI", "Scaleway")), 1),
    # one article, same figure, disjoint parties: two facts
    (money("a", 0, SA, 1e10, ("Microsoft", "OpenAI")), money("a", 90, SB, 1e10, ("Mistral AI",)), 2),
    # no attached organisation: cannot be told apart, never merged
    (money("a", 0, SA, 1e9, ()), money("b", 0, SB, 1e9, ()), 2),
    (money("a", 0, SA, 1e9, ("Meta",)), money("a", 50, SB, 1e9, ()), 2),
    # exact and approximate reports of one amount: one fact; up_to vs exact: two
    (money("a", 0, SA, 5e11, ("Stargate",)), money("b", 0, SB, 5e11, ("Stargate",), qualifier="approx"), 1),
    (money("a", 0, SA, 1e11, ("NVIDIA",)), money("b", 0, SB, 1e11, ("NVIDIA",), qualifier="up_to"), 2),
    (money("a", 0, SA, 1e11, ("NVIDIA",), qualifier="more_than"),
     money("b", 0, SB, 1e11, ("NVIDIA",), qualifier="up_to"), 2),
    # ranges only match the same range
    (money("a", 0, SA, None, ("X",), low=5e10, high=6e10), money("b", 0, SB, None, ("X",), low=5e10, high=6e10), 1),
    (money("a", 0, SA, None, ("X",), low=5e10, high=6e10), money("b", 0, SB, 5e10, ("X",)), 2),
    # different per-unit or currency
    (money("a", 0, SA, 1e9, ("X",), per="month"), money("b", 0, SB, 1e9, ("X",)), 2),
    (money("a", 0, SA, 1e9, ("X",)), money("b", 0, SB, 1e9, ("X",), currency="EUR"), 2),
    # vague amounts have no figure: never merged
    (money("a", 0, SA, None, ("X",), qualifier="vague", magnitude=1e9),
     money("b", 0, SB, None, ("X",), qualifier="vague", magnitude=1e9), 2),
])
def test_same_fact_rules(first: dict, second: dict, facts: int) -> None:
    assert pair(first, second) == facts


def test_contradicting_dates_keep_two_facts() -> None:
    rows = [
        money("a", 0, SA, 3e10, ("Meta",)), row("a", "date", 20, "en 2024", SA, date_value="2024"),
        money("b", 0, SB, 3e10, ("Meta",)), row("b", "date", 20, "en 2025", SB, date_value="2025"),
    ]
    assert len(fact_tables(mentions_frame(rows))["money"]) == 2
    rows[-1] = row("b", "date", 20, "en janvier 2024", SB, date_value="2024-01")
    assert len(fact_tables(mentions_frame(rows))["money"]) == 1


def test_grouping_is_complete_linkage() -> None:
    rows = [money("a", 0, SA, 3e11, ("Oracle",)), money("b", 0, SB, 3e11, ("OpenAI", "Oracle")),
            money("c", 0, "Phrase C.", 3e11, ("Meta", "Oracle"))]
    table = fact_tables(mentions_frame(rows))["money"]
    assert sorted(map(list, table["article_ids"])) == [["a", "b"], ["c"]]


def test_dates_merge_only_through_the_same_event() -> None:
    rows = [
        money("a", 0, SA, 3e11, ("Oracle",)), row("a", "date", 30, "en 2027", SA, date_value="2027"),
        money("b", 0, SB, 3e11, ("Oracle",)), row("b", "date", 30, "en 2027", SB, date_value="2027"),
        row("c", "date", 0, "en 2027", "Autre chose en 2027.", date_value="2027"),
        row("d", "date", 0, "en 2027", "Encore autre chose en 2027.", date_value="2027"),
    ]
    dates = fact_tables(mentions_frame(rows))["dates"]
    assert sorted(map(list, dates["article_ids"])) == [["a", "b"], ["c"], ["d"]]


def test_organisations_table_one_row_per_canonical() -> None:
    orgs = fact_tables(corpus())["organisations"].set_index("canonical")
    assert orgs.loc["NVIDIA", "mentions"] == 2
    assert list(orgs.loc["NVIDIA", "aliases"]) == ["NVIDIA", "Nvidia"]
    assert list(orgs.loc["NVIDIA", "article_ids"]) == ["a1", "a3"]


def test_fact_ids_are_deterministic_and_distinct() -> None:
    first, second = fact_tables(corpus()), fact_tables(corpus())
    for name, table in first.items():
        ids = {"deals": ["deal_id"], "deal_sources": ["article_id", "deal_id"]}.get(name, ["fact_id"])
        assert not table.duplicated(ids).any(), name
        assert table[ids].values.tolist() == second[name][ids].values.tolist()
    assert fact_id("money", (1.0, None)) != fact_id("power", (1.0, None))


def test_parties_read_back_as_arrays_still_work() -> None:
    frame = corpus()
    frame["parties"] = [list(p) if isinstance(p, tuple) else None for p in frame["parties"]]
    assert len(fact_tables(frame)["money"]) == 3


def test_empty_mentions_give_empty_tables_with_columns() -> None:
    tables = fact_tables(mentions_frame([]))
    assert all(t.empty for t in tables.values())
    assert "fact_id" in tables["money"].columns
    assert "deal_id" in tables["deals"].columns


# --- the real pipeline over the corpus -------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[3]
MERGES_FIXTURE = ROOT / "tests" / "fixtures" / "cross_article_merges.json"
KEY_FIELDS = {"money": ("currency", "value", "low", "high", "qualifier", "per"),
              "power": ("value_gw", "low_gw", "high_gw", "qualifier"), "dates": ("date_value", "date_mod")}


@cache
def corpus_tables() -> dict[str, pd.DataFrame]:
    """raw/ through the real extractors (no Prefect), then the fact tables (built once per session)."""
    nlp = load_nlp()
    rows = []
    for path in sorted((ROOT / "raw").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = extract_mentions(nlp(text), Context(published=find_published(text), parser=load_nlp(syntax=True)))
        rows += [m.as_row() | {"article_id": path.stem} for m in mentions]
    frame = mentions_frame(rows)
    return {"mentions": frame, **fact_tables(frame)}


def cross_article_merges(tables: dict[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """Every fact of the money, power and dates tables whose mentions come from several articles."""
    mentions = tables["mentions"]
    sentence_at = {f"{a}:{s}": t for a, s, t in zip(mentions["article_id"], mentions["start"], mentions["sentence"],
                                                    strict=True)}
    out = []
    for name, fields in KEY_FIELDS.items():
        for fact in tables[name].to_dict("records"):
            if len(fact["article_ids"]) < 2:
                continue
            out.append({
                "table": name,
                "key": {f: None if pd.isna(fact[f]) else fact[f] for f in fields},
                "parties": list(fact["parties"]),
                "sources": [{"source": s, "sentence": sentence_at[s]} for s in fact["sources"]],
            })
    return out


@pytest.mark.integration
def test_cross_article_merges_match_the_reviewed_fixture() -> None:
    """Each merge across articles was checked by hand (tests/fixtures/cross_article_merges.json)."""
    expected = json.loads(MERGES_FIXTURE.read_text(encoding="utf-8"))
    found = cross_article_merges(corpus_tables())
    assert [(m["table"], m["key"], [s["source"] for s in m["sources"]]) for m in found] == [
        (m["table"], m["key"], [s["source"] for s in m["sources"]]) for m in expected]


@pytest.mark.integration
def test_corpus_tables_keep_known_distinct_facts_apart() -> None:
    """Identical amounts about different parties in raw/ stay different rows."""
    money = corpus_tables()["money"]
    hundred = money[(money["value"] == 1e11) & (money["currency"] == "USD")]
    assert len(hundred) >= 2 and not any({"NVIDIA", "Amazon Web Services"} <= set(p) for p in hundred["parties"])
    thirty = money[(money["value"] == 3e10) & (money["currency"] == "USD")]
    assert len(thirty) == 2


def plain_grouping(figures: list[Figure]) -> list[list[int]]:
    """Greedy complete linkage comparing a figure with every earlier group (the definition)."""
    groups: list[list[Figure]] = []
    for figure in figures:
        group = next((g for g in groups if all(same_fact(m, figure) for m in g)), None)
        if group is None:
            groups.append(group := [])
        group.append(figure)
    return [[id(m) for m in g] for g in groups]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([1e9, 2e9, None]), st.sampled_from(["a1", "a2"]),
                          st.sets(st.sampled_from(["A", "B", "C", "D"]), max_size=3),
                          st.sampled_from([None, "approx", "up_to"]),
                          st.sets(st.sampled_from(["2025", "2026"]), max_size=1)), max_size=25))
def test_party_index_groups_as_the_plain_definition(specs: list[tuple]) -> None:
    figures = [Figure(row={"article_id": article, "qualifier": qualifier, "value": value},
                      key=("money", "EUR", value), parties=frozenset(parties), years=frozenset(years),
                      numbers=("value",))
               for value, article, parties, qualifier, years in specs]
    assert [[id(m) for m in g.members] for g in group_figures(figures)] == plain_grouping(figures)
