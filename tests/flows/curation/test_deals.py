"""The deals table: figures joined to their parties, dates and power within a clause."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from extractors.mentions import extract_mentions
from extractors.registry import Context
from flows.curation.dedup import fact_tables
from flows.curation.tables import mentions_frame
from flows.store.tables import read_table, write_tables


def deals_of(nlp: Language, parser: Language, texts: dict[str, str]) -> pd.DataFrame:
    rows = [m.as_row() | {"article_id": key}
            for key, text in texts.items() for m in extract_mentions(nlp(text), Context(parser=parser))]
    return fact_tables(mentions_frame(rows))["deals"]


SOFTBANK = ("En mai 2026, SoftBank a annoncé un investissement pouvant atteindre 75 milliards d'euros pour "
            "bâtir jusqu'à cinq gigawatts de data centers en France.")


def test_money_power_date_and_parties_in_one_deal(nlp: Language, parser: Language) -> None:
    deals = deals_of(nlp, parser, {"a": SOFTBANK})
    assert len(deals) == 1
    deal = deals.iloc[0]
    assert (list(deal["parties"]), deal["value"], deal["currency"], deal["qualifier"]) == (
        ["SoftBank"], 75e9, "EUR", "up_to")
    assert (deal["value_gw"], deal["power_qualifier"], list(deal["dates"])) == (5.0, "up_to", ["2026-05"])
    assert deal["summary"] == "SoftBank · 75 Md EUR · 2026-05 · 5 GW"


@pytest.mark.parametrize(("text", "expected"), [
    # each amount keeps its own beneficiary and its own date
    ("Microsoft a versé 3 milliards de dollars à OpenAI en 2024, puis Google a promis 2 milliards de dollars à "
     "Anthropic en 2025.",
     ["Microsoft, OpenAI · 3 Md USD · 2024", "Anthropic, Google · 2 Md USD · 2025"]),
    # a date after the amount belongs to the amount before it
    ("Les hyperscalers dépenseront 600 milliards de dollars en 2026, après 400 milliards de dollars un an plus tôt.",
     ["? · 600 Md USD · 2026", "? · 400 Md USD"]),
    # power without money is a deal of its own
    ("Fluidstack construira un campus de 1 gigawatt avec Mistral AI d'ici 2028.",
     ["Fluidstack, Mistral AI · by 2028 · 1 GW"]),
])
def test_deal_summaries(nlp: Language, parser: Language, text: str, expected: list[str]) -> None:
    assert deals_of(nlp, parser, {"a": text})["summary"].tolist() == expected


def test_one_deal_reported_by_two_articles(nlp: Language, parser: Language) -> None:
    deals = deals_of(nlp, parser, {
        "a": "Oracle a signé avec OpenAI un contrat de 300 milliards de dollars sur cinq ans.",
        "b": "Oracle a décroché un contrat de 300 milliards de dollars, le plus gros de son histoire.",
        "c": "Meta a signé avec Oracle un contrat de 300 milliards de dollars.",
    })
    assert [list(d) for d in deals["article_ids"]] == [["a", "b"], ["c"]]


def test_deals_survive_a_parquet_round_trip(nlp: Language, parser: Language, tmp_path: Path) -> None:
    rows = [m.as_row() | {"article_id": "a"} for m in extract_mentions(nlp(SOFTBANK), Context(parser=parser))]
    mentions = mentions_frame(rows)
    write_tables({"mentions": mentions, **fact_tables(mentions)}, tmp_path)
    again = fact_tables(read_table(tmp_path, "mentions"))
    assert again["deals"]["summary"].tolist() == ["SoftBank · 75 Md EUR · 2026-05 · 5 GW"]
    assert read_table(tmp_path, "deals")["deal_id"].tolist() == again["deals"]["deal_id"].tolist()
