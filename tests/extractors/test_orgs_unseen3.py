"""Organisations the alias table does not know, third pass of issue 15 (rules written against the classes of
errors of tests/gold/own_fresh and tests/gold/own_orgs4): institution names of the "Noun adjective de Name"
shape, names heading bullet lines, names listed after a role noun or an advisory verb, and the false classes
(funding-round letters, index names, commodities). Each case names what must be found and what must not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.org_filters import bullet_head_lists, cued_lists, is_index_or_ticker
from extractors.orgs import extract_orgs


def _names(nlp: Language, text: str) -> set[str]:
    return {m.canonical for m in extract_orgs(nlp(text))}


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        # institutions: head noun, adjective, lower-case complements, proper name
        ("Le prêt est accordé par la Caisse régionale de Crédit Agricole Alpes Provence.",
         {"Caisse régionale de Crédit Agricole Alpes Provence"}, {"Crédit Agricole"}),
        ("La Mutuelle Bretonne de Prévoyance rejoint le tour de table.", {"Mutuelle Bretonne de Prévoyance"},
         {"Mutuelle Bretonne"}),
        ("Le courant sera fourni par la Régie municipale d'électricité de Montdidier.",
         {"Régie municipale d'électricité de Montdidier"}, set()),
        ("Le Syndicat départemental d'énergies de la Drôme finance l'étude.",
         {"Syndicat départemental d'énergies de la Drôme"}, set()),
        ("La Chambre de commerce et d'industrie du Gers soutient le dossier.",
         {"Chambre de commerce et d'industrie du Gers"}, set()),
        ("Le site chauffera les caves de la Coopérative fromagère du Val d'Arly.",
         {"Coopérative fromagère du Val d'Arly"}, set()),
        ("Le Syndicat mixte des énergies de la vallée de la Dore a voté le budget.",
         {"Syndicat mixte des énergies de la vallée de la Dore"}, set()),
        ("Le capital est détenu par la commune, aux côtés de la Caisse d'Épargne Normandie, de la Mutuelle Verte "
         "de Santé et de la Chambre d'agriculture de l'Orne.",
         {"Caisse d'Épargne Normandie", "Mutuelle Verte de Santé", "Chambre d'agriculture de l'Orne"}, set()),
        ("La Caisse finance Orange depuis dix ans.", set(), {"Caisse finance Orange"}),
        ("Les essais ont lieu à l'institut Fraunhofer de Dresde.", {"Fraunhofer"}, {"institut Fraunhofer"}),
        ("Côté recherche, l'Université de Strasbourg et l'Inria ont monté un laboratoire commun.",
         {"Université de Strasbourg", "Inria"}, {"Université de Strasbourg et l'Inria"}),
        ("Ils viennent de l'Institut national de recherche en sciences et technologies du numérique (Inria).",
         {"Inria"}, {"Institut national de recherche en sciences et technologies du numérique"}),
        # bullet lines headed by a name, in a list with a known organisation
        ("Nos partenaires :\n- Arvelia : hébergement des serveurs ;\n- Brumix, start-up nantaise ;\n"
         "- OVHcloud — réseau et stockage.\n", {"Arvelia", "Brumix", "OVHcloud"}, set()),
        ("Les opérations du trimestre :\n- Scaleway : 40 M€ ;\n- Norvane (Oslo) : 12 M€ en série A ;\n",
         {"Norvane"}, {"A"}),
        ("Au programme :\n- Introduction : le contexte ;\n- Marchés : les chiffres ;\n", set(),
         {"Introduction", "Marchés"}),
        ("Les cartes disponibles :\n- H100 : 2 € de l'heure ;\n- Velorix : 1 € de l'heure ;\n", set(), {"Velorix"}),
        # names listed after a role noun or an advisory verb
        ("Le tour est mené par Orsay Capital, avec la participation des investisseurs historiques de la société, "
         "Belvue Partners et Norme Angels.", {"Belvue Partners", "Norme Angels"}, set()),
        ("Les jeunes entreprises accompagnées par Maravel, Kestine et Bpifrance sont éligibles.",
         {"Maravel", "Kestine"}, set()),
        ("Le vendeur était conseillé par Darvelis.", {"Darvelis"}, set()),
        ("La société a été épaulée par Kovane et accompagnée par Lumeris.", {"Kovane", "Lumeris"}, set()),
        ("Ses clients, Jean Dupont et Marie Leroy, témoignent.", set(), {"Jean Dupont", "Marie Leroy"}),
        # funding rounds, indices and commodities are no organisations
        ("La start-up a bouclé une série A de 5 millions d'euros.", set(), {"A"}),
        ("Le fonds avait participé à la série C de Norvik Systems et au tour B d'Alvéa.", {"Norvik Systems", "Alvéa"},
         {"C", "B"}),
        ("Kovalt prépare sa Series C avec ses investisseurs.", set(), {"C", "Series C"}),
        ("L'indice Stoxx Europe 600 Technology a pris 1,2 %.", set(), {"Technology", "Stoxx Europe 600 Technology"}),
        ("Le FTSE 100 et l'Euro Stoxx 50 ont reculé mardi.", set(), {"FTSE 100", "Euro Stoxx 50"}),
        ("Le Philadelphia Semiconductor Index a gagné 2 %, le Nasdaq Composite 1 %.", set(),
         {"Philadelphia Semiconductor Index", "Nasdaq Composite"}),
        ("Le Brent a pris 1 % à 80 dollars le baril, le DAX a cédé 0,3 %.", set(), {"Brent", "DAX"}),
    ],
)
def test_third_pass_classes(nlp: Language, text: str, found: set[str], not_found: set[str]) -> None:
    names = _names(nlp, text)
    assert found <= names, names
    assert not names & not_found, names


def test_bullet_heads_form_one_list_per_run() -> None:
    text = "Partenaires :\n- Arvelia : hébergement ;\n• Brumix, start-up ;\n\nSuite.\n- Solo : seul.\n"
    assert [[text[s:e] for s, e in run] for run in bullet_head_lists(text)] == [["Arvelia", "Brumix"]]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("les investisseurs historiques de la société, Kerlan Capital et Alpes Angels.",
         ["Kerlan Capital", "Alpes Angels"]),
        ("aux côtés de ses partenaires Trelis, Omvia et Grenat Énergie.", ["Trelis", "Omvia", "Grenat Énergie"]),
        ("rejoint par les fonds Hélix Growth et Matra Capital.", ["Hélix Growth", "Matra Capital"]),
        ("accompagnée par Wilcor, Réseau Ouest et Ventis.", ["Wilcor", "Réseau Ouest", "Ventis"]),
    ],
)
def test_lists_after_a_role_cue(text: str, items: list[str]) -> None:
    assert [[text[s:e] for s, e in run] for run in cued_lists(text)] == [items]


def test_a_list_without_a_role_cue_is_not_cued() -> None:
    assert cued_lists("Il a visité Lyon, Paris et Marseille.") == []


@pytest.mark.parametrize(
    ("text", "name", "index"),
    [
        ("l'Euro Stoxx 50 a gagné", "Euro Stoxx 50", True),
        ("le Nikkei 225 a cédé", "Nikkei 225", True),
        ("le Stoxx Europe 600 Technology a pris", "Technology", True),
        ("le Dow Jones Industrial Average a fini", "Dow Jones Industrial Average", True),
        ("Quantis 2030 prévoit", "Quantis 2030", False),  # a year ends the name: no index
        ("Marvell Technology a gagné", "Marvell Technology", False),
    ],
)
def test_index_shapes(text: str, name: str, index: bool) -> None:
    start = text.index(name)
    assert is_index_or_ticker(text, start, start + len(name)) is index


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        # a listed name stops at its word's end: no known name inside a longer one joined by an apostrophe
        ("Selon le cabinet Dell'Oro, le marché des serveurs IA doublera.", {"Dell'Oro"}, {"Dell"}),
        ("Le cabinet Dell’Oro prévoit 500 milliards de dollars de dépenses.", {"Dell’Oro"}, {"Dell"}),
        ("Dell a livré 500 serveurs à l'usine d'Orange.", {"Dell", "Orange"}, set()),
        ("Les ventes de Nvidia's data center ont bondi.", {"NVIDIA"}, set()),  # an English possessive
        # a place in brackets after a clause is no acronym defining a name
        ("Le campus que le fonds Brookfield compte bâtir à La Hague (Manche) coûtera 20 milliards.",
         {"Brookfield"}, {"Fonds Brookfield compte bâtir à La Hague"}),
        ("Le projet que la banque Barclays veut financer à Metz (Moselle) avance.", {"Barclays"}, set()),
        ("La banque cantonale de Zurich (ZKB) prête 200 millions.", {"Banque cantonale de Zurich"}, set()),
    ],
)
def test_name_boundaries(nlp: Language, text: str, found: set[str], not_found: set[str]) -> None:
    names = _names(nlp, text)
    assert found <= names and not (not_found & names), names
