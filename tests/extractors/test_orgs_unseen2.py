"""Organisations the alias table does not know, second pass of issue 15 (rules written against the errors of
tests/gold/own_orgs2): cue nouns and appositions, lists and procurement notices, acronyms, units glued to an
acronym, media and brokers, metonyms as subjects, and the false classes (events, publications, acronyms of
things, product generations). Each case names what must be found and what must not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from extractors.org_filters import is_non_org_class, thing_acronyms
from extractors.orgs import extract_orgs
from flows.evaluation import prf, score_names

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _names(nlp: Language, text: str) -> set[str]:
    return {m.canonical for m in extract_orgs(nlp(text))}


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        # cue nouns and appositions
        ("Le bureau d'études nantais Hydravel a rendu son rapport au département.", {"Hydravel"}, set()),
        ("La chaleur sera vendue à Thermo Sud, une régie créée par la commune.", {"Thermo Sud"}, set()),
        ("Les travaux reviennent à des installateurs locaux comme Caloria Ouest.", {"Caloria Ouest"}, set()),
        ("Un second accord lie la PME au coréen Hanseo pour trois ans.", {"Hanseo"}, set()),
        ("Un investisseur néerlandais, Dijkstra Infrastruktur, détient déjà 20 % du site.",
         {"Dijkstra Infrastruktur"}, set()),
        ("Opérateurs Réunis, un groupement d'hébergeurs régionaux, réclame un guichet unique.",
         {"Opérateurs Réunis"}, set()),
        ("Le réseau de chaleur est géré par Calorvert depuis 2021.", {"Calorvert"}, set()),
        ("La jeune pousse a grandi avec le soutien de Normandie Participations.", {"Normandie Participations"}, set()),
        ("L'hébergeur portugais Lumiar Dados et le belge Velzeke ont signé.", {"Lumiar Dados", "Velzeke"}, set()),
        ("Le cabinet Arthur D. Little prévoit un triplement de la demande.", {"Arthur D. Little"}, set()),
        ("Parmi les absents figure Ombrel, qui avait levé 20 millions l'an dernier.", {"Ombrel"}, set()),
        ("Le groupe indien Vantara Digital Group prépare une offre.", {"Vantara Digital Group"}, {"Vantara Digital"}),
        ("Le PDG de la filiale française, Laurent Berthon, a confirmé la date.", set(), {"Laurent Berthon"}),
        ("La start-up est née dans une société messine du groupe singapourien Keppel.", set(),
         {"Messine", "Singapourien"}),
        # structure: lists, procurement notices, lower-case raisers
        ("Partenaires industriels :\n- Fermaris (logistique et stockage)\n- Nordel, gestionnaire du port\n",
         {"Fermaris", "Nordel"}, set()),
        ("Lot 2 – Attributaire : Delvaux Réseaux SAS, 69003 Lyon, mandataire du groupement avec Kerbat SARL.\n",
         {"Delvaux Réseaux", "Kerbat"}, {"69003 Lyon"}),
        ("Nom officiel : Syndicat mixte Aisne Numérique\n", {"Syndicat mixte Aisne Numérique"}, set()),
        ("• zenthra (Rennes) boucle 5 M€ auprès de business angels.\n", {"Zenthra"}, set()),
        ("Startups et Cloud : Les Nouveaux Acteurs du secteur\n\nLe marché change.", set(),
         {"Les Nouveaux Acteurs du secteur", "Nouveaux Acteurs du secteur"}),
        # acronyms, units, institutions
        ("L'Agence de développement et d'innovation de Nouvelle-Aquitaine (ADI N-A) accompagne le projet.",
         {"Agence de développement et d'innovation de Nouvelle-Aquitaine"}, set()),
        ("Le Fonds européen de développement régional (Feder) cofinance le marché.",
         {"Fonds européen de développement régional"}, set()),
        ("Les essais ont lieu au CEA-Liten, puis au CEA-Leti.", {"CEA-Liten", "CEA-Leti"}, {"CEA"}),
        ("La Communauté d'agglomération Forbach Porte de France est associée au dossier.",
         {"Communauté d'agglomération Forbach Porte de France"}, set()),
        ("L'enquête publique aura lieu en mairie de Saint-Avold.", set(), {"mairie de Saint-Avold"}),
        # media, brokers, metonyms
        ("L'usine ouvrira en 2027, a appris L'Informé.", {"L'Informé"}, set()),
        ("Le titre a reculé après une dégradation d'Invest Securities.", {"Invest Securities"}, set()),
        ("Bruxelles veut durcir les règles d'efficacité des centres de données.", {"Commission européenne"}, set()),
        ("Le sommet s'est tenu à Bruxelles en mai.", set(), {"Commission européenne"}),
        ("Pour comprendre, les analystes de Wall Street décryptent l'impact.", set(), {"Wall Street"}),
        # second batch (tests/gold/own_orgs3): press review, programme, annual report, deliberation
        ("Dans La Voix Nordique, reportage à Lille sur le chantier.", {"La Voix Nordique"}, set()),
        ("Le journal revient sur le rachat de Kestrel par Groupe Marnier.", {"Kestrel", "Groupe Marnier"}, set()),
        ("Tessara, Mnemo Systems, kalyx et Ondaris présenteront leurs solutions.",
         {"Tessara", "Kalyx", "Ondaris", "Mnemo Systems"}, set()),
        ("– Paul Renard, directeur des achats, Brennos Énergie\n– Nadia Benali, CTO, Velora Compute\n",
         {"Brennos Énergie", "Velora Compute"}, {"Paul Renard", "CTO", "Nadia Benali"}),
        ("Retour d'expérience d'Anne Pichon (SERL, Société d'équipement du Rhône et de Lyon).",
         {"Société d'équipement du Rhône et de Lyon"}, {"Société d'équipement du Rhône"}),
        ("Ses actions sont admises aux négociations sur Euronext Growth Paris depuis 2021.", set(),
         {"Euronext Growth Paris"}),
        ("La communauté d'agglomération Lannion-Trégor Communauté cherche un repreneur.",
         {"Lannion-Trégor Communauté"}, set()),
        ("Vu l'avis de la Mission régionale d'autorité environnementale (MRAe) d'Occitanie ;",
         {"Mission régionale d'autorité environnementale"}, set()),
        ("- Estavel Services SARL, qui porte les contrats de maintenance ;", {"Estavel Services"}, set()),
        ("Un atelier avec la SPL Lyon Confluence et la chambre d'agriculture du Gard.",
         {"SPL Lyon Confluence", "chambre d'agriculture du Gard"}, set()),
        ("Sont qualifiés OVHcloud, Outscale, Cloud Temple et S3NS.", {"Cloud Temple", "S3NS"}, set()),
        # false classes
        ("La start-up Calyptis exposera au salon Datanova puis à Cloud Infra Expo.", {"Calyptis"},
         {"Datanova", "Cloud Infra Expo"}),
        ("Vous exposez à VivaTech en juin ?", set(), {"VivaTech"}),
        ("L'avis a été publié au Journal officiel de l'Union européenne (JOUE) en janvier.", set(),
         {"Journal officiel de l'Union européenne", "Union européenne", "JOUE"}),
        ("La stratégie régionale de développement économique (SRDE) fixe le cap.", set(), {"SRDE", "Srde"}),
        ("Le contrat équipe les nœuds de la prochaine génération BullSequana.", set(), {"BullSequana"}),
    ],
)
def test_unlisted_organisations(nlp: Language, text: str, found: set[str], not_found: set[str]) -> None:
    names = _names(nlp, text)
    assert found <= names, names
    assert not names & not_found, names


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("au salon Energaïa", True),
        ("lors de Nvidia GTC", True),
        ("Data Centre World", True),
        ("Journal officiel de la République française", True),
        ("le groupe Energaïa", False),
        ("Digital Realty", False),
    ],
)
def test_events_and_publications(text: str, event: bool) -> None:
    start = text.rfind(" ") + 1 if text[:1].islower() else 0
    if text.startswith("lors de"):
        start = len("lors de ")
    assert is_non_org_class(text, start, len(text)) is event


def test_acronyms_of_things() -> None:
    text = ("La stratégie nationale pour l'intelligence artificielle (SNIA) et la Direction générale des entreprises "
            "(DGE) travaillent ensemble.")
    assert thing_acronyms(text) == {"SNIA"}


# own_orgs2 (eleven articles in eleven styles, written before these rules): measured 0.793 before them and
# 0.976 after (P 0.986, R 0.966). A drop below the acceptance figure means a rule regressed.
OWN_ORGS2_FLOOR = 0.93


def test_own_orgs2_f1(nlp: Language) -> None:
    found = predicted = gold = 0
    for path in sorted((GOLD / "own_orgs2").glob("*.jsonl")):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        facts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        counts = score_names(_names(nlp, text), facts)
        found, predicted, gold = found + counts.matched, predicted + counts.predicted, gold + counts.gold
    assert gold >= 140
    _, _, f1 = prf(found, predicted, gold)
    assert f1 >= OWN_ORGS2_FLOOR, f"own_orgs2 org F1 {f1:.3f} < {OWN_ORGS2_FLOOR}"
