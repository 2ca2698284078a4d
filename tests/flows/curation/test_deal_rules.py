"""The deal rules one by one, without the pipeline: roles, states, places, dates, commitments."""

from __future__ import annotations

import pytest

from flows.curation.deals.commitments import kind, not_a_commitment, status
from flows.curation.deals.dating import dated
from flows.curation.deals.places import main_country, places_in, site_and_country
from flows.curation.deals.roles import parse_roles, roles_of, state_party


@pytest.mark.parametrize(("roles", "kind_", "path", "expected"), [
    (["subj:Microsoft", "dans:OpenAI"], "funding", "investi", {"from": ["Microsoft"], "to": ["OpenAI"]}),
    (["subj:Mistral AI", "d':ASML"], "funding", "leve", {"from": ["ASML"], "to": ["Mistral AI"]}),
    (["subj:Nscale", "agent:Aker"], "funding", "levee menee", {"from": ["Aker"], "to": ["Nscale"]}),
    (["subj:Oracle", "avec:OpenAI"], "contract", "signe", {"from": ["OpenAI"], "to": ["Oracle"]}),
    (["subj:EDF", "de:Brookfield"], "power_supply", "fournira", {"from": ["Brookfield"], "to": ["EDF"]}),
    (["obl:mod:Stargate", "entre:SoftBank", "dep:OpenAI"], "joint_venture", "",
     {"to": ["Stargate"], "partners": ["SoftBank", "OpenAI"]}),
    (["subj:Bpifrance", "à:Fluidstack", "obj:ministère de l'Économie"], "public_funding", "accordera",
     {"from": ["Bpifrance"], "to": ["Fluidstack"]}),
])
def test_roles(roles: list[str], kind_: str, path: str, expected: dict[str, list[str]]) -> None:
    got = roles_of(parse_roles(roles), kind_, path)
    assert {k: v for k, v in got.items() if v} == expected


@pytest.mark.parametrize(("sentence", "party"), [
    ("109 milliards d'euros annoncés par le gouvernement.", "gov:FR"),
    ("L'État soutiendra le raccordement avec 120 millions d'euros.", "gov:FR"),
    ("Un datacenter financé par les Émirats arabes unis.", "gov:AE"),
    ("Selon l'analyste, le marché progresse.", None),
    ("Le groupe a établi son siège aux États-Unis.", None),
])
def test_a_state_acting(sentence: str, party: str | None) -> None:
    assert state_party(sentence) == party


@pytest.mark.parametrize(("text", "names"), [
    ("une somme colossale", []),
    ("dans la Somme", ["Somme"]),
    ("à Bruyères-le-Châtel (Essonne)", ["Bruyères-le-Châtel", "Essonne"]),
    ("aux Etats-Unis et en Corée du Nord", ["États-Unis", "Corée du Nord"]),
    ("dans les Hauts-de-France", ["Hauts-de-France"]),
])
def test_places_have_their_case_and_no_accents_needed(text: str, names: list[str]) -> None:
    assert [p.name for p in places_in(text)] == names


def test_site_country_and_company_deals() -> None:
    assert site_and_country("à Lyon et à Marseille", "investment") == ("Lyon; Marseille",
                                                                       ["Auvergne-Rhône-Alpes",
                                                                        "Provence-Alpes-Côte d'Azur"], "FR")
    assert site_and_country("à Lyon et au Texas", "investment")[2] is None  # two countries
    assert site_and_country("à Lyon", "funding") == (None, [], None)  # a round has no place
    assert site_and_country("un nouveau campus", "investment", "FR") == (None, [], "FR")
    assert main_country(["en France", "à Lyon", "aux États-Unis"]) == "FR"
    assert main_country(["en France", "aux États-Unis"]) is None


def figure(text: str, sentence: str, **values: object) -> dict:
    start = sentence.index(text)
    return {"type": "money", "text": text, "sentence": sentence, "start": start, "end": start + len(text),
            "currency": "USD", "value": 1e9, "per": None, "cues": (), **values}


@pytest.mark.parametrize(("sentence", "amount", "per", "expected"), [
    ("Le marché mondial atteindra 500 milliards de dollars.", "500 milliards de dollars", None, True),
    ("Le chiffre d'affaires a atteint 130 milliards de dollars.", "130 milliards de dollars", None, True),
    ("La location coûte 2 dollars de l'heure.", "2 dollars", "hour", True),
    ("Meta investira 10 milliards de dollars.", "10 milliards de dollars", None, False),
])
def test_not_a_commitment(sentence: str, amount: str, per: str | None, expected: bool) -> None:
    assert not_a_commitment(figure(amount, sentence, per=per)) is expected


@pytest.mark.parametrize(("sentence", "cues", "parties", "expected"), [
    ("Brookfield va racheter Data4 pour 1 milliards.", ("racheter",), [], "acquisition"),
    ("EDF et Mistral AI signent un contrat d'approvisionnement électrique de 1 milliards.", ("contrat",), [],
     "power_supply"),
    ("Microsoft a investi 1 milliards dans OpenAI.", ("investi",), [("dans", "OpenAI")], "funding"),
    ("Fluidstack construira un campus de 1 milliards.", ("construira",), [], "investment"),
    ("Bpifrance accordera 1 milliards de prêt.", ("accordera",), [("subj", "Bpifrance")], "public_funding"),
])
def test_kind(sentence: str, cues: tuple[str, ...], parties: list[tuple[str, str]], expected: str) -> None:
    assert kind(figure("1 milliards", sentence, cues=cues), parties)[0] == expected


@pytest.mark.parametrize(("sentence", "cues", "expected"), [
    ("Oracle aurait émis 1 milliards d'obligations.", ("émis",), "rumoured"),
    ("Fluidstack prévoit d'investir 1 milliards.", ("investir", "prévoit"), "planned"),
    # the figure's own verb first: the signature that follows is another fact's
    ("Nvidia promettant 1 milliards à OpenAI, et la signature de projets.", ("promettant",), "announced"),
    ("Anthropic a signé un contrat de 1 milliards.", ("contrat", "signé"), "signed"),
    ("Nscale a levé 1 milliards.", ("levé",), "completed"),
    ("Bpifrance accordera 1 milliards.", ("accordera",), "announced"),
])
def test_status(sentence: str, cues: tuple[str, ...], expected: str) -> None:
    assert status(figure("1 milliards", sentence, cues=cues)) == expected


def test_main_date_is_the_earliest_event_and_roles_come_from_the_words_before() -> None:
    sentence = "Annoncé en janvier 2025, le projet débutera en 2026 et sera achevé d'ici 2030."
    dates = [{"text": t, "sentence": sentence, "date_value": v} for t, v in
             (("d'ici 2030", "2030"), ("en 2026", "2026"), ("en janvier 2025", "2025-01"))]
    main, role, others = dated(dates, "announced")
    assert (main["date_value"], role) == ("2025-01", "announced")
    assert {d["date_value"]: d["role"] for d in others} == {"2030": "target", "2026": "start"}
