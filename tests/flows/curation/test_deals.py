"""The deals tables: commitments with their kind, directed parties, figures, place, date and status."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.language import Language

from extractors.mentions import extract_mentions
from extractors.registry import Context
from flows.curation.dedup import fact_tables
from flows.curation.tables import mentions_frame


def tables_of(nlp: Language, parser: Language, texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    rows = [m.as_row() | {"article_id": key}
            for key, text in texts.items() for m in extract_mentions(nlp(text), Context(parser=parser))]
    return fact_tables(mentions_frame(rows))


def sources_of(nlp: Language, parser: Language, text: str) -> list[dict]:
    return tables_of(nlp, parser, {"a": text})["deal_sources"].to_dict("records")


SOFTBANK = ("En mai 2026, SoftBank a annoncé un investissement pouvant atteindre 75 milliards d'euros pour "
            "bâtir jusqu'à cinq gigawatts de data centers en France.")


def test_money_power_place_date_and_parties_in_one_deal(nlp: Language, parser: Language) -> None:
    (deal,) = sources_of(nlp, parser, SOFTBANK)
    assert (deal["kind"], list(deal["from"]), list(deal["to"])) == ("investment", ["SoftBank"], [])
    assert (deal["money_value"], deal["money_currency"], deal["money_qualifier"]) == (75e9, "EUR", "up_to")
    assert (deal["power_value_gw"], deal["country"], deal["date_value"], deal["status"]) == (5.0, "FR", "2026-05",
                                                                                           "announced")
    assert [f["type"] for f in deal["figures"]] == ["money", "power"]


@pytest.mark.parametrize(("text", "kind", "payer", "receiver", "partners"), [
    ("Microsoft a investi 10 milliards de dollars dans OpenAI.", "funding", ["Microsoft"], ["OpenAI"], []),
    ("Mistral AI a levé 1,7 milliard d'euros auprès d'ASML.", "funding", ["ASML"], ["Mistral AI"], []),
    ("Oracle a signé avec OpenAI un contrat de 300 milliards de dollars.", "contract", ["OpenAI"], ["Oracle"], []),
    ("Bpifrance accordera une subvention de 20 millions d'euros à Sesterce.", "public_funding", ["Bpifrance"],
     ["Sesterce"], []),
    ("SoftBank, OpenAI et Oracle ont lancé Stargate, une coentreprise de 500 milliards de dollars.",
     "joint_venture", [], ["Stargate"], ["OpenAI", "Oracle", "SoftBank"]),
    ("Des projets comme un datacenter de 1 gigawatt financé par les Émirats arabes unis pourraient voir le jour.",
     "investment", ["gov:AE"], [], []),
])
def test_kind_and_directed_parties(nlp: Language, parser: Language, text: str, kind: str, payer: list[str],
                                   receiver: list[str], partners: list[str]) -> None:
    (deal,) = sources_of(nlp, parser, text)
    assert (deal["kind"], sorted(deal["from"]), sorted(deal["to"]), sorted(deal["partners"])) == (
        kind, payer, receiver, partners)


@pytest.mark.parametrize("text", [
    "Le marché mondial des centres de données atteindra 500 milliards de dollars en 2030, selon IDC.",
    "Chez CoreWeave, la location d'un GPU coûte 2 dollars de l'heure.",
    "Le chiffre d'affaires de NVIDIA a atteint 130 milliards de dollars.",
    "En 2025, Meta a dépensé 30 milliards de dollars supplémentaires par rapport à l'année précédente.",
    "Le supercalculateur Jean Zay, avec un investissement de 40 millions d'euros, illustre cette ambition.",
])
def test_not_commitments(nlp: Language, parser: Language, text: str) -> None:
    assert sources_of(nlp, parser, text) == []


def test_a_total_is_not_a_deal_but_its_parts_are(nlp: Language, parser: Language) -> None:
    deals = sources_of(nlp, parser, "Les investissements se multiplient : 109 milliards d'euros annoncés, dont "
                                    "3 milliards pour Iliad et 5 milliards pour Digital Realty.")
    assert [(list(d["from"]), d["money_value"]) for d in deals] == [(["Iliad"], 3e9), (["Digital Realty"], 5e9)]


@pytest.mark.parametrize(("text", "status"), [
    ("Oracle aurait émis pour 18 milliards de dollars d'obligations.", "rumoured"),
    ("Fluidstack prévoit d'investir 10 milliards d'euros dans un campus.", "planned"),
    ("Equinix investira 750 millions d'euros dans deux centres de données.", "announced"),
    ("Anthropic a signé avec xAI un contrat de 40 milliards de dollars.", "signed"),
    ("Nscale a bouclé une levée de fonds de 1,1 milliard de dollars.", "completed"),
])
def test_status(nlp: Language, parser: Language, text: str, status: str) -> None:
    assert [d["status"] for d in sources_of(nlp, parser, text)] == [status]


@pytest.mark.parametrize(("text", "site", "country"), [
    ("Equinix investira 750 millions d'euros à Lyon et à Marseille.", "Lyon; Marseille", "FR"),
    ("Fluidstack investira 10 milliards d'euros à Dunkerque, dans le Nord.", "Dunkerque; Nord", "FR"),
    ("TSMC investira 165 milliards de dollars en Arizona.", "Arizona", "US"),
    ("Meta investira 600 milliards de dollars aux États-Unis, une somme colossale.", None, "US"),
    # a place the gazetteer does not know, from the statistical LOC entities: as written, country unknown
    ("Equinix investira 200 millions d'euros à Villeneuve-d'Ascq.", "Villeneuve-d'Ascq", None),
    # a continent is no site
    ("Data4 investira 1 milliard d'euros à Marcoussis et en Europe.", "Marcoussis", "FR"),
    # the payer's country is not where the deal is
    ("Un datacenter de 1 gigawatt financé par les Émirats arabes unis sera bâti à Fos-sur-Mer.", "Fos-sur-Mer", "FR"),
])
def test_site_and_country(nlp: Language, parser: Language, text: str, site: str | None, country: str) -> None:
    (deal,) = sources_of(nlp, parser, text)
    assert (deal["site"], deal["country"]) == (site, country)


@pytest.mark.parametrize(("text", "payer", "site", "country"), [
    ("TSMC relocalise sa production. Son site d'Arizona représente un investissement de 165 milliards de dollars.",
     "TSMC", "Arizona", "US"),
    ("Meta construit deux centres de données. Le site de Louisiane représente un investissement de 10 milliards "
     "de dollars.", "Meta", "Louisiane", "US"),
])
def test_a_sentence_pointing_back_takes_the_organisation_before(nlp: Language, parser: Language, text: str,
                                                                 payer: str, site: str, country: str) -> None:
    (deal,) = sources_of(nlp, parser, text)
    assert (list(deal["from"]), deal["site"], deal["country"]) == ([payer], site, country)


def test_a_sentence_pointing_back_takes_the_place_before(nlp: Language, parser: Language) -> None:
    deals = sources_of(nlp, parser, "Fluidstack investira 10 milliards d'euros à Dunkerque. Bpifrance accordera "
                                    "à Fluidstack un prêt de 50 millions d'euros pour ce site.")
    assert [(d["kind"], d["site"]) for d in deals] == [("investment", "Dunkerque"), ("public_funding", "Dunkerque")]


def test_a_revision_updates_the_deal(nlp: Language, parser: Language) -> None:
    (deal,) = sources_of(nlp, parser, "Microsoft a investi 1 milliard de dollars dans OpenAI en 2019. Au fil des "
                                      "ans, cet investissement a grimpé à 14 milliards de dollars.")
    assert (deal["money_value"], len(deal["figures"]), deal["date_value"]) == (14e9, 2, "2019")


def test_one_deal_reported_by_two_articles(nlp: Language, parser: Language) -> None:
    tables = tables_of(nlp, parser, {
        "a": "Oracle a signé avec OpenAI un contrat de 300 milliards de dollars sur cinq ans.",
        "b": "OpenAI a signé un contrat de cloud avec Oracle estimé à 300 milliards de dollars.",
        "c": "Meta a signé avec Oracle un contrat de 300 milliards de dollars.",
    })
    assert [list(d) for d in tables["deals"]["article_ids"]] == [["a", "b"], ["c"]]
    assert len(tables["deal_sources"]) == 3
    assert tables["deals"]["summary"].iloc[0] == "OpenAI → Oracle · contract · 300 Md USD"
