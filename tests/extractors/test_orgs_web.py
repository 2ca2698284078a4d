"""Organisations on web text (issue 15): tables, acronym definitions, lower-case brands after a cue, business
units, metonyms, page furniture, and the false organisations (stock indices, tickers, job titles, venues)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.org_filters import acronym_definitions, is_index_or_ticker, table_names
from extractors.orgs import extract_orgs


def _names(nlp: Language, text: str) -> set[str]:
    return {m.canonical for m in extract_orgs(nlp(text))}


TABLE = """Les levées du trimestre.

| Start-up | Ville | Montant | Investisseurs |
|---|---|---|---|
| Qubitek | Paris | 120 M€ | Elaia, Bpifrance |
| hexaflow | Nantes | 8,5 M€ | Kima Ventures |
| Ondine Labs | Grenoble | 30 M€ | Supernova Invest et CEA Investissement |
"""


def test_table_columns_of_organisations(nlp: Language) -> None:
    cells = {TABLE[s:e] for s, e in table_names(TABLE)}
    assert cells == {"Qubitek", "Elaia", "Bpifrance", "hexaflow", "Kima Ventures", "Ondine Labs", "Supernova Invest",
                     "CEA Investissement"}
    names = _names(nlp, TABLE)
    assert {"Qubitek", "Elaia", "Bpifrance", "Hexaflow", "Kima Ventures", "Ondine Labs", "Supernova Invest",
            "CEA Investissement"} <= names
    assert not names & {"Paris", "Nantes", "Grenoble", "CEA"}


def test_tab_separated_table(nlp: Language) -> None:
    text = "Acquéreur\tCible\tMontant\nNordalis\tVelkor Systems\t40 M€\n"
    assert {text[s:e] for s, e in table_names(text)} == {"Nordalis", "Velkor Systems"}


def test_a_table_without_organisation_columns_gives_no_names() -> None:
    assert table_names("| Ville | Puissance |\n|---|---|\n| Lyon | 40 MW |\n") == []


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        ("Nordwatt signe avec la Communauté urbaine de Dunkerque (CUD) un protocole.",
         "Communauté urbaine de Dunkerque", "CUD"),
        ("Le Grand port maritime de Dunkerque (GPMD) financera le raccordement.", "Grand port maritime de Dunkerque",
         "GPMD"),
        ("La Direction interministérielle du numérique (Dinum) publie la liste.",
         "Direction interministérielle du numérique", "Dinum"),
        ("La banque cantonale de Zurich (ZKB) mène le prêt.", "banque cantonale de Zurich", "ZKB"),
        ("un tiers apporté par le ministère de l'Économie, du Commerce et de l'Industrie (METI) japonais.",
         "ministère de l'Économie, du Commerce et de l'Industrie", "METI"),
        ("Le Grand Équipement national de calcul intensif (Genci) a bondi.",
         "Grand Équipement national de calcul intensif", "Genci"),
        ("L'Agence nationale de la recherche (ANR) finance le projet.", "Agence nationale de la recherche", "ANR"),
    ],
)
def test_acronym_definitions(text: str, name: str, acronym: str) -> None:
    [(ns, ne, acs, ace)] = acronym_definitions(text)
    assert (text[ns:ne], text[acs:ace]) == (name, acronym)


@pytest.mark.parametrize(
    "text",
    ["Les grands modèles de langage (LLM) coûtent cher.", "Le rendement énergétique (PUE) baisse.",
     "Nvidia (NVDA) a bondi.", "La ville (Lyon) accueille le site."],
)
def test_no_acronym_definition(text: str) -> None:
    assert acronym_definitions(text) == []


def test_an_acronym_names_the_defined_organisation_everywhere(nlp: Language) -> None:
    text = ("Nordwatt Compute signe avec la Communauté urbaine de Dunkerque (CUD) un protocole. "
            "La CUD apportera un terrain de 35 hectares.")
    found = [(m.text, m.canonical) for m in extract_orgs(nlp(text))]
    assert ("CUD", "Communauté urbaine de Dunkerque") in found
    assert ("Communauté urbaine de Dunkerque", "Communauté urbaine de Dunkerque") in found


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Les travaux sont confiés à une filiale du groupe bouygues.", "Bouygues"),
        ("L'opérateur free sera le premier client.", "Free"),
        ("La start-up nantaise zyrvelo a levé 3 millions d'euros.", "Zyrvelo"),
    ],
)
def test_lower_case_brands_after_a_cue(nlp: Language, text: str, canonical: str) -> None:
    assert canonical in _names(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Comment les startups peuvent-elles en tirer parti ?", "Pour des entreprises aux besoins importants.",
     "Le groupe industriel investit.", "Les opérateurs historiques résistent."],
)
def test_lower_case_words_after_a_cue_are_not_brands(nlp: Language, text: str) -> None:
    assert _names(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "unit", "parent"),
    [
        ("Airbus Defence and Space a retenu la start-up Corvalis.", "Airbus Defence and Space", "Airbus"),
        ("Corvalis travaille avec l'équipe d'Inria Saclay depuis 2024.", "Inria Saclay", "Inria"),
    ],
)
def test_business_units_are_not_their_parent(nlp: Language, text: str, unit: str, parent: str) -> None:
    names = _names(nlp, text)
    assert unit in names
    assert parent not in names


def test_a_product_after_a_known_organisation_is_no_unit(nlp: Language) -> None:
    assert _names(nlp, "Nvidia Blackwell domine le marché des accélérateurs.") == {"NVIDIA"}


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Bercy a salué mardi un signal positif.", "Ministère de l'Économie"),
        ("Matignon doit arbitrer d'ici l'été.", "Matignon"),
        ("Selon le Quai d'Orsay, l'accord est proche.", "Ministère des Affaires étrangères"),
    ],
)
def test_ministries_named_by_their_building(nlp: Language, text: str, canonical: str) -> None:
    assert canonical in _names(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Les patrons se sont réunis à Bercy mardi.", "Les manifestants ont défilé devant Matignon."],
)
def test_the_building_as_a_place_is_no_party(nlp: Language, text: str) -> None:
    assert _names(nlp, text) & {"Ministère de l'Économie", "Matignon"} == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Plusieurs entreprises du SBF 120 sont intéressées.", "SBF"),
        ("Le CAC 40 a reculé de 2 %.", "CAC"),
        ("Le SOX, l'indice des semi-conducteurs de Philadelphie, a gagné 2,1 %.", "SOX"),
        ("L'action Nvidia (NVDA.O) a terminé la séance en hausse.", "NVDA.O"),
        ("Le fondeur est coté à Hong Kong sous le code 1347.HK.", "1347.HK"),
        ("Le titre (NASDAQ: VRNX) a bondi.", "NASDAQ: VRNX"),
    ],
)
def test_indices_and_tickers(nlp: Language, text: str, name: str) -> None:
    start = text.index(name)
    assert is_index_or_ticker(text, start, start + len(name))
    assert not any(name.split(".")[0] in n for n in _names(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Le PDG d'Armorix, Yannick Le Goff, a détaillé le calendrier.",
        "« Il faut une chaîne souveraine », explique le CTO de Corvalis, Mathis Renaud.",
        "Le projet a été présenté au Palais des Congrès de Saint-Brieuc, devant la société rennaise Armorix.",
        "Le projet sera présenté au salon Data Center World, Porte de Versailles.",
    ],
)
def test_job_titles_venues_and_events_are_not_organisations(nlp: Language, text: str) -> None:
    names = _names(nlp, text)
    assert not names & {"PDG", "CTO", "Palais des Congrès", "Saint-Brieuc", "Data Center World", "Versailles",
                        "Porte de Versailles"}, names


def test_page_furniture_lines_name_no_organisation(nlp: Language) -> None:
    text = ("Le néocloud Kalvane a signé de nouveaux contrats cette année.\n\n"
            "Lire aussi : OVHcloud relève ses prévisions après un trimestre record\n\n"
            "Étiquettes : cloud souverain, OVHcloud, Scaleway, Kalvane\n"
            "Partager : Facebook | X | LinkedIn\n")
    assert _names(nlp, text) == {"Kalvane"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("L'opérateur suisse de centres de données Helvion a obtenu un financement.", "Helvion"),
        ("Le gestionnaire de réseau National Grid alerte sur les délais.", "National Grid"),
        ("Le groupe a finalement signé avec SSE un contrat d'électricité.", "SSE"),
        ("Le contrat de support signé par Corvalis avec Synopsys paraît modeste.", "Synopsys"),
        ("Kioxia engage 729 milliards de yens au Japon.", "Kioxia"),
        ("Le sud-coréen Hanseong Semicon a confirmé un plan.", "Hanseong Semicon"),
        ("- Brumea (Bordeaux) a levé 14 millions auprès d'Alven ;", "Brumea"),
        ("- Tessora (Lille) finalise un tour de 25 à 30 millions.", "Tessora"),
        ("Le cas le plus instructif est **Groq**, l'un de ses challengers.", "Groq"),
        ("**Kyutai** est un laboratoire de recherche en IA à but non lucratif.", "Kyutai"),
        ("Il s'est allié au consortium français **AION** pour le calcul.", "AION"),
        ("Source : Velkor TERA Lab", "Velkor TERA Lab"),
        ("La Cour des comptes critique le mécanisme de l'Union européenne.", "Union européenne"),
        ("Une dizaine d'acteurs sont qualifiés, dont OVHcloud, Outscale (Dassault Systèmes), Nuvelia et S3NS.",
         "Nuvelia"),
    ],
)
def test_cues_for_unknown_organisations(nlp: Language, text: str, name: str) -> None:
    assert name in _names(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe a signé avec Riyad un accord de long terme.",
        "Pékin investit 50 milliards dans ses fonderies.",
        "Saint-Brieuc, la société rennaise Armorix a présenté son projet.",
    ],
)
def test_weak_cues_refuse_places(nlp: Language, text: str) -> None:
    assert not _names(nlp, text) & {"Riyad", "Pékin", "Saint-Brieuc"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La start-up Tessaline a bouclé son tour, avec Side Capital en suiveur.", "Side Capital"),
        ("📉 Mauvaise passe pour Vantiq Data : le néocloud texan coupe 30 % de ses effectifs.", "Vantiq Data"),
        ("💰 Tessaline (Montpellier), qui conçoit des serveurs reconditionnés, boucle une série A de 12 M€.",
         "Tessaline"),
        ("Le comité associera la préfecture, la CCI Moselle Métropole Metz et l'association Moselle Nature.",
         "CCI Moselle Métropole Metz"),
        ("Le comité associera l'association environnementale Moselle Nature.", "Moselle Nature"),
        ("Le Nikkei a cédé 0,8 %, plombé par Advantest, dont le titre a reculé.", "Advantest"),
        ("À Londres, la banque Barclays a relevé son objectif de cours.", "Barclays"),
    ],
)
def test_more_cues(nlp: Language, text: str, name: str) -> None:
    names = _names(nlp, text)
    assert name in names, names
    assert not any(n.startswith(("banque ", "Métropole")) for n in names), names


def test_a_bare_institution_noun_is_the_institution_named_in_full(nlp: Language) -> None:
    text = ("Le Département de la Moselle a approuvé la cession. Le Département participe à hauteur de 6 millions "
            "au financement de la voirie.")
    assert _names(nlp, text) == {"Département de la Moselle"}


def test_fact_sheet_key_value_lines(nlp: Language) -> None:
    text = ("Fiche entreprise : Voltaren Datacenters\n\nSiège : Nantes (Loire-Atlantique)\n"
            "Actionnaires : Andera Partners, Crédit Mutuel Equity\n"
            "Clients principaux : Lengow, la région Pays de la Loire\n")
    assert {text[s:e] for s, e in table_names(text)} == {"Andera Partners", "Crédit Mutuel Equity", "Lengow",
                                                           "région Pays de la Loire"}
    names = _names(nlp, text)
    assert {"Andera Partners", "Crédit Mutuel Equity", "Lengow", "région Pays de la Loire"} <= names
    assert "Nantes" not in names


def test_a_name_after_chez(nlp: Language) -> None:
    assert "Koyeb" in _names(nlp, "- Chez **Koyeb**, la facturation se fait à la seconde.")


def test_bullet_list_under_an_organisation_header(nlp: Language) -> None:
    text = ("Merci à nos investisseurs :\n• Kima Ventures\n• Techstars\n"
            "• Région Occitanie, via son fonds Occitanie Innovation\n• et une quinzaine de business angels\n\n"
            "Nos prochaines étapes :\n• Toulouse\n")
    items = {text[s:e] for s, e in table_names(text)}
    assert {"Kima Ventures", "Techstars", "Région Occitanie", "Occitanie Innovation"} <= items
    assert "Toulouse" not in items
    names = _names(nlp, text)
    assert {"Techstars", "Région Occitanie", "Occitanie Innovation"} <= names
    assert not any("business angels" in n or n.startswith("via") for n in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("L'entreprise a annoncé qu'elle saisirait la cour d'appel de Paris.", "cour d'appel de Paris"),
        ("Le tribunal de commerce de Lyon a validé le plan.", "tribunal de commerce de Lyon"),
    ],
)
def test_a_place_inside_an_institution_name_does_not_block_it(nlp: Language, text: str, name: str) -> None:
    assert name in _names(nlp, text)


def test_an_entity_never_runs_across_table_cells(nlp: Language) -> None:
    names = _names(nlp, TABLE)
    assert not any("|" in n for n in names), names


def test_apposition_without_an_article(nlp: Language) -> None:
    text = "Les lauréats sont Valmy Infra, filiale du fonds Meridiam, et le japonais NTT."
    assert {"Valmy Infra", "Meridiam", "NTT"} <= _names(nlp, text)
