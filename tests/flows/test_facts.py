"""Deduplication into fact tables: the same number about different parties stays two facts."""

from __future__ import annotations

import pandas as pd

from flows.facts import fact_id, fact_tables
from flows.tables import mentions_frame

S1 = "Nvidia promet 100 milliards de dollars à OpenAI."
S2 = "AWS engage 100 milliards de dollars pour Anthropic."
S3 = "Stargate représente 500 milliards de dollars."


def row(article: str, fact_type: str, start: int, text: str, sentence: str, **values: object) -> dict:
    return {"article_id": article, "type": fact_type, "start": start, "end": start + len(text), "text": text,
            "sentence": sentence, **values}


def corpus() -> pd.DataFrame:
    return mentions_frame([
        row("a1", "money", 14, "100 milliards de dollars", S1, value=1e11, currency="USD"),
        row("a1", "org", 0, "Nvidia", S1, canonical="NVIDIA", kind="company"),
        row("a1", "org", 42, "OpenAI", S1, canonical="OpenAI", kind="company"),
        row("a2", "money", 11, "100 milliards de dollars", S2, value=1e11, currency="USD"),
        row("a2", "org", 0, "AWS", S2, canonical="Amazon Web Services", kind="company"),
        row("a2", "org", 41, "Anthropic", S2, canonical="Anthropic", kind="company"),
        row("a2", "money", 20, "500 milliards de dollars", S3, value=5e11, currency="USD"),
        row("a2", "org", 0, "Stargate", S3, canonical="Stargate", kind="consortium"),
        row("a3", "money", 20, "500 milliards de dollars", S3, value=5e11, currency="USD"),
        row("a3", "org", 0, "Stargate", S3, canonical="Stargate", kind="consortium"),
        row("a3", "org", 60, "NVIDIA", "NVIDIA livre.", canonical="NVIDIA", kind="company"),
    ])


def test_same_amount_different_parties_are_two_facts() -> None:
    money = fact_tables(corpus())["money"]
    hundred = money[money["value"] == 1e11]
    assert sorted(map(tuple, hundred["organisations"])) == [("Amazon Web Services", "Anthropic"), ("NVIDIA", "OpenAI")]


def test_same_fact_in_two_articles_is_one_row() -> None:
    money = fact_tables(corpus())["money"]
    stargate = money[money["value"] == 5e11].iloc[0]
    assert (stargate["mentions"], list(stargate["article_ids"])) == (2, ["a2", "a3"])
    assert len(money) == 3


def test_organisations_table_one_row_per_canonical() -> None:
    orgs = fact_tables(corpus())["organisations"].set_index("canonical")
    assert orgs.loc["NVIDIA", "mentions"] == 2
    assert list(orgs.loc["NVIDIA", "aliases"]) == ["NVIDIA", "Nvidia"]
    assert list(orgs.loc["NVIDIA", "article_ids"]) == ["a1", "a3"]


def test_fact_ids_are_deterministic_and_distinct() -> None:
    first, second = fact_tables(corpus()), fact_tables(corpus())
    for name, table in first.items():
        assert table["fact_id"].is_unique, name
        assert table["fact_id"].tolist() == second[name]["fact_id"].tolist()
    assert fact_id("money", (1.0, None)) != fact_id("power", (1.0, None))


def test_empty_mentions_give_empty_tables_with_columns() -> None:
    tables = fact_tables(mentions_frame([]))
    assert all(t.empty for t in tables.values())
    assert "fact_id" in tables["money"].columns
