"""The analyst views of infrafacts.duckdb answer the usual questions in one short query."""

from __future__ import annotations

from pathlib import Path

import duckdb
from spacy.language import Language

from extractors.mentions import extract_mentions
from extractors.registry import Context
from flows.curation.dedup import fact_tables
from flows.curation.tables import mentions_frame
from flows.store.tables import DUCKDB_NAME, write_tables
from flows.store.views import VIEWS, view_statements

TEXTS = {
    "a": "En mai 2026, SoftBank a annoncé un investissement pouvant atteindre 75 milliards d'euros pour bâtir "
         "jusqu'à cinq gigawatts de data centers en France.",
    "b": "En 2025, Iliad a investi 3 milliards d'euros à Paris. Fluidstack construira un campus de 1 gigawatt "
         "à Dunkerque.",
}


def database(nlp: Language, parser: Language, folder: Path) -> duckdb.DuckDBPyConnection:
    rows = [m.as_row() | {"article_id": key}
            for key, text in TEXTS.items() for m in extract_mentions(nlp(text), Context(parser=parser))]
    mentions = mentions_frame(rows)
    write_tables({"mentions": mentions, **fact_tables(mentions)}, folder)
    return duckdb.connect(str(folder / DUCKDB_NAME), read_only=True)


def test_views_answer_the_questions(nlp: Language, parser: Language, tmp_path: Path) -> None:
    with database(nlp, parser, tmp_path) as con:
        money = con.execute("SELECT organisation, year, amount_kind, eur FROM money_by_org_year "
                            "WHERE country = 'FR' ORDER BY organisation").fetchall()
        assert money == [("Iliad", 2025, "exact", 3e9), ("SoftBank", 2026, "bound", 75e9)]
        power = con.execute("SELECT organisation, country, gw FROM gw_by_org_country ORDER BY organisation").fetchall()
        assert power == [("Fluidstack", "FR", 1.0), ("SoftBank", "FR", 5.0)]
        facts = con.execute("SELECT fact, sentence FROM organisation_facts WHERE organisation = 'Iliad'").fetchall()
        assert {f for f, _ in facts} == {"money", "deal"} and all("Iliad" in s for _, s in facts)
        evidence = con.execute("SELECT article_id, len(figures) FROM deal_evidence ORDER BY article_id").fetchall()
        assert evidence == [("a", 2), ("b", 1), ("b", 1)]


def test_a_view_is_made_only_when_its_columns_are_there_and_typed() -> None:
    assert view_statements(["money.parties[]"]) == []
    assert view_statements(["deals.from", "deals.to", "deals.partners"]) == []  # empty table: untyped columns
    every = {need for needs, _ in VIEWS.values() for need in needs}
    assert len(view_statements(every)) == len(VIEWS)
