"""Date extractor: table-driven cases (own phrasings), negatives, month-year resolution, datelines."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractors.dates import extract_dates, find_published
from extractors.spans import sentence_text

Found = list[tuple[str, str, str | None]]


def found(nlp: Language, text: str, published: str | None = None) -> Found:
    doc = nlp(text)
    mentions = extract_dates(doc, published=published)
    for m in mentions:
        assert m.text == text[m.start : m.end]
        assert m.sentence == sentence_text(doc, m.start, m.end)
    return [(m.text, m.date_value, m.date_mod) for m in mentions]


POSITIVES: list[tuple[str, str, str, str | None]] = [
    # absolute dates, every granularity
    ("Le contrat a été signé en 2018 à Lyon.", "en 2018", "2018", None),
    ("La loi s’appliquera le 1er janvier 2027 partout.", "le 1er janvier 2027", "2027-01-01", None),
    ("Le rapport porte la date du 14 juillet 2023.", "14 juillet 2023", "2023-07-14", None),
    ("Rendez-vous mardi 4 mars 2025 au salon.", "mardi 4 mars 2025", "2025-03-04", None),
    ("Annoncé en octobre 2024, le chantier avance.", "en octobre 2024", "2024-10", None),
    ("Septembre 2025 a marqué un tournant.", "Septembre 2025", "2025-09", None),
    ("La banque a tout revu le premier avril 2022.", "le premier avril 2022", "2022-04-01", None),
    ("Les chiffres du 2 févr. 2025 sont connus.", "2 févr. 2025", "2025-02-02", None),
    ("La version finale, parue en déc. 2023, corrige tout.", "en déc. 2023", "2023-12", None),
    ("Le fichier est daté 2025-06-13 dans le dépôt.", "2025-06-13", "2025-06-13", None),
    ("Le courrier est parti le 13/05/2025 au matin.", "le 13/05/2025", "2025-05-13", None),
    ("Le courrier est parti le 03.11.2024 au matin.", "le 03.11.2024", "2024-11-03", None),
    ("L’accord a été paraphé novembre 4, 2024 à New York.", "novembre 4, 2024", "2024-11-04", None),
    ("L’usine a ouvert en août 2021.", "en août 2021", "2021-08", None),
    ("Le budget de l’année 2025 est serré.", "l’année 2025", "2025", None),
    ("La liaison fut coupée en décembre de l'année 2019.", "en décembre de l'année 2019", "2019-12", None),
    # bare years that read as years
    ("Le scénario rappelle le film de 1994 sur les robots.", "1994", "1994", None),
    ("Le premier prototype (2024) chauffait trop.", "2024", "2024", None),
    ("2026 sera une année charnière pour le secteur.", "2026", "2026", None),
    ("Le bilan de 2025 reste mitigé.", "2025", "2025", None),
    ("Pour 2027, le groupe vise la rentabilité.", "2027", "2027", None),
    ("Le centre de calcul attendu pour 2028 sera refroidi à l’eau.", "2028", "2028", None),
    ("Une décision prise en 1999 pèse encore.", "en 1999", "1999", None),
    ("La gamme lancée en 2023, mais retirée ensuite, a déçu.", "en 2023", "2023", None),
    ("Un marché qui doublera entre-temps, en 2030 selon eux.", "en 2030", "2030", None),
    # modifiers
    ("Les travaux démarreront début 2027 sur le site.", "début 2027", "2027", "early"),
    ("La mise en service est prévue mi-2028.", "mi-2028", "2028", "mid"),
    ("Le revenu a triplé à la mi-2025 selon la presse.", "à la mi-2025", "2025", "mid"),
    ("La ligne sera prête au milieu de 2026.", "au milieu de 2026", "2026", "mid"),
    ("La réserve sera épuisée fin 2029 au plus tard.", "fin 2029", "2029", "late"),
    ("Le groupe a publié ses comptes à la fin de 2024.", "à la fin de 2024", "2024", "late"),
    ("Le réseau sera raccordé d'ici 2035.", "d'ici 2035", "2035", "by"),
    ("Le réseau sera raccordé d’ici 2035.", "d’ici 2035", "2035", "by"),
    ("Le parc doublera d’ici à 2032.", "d’ici à 2032", "2032", "by"),
    ("Cinq usines sont visées à l'horizon 2040.", "à l'horizon 2040", "2040", "by"),
    ("Cinq usines sont visées à l’horizon 2040.", "à l’horizon 2040", "2040", "by"),
    ("Il faudra agir avant 2030 pour tenir l’objectif.", "avant 2030", "2030", "by"),
    ("Le bail court jusqu'en 2031 au moins.", "jusqu'en 2031", "2031", "by"),
    ("Le tarif est garanti jusqu’au 31 décembre 2025.", "jusqu’au 31 décembre 2025", "2025-12-31", "by"),
    ("La livraison aura lieu au plus tard en 2028.", "au plus tard en 2028", "2028", "by"),
    ("Le laboratoire travaille sur ce sujet depuis 2015.", "depuis 2015", "2015", "since"),
    ("Les premiers lots sont disponibles dès 2027.", "dès 2027", "2027", "since"),
    ("Les quotas s’appliquent à partir de 2026.", "à partir de 2026", "2026", "since"),
    ("Une reprise est attendue après 2032.", "après 2032", "2032", "after"),
    ("Le site avait été acheté vers 1985 par un fonds.", "vers 1985", "1985", "circa"),
    ("Tout doit être livré d'ici fin 2026.", "d'ici fin 2026", "2026", "by"),
    ("Les prix grimpent depuis début 2024.", "depuis début 2024", "2024", "since"),
    ("Le chantier est à l’arrêt depuis le 1er mars 2024.", "depuis le 1er mars 2024", "2024-03-01", "since"),
    ("Le loyer est indexé depuis janvier 2025.", "depuis janvier 2025", "2025-01", "since"),
    ("La vente a eu lieu fin juin 2025.", "fin juin 2025", "2025-06", "late"),
    ("Le service ouvrira début septembre 2024.", "début septembre 2024", "2024-09", "early"),
    ("Un audit est prévu mi-octobre 2026.", "mi-octobre 2026", "2026-10", "mid"),
    ("Le prix a doublé en milieu d’année 2025.", "en milieu d’année 2025", "2025", "mid"),
    ("Le site ouvrira au début de l'année 2026.", "au début de l'année 2026", "2026", "early"),
    ("Le budget a été voté courant 2026.", "courant 2026", "2026", None),
    ("Les stocks ont été reconstitués au cours de 2023.", "au cours de 2023", "2023", None),
    # semesters, quarters, seasons
    ("Les ventes ont reculé au premier semestre 2025.", "au premier semestre 2025", "2025", "H1"),
    ("Une version bêta arrive au second semestre 2026.", "au second semestre 2026", "2026", "H2"),
    ("Le rachat sera bouclé au deuxième semestre 2026.", "au deuxième semestre 2026", "2026", "H2"),
    ("Le rachat sera bouclé au 1er semestre 2027.", "au 1er semestre 2027", "2027", "H1"),
    ("La marge s’est tassée au T3 2025.", "au T3 2025", "2025", "Q3"),
    ("Les livraisons commencent au premier trimestre 2026.", "au premier trimestre 2026", "2026", "Q1"),
    ("Le chiffre d’affaires du quatrième trimestre 2024 déçoit.", "quatrième trimestre 2024", "2024", "Q4"),
    ("Un creux a été observé au dernier trimestre 2024.", "au dernier trimestre 2024", "2024", "Q4"),
    ("Les résultats Q2 2025 étaient attendus.", "Q2 2025", "2025", "Q2"),
    ("Le solde H2 2026 sera publié bientôt.", "H2 2026", "2026", "H2"),
    ("Le lancement est repoussé au printemps 2026.", "au printemps 2026", "2026", "spring"),
    ("Les tests commenceront à l'été 2027.", "à l'été 2027", "2027", "summer"),
    ("La revue aura lieu à l’automne 2024.", "à l’automne 2024", "2024", "autumn"),
    ("Le réseau a cédé en hiver 2025.", "en hiver 2025", "2025", "winter"),
    ("La consultation a débuté dès l’été 2023.", "dès l’été 2023", "2023", "since"),
    # ranges and decades
    ("Les prix ont doublé entre 2018 et 2022.", "entre 2018 et 2022", "2018/2022", None),
    ("Le plan court de 2025 à 2027 inclus.", "de 2025 à 2027", "2025/2027", None),
    ("La feuille de route 2030-2035 a été votée.", "2030-2035", "2030/2035", None),
    ("Dix réacteurs sont prévus à l'horizon 2030–2035.", "à l'horizon 2030–2035", "2030/2035", "by"),
    ("Le contrat couvre la période 2021-2024.", "2021-2024", "2021/2024", None),
    ("Le budget de la campagne 2025-26 est bouclé.", "2025-26", "2025/2026", None),
    ("Le secteur a explosé dans les années 2000.", "dans les années 2000", "200X", None),
    ("C’était la norme dans les années 1990.", "dans les années 1990", "199X", None),
    ("Le concept date du début des années 2010.", "début des années 2010", "201X", "early"),
    ("Tout a changé à la fin des années 80.", "à la fin des années 80", "198X", "late"),
    ("Les prix ont été gelés entre janvier et mars 2025.", "entre janvier et mars 2025", "2025-01/2025-03", None),
    ("La hausse va de mars 2024 à juin 2025.", "de mars 2024 à juin 2025", "2024-03/2025-06", None),
    ("Le salon se tient du 3 au 5 juin 2025.", "3 au 5 juin 2025", "2025-06-03/2025-06-05", None),
    ("La période juillet-septembre 2025 a été calme.", "juillet-septembre 2025", "2025-07/2025-09", None),
    ("Les prix ont doublé entre fin 2024 et mi-2025.", "entre fin 2024 et mi-2025", "2024/2025", None),
    ("Les tarifs ont grimpé de début 2023 à fin 2024.", "de début 2023 à fin 2024", "2023/2024", None),
    ("Le salon dure du 28 février 2025 au 3 mars 2025.", "28 février 2025 au 3 mars 2025",
     "2025-02-28/2025-03-03", None),
    ("La grève a duré de 2019 jusqu’en 2021.", "de 2019 jusqu’en 2021", "2019/2021", None),
    # prepositions kept out or in
    ("Elle ne sera effective qu’en décembre 2027.", "en décembre 2027", "2027-12", None),
    ("En juin 2025, la direction a changé.", "En juin 2025", "2025-06", None),
    ("Dès 2009, les ingénieurs l’avaient prédit.", "Dès 2009", "2009", "since"),
    ("En 2026 trois laboratoires dominent la course.", "En 2026", "2026", None),
    ("Les recettes ont bondi en 2024 tandis que les coûts baissaient.", "en 2024", "2024", None),
    ("Les usines ont fermé en 2020 dans toute la région.", "en 2020", "2020", None),
]


@pytest.mark.parametrize(("text", "span", "value", "mod"), POSITIVES)
def test_positive(nlp: Language, text: str, span: str, value: str, mod: str | None) -> None:
    assert found(nlp, text) == [(span, value, mod)]


NEGATIVES: list[str] = [
    "Nvidia a vendu 2000 GPU au même client.",
    "La centrale produira 2026 MW dès sa mise en route.",
    "Le site consomme 2 000 MW en continu.",
    "Le budget atteint 1 500 milliards d’euros.",
    "Le budget atteint 2 025 milliards d’euros.",
    "Les ventes ont augmenté de 2019 % en un an.",
    "Les puces HBM4 et H100 sont rares.",
    "La plateforme Vera Rubin succède à Blackwell.",
    "La RTX 2080 de Nvidia reste populaire.",
    "Windows 2000 tourne encore dans certaines usines.",
    "Voir page 2019 du rapport annuel.",
    "Le dossier n° 2021 a été classé.",
    "Appelez le 01 20 19 20 21 pour réserver.",
    "Le siège est au 75008 Paris.",
    "Le compteur affiche 120254 requêtes.",
    "La hausse atteint 3,2025 points.",
    "Il compte environ 2000 employés.",
    "Le site accueille plus de 2000 personnes.",
    "Un total de 2024 serveurs a été livré.",
    "2030 serveurs ont été livrés la semaine passée.",
    "La capacité passera de 1500 à 2000 mégawatts.",
    "Il faut entre 2000 et 2500 MW pour ce campus.",
    "Lisez https://exemple.fr/salon-2025-paris pour tout savoir.",
    "Écrivez à contact2025@exemple.fr sans attendre.",
    "Le modèle GPT-2030 est imaginaire.",
    "Le processeur atteint 2048 cœurs.",
    "La version 2024 du logiciel plante.",
    "Les Jeux de Paris 2024 ont coûté cher.",
    "Le programme Horizon 2020 a financé le projet.",
    "Le plan France 2030 soutient les puces.",
    "Office 2021 est installé sur les postes.",
    "La version iOS 2025 n’existe pas.",
    "Il reste 2029 jours avant l’échéance.",
    "Le prix d’une action, 2 024 euros, a chuté.",
    "Cerebras vise une introduction en bourse au 3e trimestre.",
    "Le 14/07 est férié.",
    "Les 2025 premiers exemplaires sont partis.",
    "On attend 2030 nouveaux emplois sur le site.",
    "L’année précédente, les prix avaient baissé.",
    "Quelques mois plus tard, tout a changé.",
    "Aujourd’hui, le marché se contracte.",
    "Il faudra des milliards d’ici la fin de la décennie.",
    "Ces dernières semaines, les annonces se sont multipliées.",
    "Sam Altman l’a lu dans la presse samedi.",
    "Les recettes ont progressé au premier semestre.",
    "Le chantier reprendra cet été.",
    "Une mission vers Mars coûterait une fortune.",
    "La planète Mars fascine les ingénieurs.",
    "La Mars Society n’a rien dit de plus.",
    "Les sept ingénieurs ont signé.",
    "La 2025e édition n’a pas eu lieu.",
    "Il a parcouru 1987 km à vélo.",
    "Le tarif passe à 2020 € par mois.",
    "Le fonds détient 1999 actions du groupe.",
    "Le billet coûte $2025 au marché noir.",
    "Il a payé 2025 $ comptant.",
    "Le terrain a été divisé en 2000 parcelles égales.",
    "Le modèle v1.2025 est sorti.",
    "Le code t3 2025 ne correspond à rien.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


MONTH_ONLY: list[tuple[str, str | None, list[tuple[str, str, str | None]]]] = [
    ("En 2024, le groupe a levé des fonds. En mars, il a recruté.", None,
     [("En 2024", "2024", None), ("En mars", "2024-03", None)]),
    ("Le plan date de 2019 et fut révisé fin mai puis en octobre.", None,
     [("2019", "2019", None), ("fin mai", "2019-05", "late"), ("en octobre", "2019-10", None)]),
    ("En mars, le groupe a signé un accord.", "2025-05-13", [("En mars", "2025-03", None)]),
    ("En mars, le groupe a signé un accord.", None, [("En mars", "XXXX-03", None)]),
    ("Le projet est né en 2020.\nEn avril, la filiale a ouvert.", None,
     [("en 2020", "2020", None), ("En avril", "XXXX-04", None)]),
    ("Le projet est né en 2020.\nEn avril, la filiale a ouvert.", "2026-06",
     [("en 2020", "2020", None), ("En avril", "2026-04", None)]),
    ("La fête a eu lieu le 14 juillet, sous la pluie.", None, [("le 14 juillet", "XXXX-07-14", None)]),
    ("Les prix sont gelés depuis avril.", "2025", [("depuis avril", "2025-04", "since")]),
    ("Un audit est prévu mi-mars.", None, [("mi-mars", "XXXX-03", "mid")]),
    ("Les résultats tomberont d’ici juin.", "2024-01-02", [("d’ici juin", "2024-06", "by")]),
    ("Titre\nmai 13, 2025\n\nLe contrat a été signé en février.", None,
     [("mai 13, 2025", "2025-05-13", None), ("en février", "2025-02", None)]),
    ("Entre 2020 et 2023, la firme a grandi ; en juin, elle a fusionné.", None,
     [("Entre 2020 et 2023", "2020/2023", None), ("en juin", "2023-06", None)]),
]


@pytest.mark.parametrize(("text", "published", "expected"), MONTH_ONLY)
def test_month_without_year(
    nlp: Language, text: str, published: str | None, expected: list[tuple[str, str, str | None]]
) -> None:
    assert found(nlp, text, published) == expected


PUBLISHED: list[tuple[str, str | None]] = [
    # press datelines: a place, a comma, the date, then the story
    ("Lyon, le 4 mars 2026 — La start-up a levé 10 millions d’euros.", "2026-03-04"),
    ("PARIS, 12 janvier 2025 (AFP) - Le groupe a confirmé.", "2025-01-12"),
    ("Bruxelles, 5 nov. 2025 – La Commission propose un fonds.", "2025-11-05"),
    ("Saint-Denis (Réunion), le 2 avril 2026 – Le data center ouvre.", "2026-04-02"),
    ("Nvidia, en mai 2025, a promis des puces.", None),
    ("Selon Reuters, le 3 mai 2025 a marqué un tournant.", None),
    ("Publié le 13 mai 2025 à 10h32\nLe titre de l’article\n\nLe texte.", "2025-05-13"),
    ("Le titre\nmai 13, 2025\n\nLe texte commence ici.", "2025-05-13"),
    ("13/05/2025 à 10h32\nLe texte commence ici.", "2025-05-13"),
    ("Le 3 juin 2026 — Le gouvernement a présenté son plan.", "2026-06-03"),
    ("# Un rapport\n\nJeanne Martin  \nJuin 2026\n\n# Sommaire", "2026-06"),
    ("Mis à jour le 2 février 2024\nTitre", "2024-02-02"),
    ("Par Jean Dupont, publié le 4 avril 2025\nTitre", "2025-04-04"),
    ("Publié le 04/04/2025 | Mis à jour le 05/04/2025\nTitre", "2025-04-04"),
    ("Accueil - Tech - IA\nLe titre\nsamedi 8 mars 2025\nLe texte.", "2025-03-08"),
    ("Le texte commence. En janvier 2025, le groupe a annoncé un plan.", None),
    ("Un titre\n\nEn 2019, le marché a basculé.", None),
    ("En mai 2025, le groupe a signé un contrat.", None),
    ("Le 3 juin 2026, le gouvernement a parlé.", None),
    ("Un titre\n\n" + "Le texte continue. " * 40 + "\n13 mai 2025\n", None),
    ("Sans aucune date dans le chapeau.\nNi dans la suite.", None),
    ("Fin 2025\nUn bilan", None),
]


@pytest.mark.parametrize(("text", "expected"), PUBLISHED)
def test_find_published(text: str, expected: str | None) -> None:
    assert find_published(text) == expected


SEVERAL: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("Les usines ouvriront en 2025, 2026 et 2027.",
     [("en 2025", "2025", None), ("2026", "2026", None), ("2027", "2027", None)]),
    ("Les bilans de 2019 ou 2020 restent bons.", [("2019", "2019", None), ("2020", "2020", None)]),
    # issue 14: a list of two days is one range mention
    ("Les 3 et 4 juin 2025 ont vu des pics.", [("3 et 4 juin 2025", "2025-06-03/2025-06-04", None)]),
    ("Le site ouvrira à l'été 2026, après les essais de mi-2025.",
     [("à l'été 2026", "2026", "summer"), ("mi-2025", "2025", "mid")]),
    ("Il a vendu 1 500 à 2000 serveurs en 2024.", [("en 2024", "2024", None)]),
    ("Il y a 2026 000 habitants et 2019 000 euros de dette.", []),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_several(nlp: Language, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(nlp, text) == expected


def test_published_fills_month_year_from_dateline(nlp: Language) -> None:
    text = "Titre\nmars 2, 2024\n\nLe texte.\nEn juin, les travaux ont commencé."
    # past tense, June after the article's March: the latest June before it (GUIDELINES.md, relative dates)
    assert found(nlp, text)[-1] == ("En juin", "2023-06", None)


def test_sorted_without_overlaps(nlp: Language) -> None:
    text = "Depuis 2019 et jusqu’en 2024, puis à l’horizon 2030-2035, en mars 2026 et fin 2027."
    mentions = extract_dates(nlp(text))
    assert [m.text for m in mentions] == [
        "Depuis 2019", "jusqu’en 2024", "à l’horizon 2030-2035", "en mars 2026", "fin 2027"]
    assert all(a.end <= b.start for a, b in pairwise(mentions))


def test_nbsp_and_thin_space(nlp: Language) -> None:
    text = "Prévu d’ici\u00a02030 et au second\u202fsemestre 2026."
    assert found(nlp, text) == [("d’ici\u00a02030", "2030", "by"), ("au second\u202fsemestre 2026", "2026", "H2")]


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1900, 2099), month=st.integers(1, 12), day=st.integers(1, 28))
def test_property_full_dates(nlp: Language, year: int, month: int, day: int) -> None:
    text = f"Le rachat a été conclu le {day} {MONTHS[month - 1]} {year} par le groupe."
    assert found(nlp, text) == [(f"le {day} {MONTHS[month - 1]} {year}", f"{year}-{month:02d}-{day:02d}", None)]


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1900, 2099), prefix=st.sampled_from(
    [("d’ici", "by"), ("depuis", "since"), ("après", "after"), ("vers", "circa"), ("fin", "late"),
     ("début", "early"), ("en", None), ("jusqu’en", "by"), ("à l’horizon", "by")]))
def test_property_modifiers(nlp: Language, year: int, prefix: tuple[str, str | None]) -> None:
    word, mod = prefix
    assert found(nlp, f"Le marché change {word} {year}, dit-il.") == [(f"{word} {year}", str(year), mod)]


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1900, 2098), span=st.integers(1, 15))
def test_property_ranges(nlp: Language, year: int, span: int) -> None:
    end = min(year + span, 2099)
    assert found(nlp, f"La période {year}-{end} fut rude.") == [(f"{year}-{end}", f"{year}/{end}", None)]


@settings(max_examples=80, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789 -/,.enmaisjuordéfitc’'\n2")), max_size=60))
def test_property_never_breaks_offsets(nlp: Language, text: str) -> None:
    found(nlp, text)


# ---------------------------------------------------------------------------------------------
# Issue 14: dates on any French text, and dates relative to the article's own date.

PUB = "2025-09-17"  # a Wednesday

ISSUE_FORMS: list[tuple[str, str, str, str | None]] = [
    # numeric dates, day first
    ("Le contrat a été signé le 07/11/24 à Paris.", "le 07/11/24", "2024-11-07", None),
    ("Le contrat a été signé le 07/11/2024 à Paris.", "le 07/11/2024", "2024-11-07", None),
    ("Le fichier date du 2024-11-07 selon le dépôt.", "2024-11-07", "2024-11-07", None),
    ("La facture de 11/2024 est arrivée.", "11/2024", "2024-11", None),
    ("Le rapport 2024-11 est en ligne.", "2024-11", "2024-11", None),
    ("Le courrier est parti le 7.11.2024 au matin.", "le 7.11.2024", "2024-11-07", None),
    ("L’avenant du 1/2/2025 a tout changé.", "1/2/2025", "2025-02-01", None),
    ("L’ouverture a eu lieu le 31.12.99 à minuit.", "le 31.12.99", "1999-12-31", None),
    ("La livraison est prévue le 15/06/30 au plus tard.", "le 15/06/30", "2030-06-15", None),
    ("La livraison est prévue le 15/06/45 au plus tard.", "le 15/06/45", "1945-06-15", None),
    # abbreviations and case
    ("La levée a été bouclée le 3 déc. 2024 à Londres.", "le 3 déc. 2024", "2024-12-03", None),
    ("La levée a été bouclée le 12 avr 2025 à Londres.", "le 12 avr 2025", "2025-04-12", None),
    ("Le prototype est attendu en Févr. 2026 au plus tôt.", "en Févr. 2026", "2026-02", None),
    ("Mardi 8 Avril, 2025 restera une date clé.", "Mardi 8 Avril, 2025", "2025-04-08", None),
    ("Le projet, lancé en déc., 2024, a pris du retard.", "en déc., 2024", "2024-12", None),
    ("Le projet a été lancé en octobre de 2023 par l’État.", "en octobre de 2023", "2023-10", None),
    ("Le chantier a démarré le 5 janv 2026 sous la neige.", "le 5 janv 2026", "2026-01-05", None),
    ("Le conseil a voté le 9 juil. 2024 à l’unanimité.", "le 9 juil. 2024", "2024-07-09", None),
    ("La fusion remonte au 2 sept 2021 selon le greffe.", "au 2 sept 2021", "2021-09-02", None),
    ("Une note du 19 nov 2023 le confirme.", "19 nov 2023", "2023-11-19", None),
    ("Le rapport de JANVIER 2025 le confirmait.", "JANVIER 2025", "2025-01", None),
    ("L’ouverture est fixée au 14 Octobre 2026.", "au 14 Octobre 2026", "2026-10-14", None),
    # two-digit and old years
    ("La bulle a éclaté en mars 97 sur les marchés.", "en mars 97", "1997-03", None),
    ("La bulle a éclaté en mars 97.", "en mars 97", "1997-03", None),
    ("Le groupe fut créé en juin ’04 à Lyon.", "en juin ’04", "2004-06", None),
    ("Le groupe fut créé en juin '04 à Lyon.", "en juin '04", "2004-06", None),
    ("La manufacture a été fondée en 1750 par un marchand.", "en 1750", "1750", None),
    ("Le canal est exploité depuis 1681 sans interruption.", "depuis 1681", "1681", "since"),
    # ranges and lists
    ("Les essais ont lieu entre le 10 et le 14 mars 2025 à Grenoble.", "entre le 10 et le 14 mars 2025",
     "2025-03-10/2025-03-14", None),
    ("Le salon se tiendra du 5 au 9 mai 2026 à Paris.", "5 au 9 mai 2026", "2026-05-05/2026-05-09", None),
    ("L’enquête court du 3 mars 2025 au 14/03/2025 en mairie.", "3 mars 2025 au 14/03/2025",
     "2025-03-03/2025-03-14", None),
    ("Le bail court entre le 2 avril 2024 et le 30 juin 2026 sans clause.", "entre le 2 avril 2024 et le 30 juin 2026",
     "2024-04-02/2026-06-30", None),
    ("Le tarif vaut du 01/01/2025 au 31/12/2025 pour tous.", "01/01/2025 au 31/12/2025",
     "2025-01-01/2025-12-31", None),
    ("Les 3 et 4 octobre 2025, le site sera fermé.", "3 et 4 octobre 2025", "2025-10-03/2025-10-04", None),
    # periods
    ("Le quatrième trimestre 2025 sera décisif.", "Le quatrième trimestre 2025", "2025", "Q4"),
    ("Les ventes 2025 T2 ont déçu les analystes.", "2025 T2", "2025", "Q2"),
    ("La marge 2024 S1 a reculé.", "2024 S1", "2024", "H1"),
    # years and decades in words
    ("La centrale ouvrira en deux mille vingt-sept selon EDF.", "en deux mille vingt-sept", "2027", None),
    ("Le réseau sera prêt d’ici deux mille trente.", "d’ici deux mille trente", "2030", "by"),
    ("Les années quatre-vingt ont vu naître le secteur.", "Les années quatre-vingt", "198X", None),
    ("Le disque dur est né dans les années soixante-dix.", "dans les années soixante-dix", "197X", None),
    ("Le marché a explosé dans les années deux mille.", "dans les années deux mille", "200X", None),
]


@pytest.mark.parametrize(("text", "span", "value", "mod"), ISSUE_FORMS)
def test_issue_forms(nlp: Language, text: str, span: str, value: str, mod: str | None) -> None:
    assert found(nlp, text, PUB) == [(span, value, mod)]


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
# for PUB (Wednesday 17 September 2025): the weekday's latest date on or before it, strictly
# before it, and strictly after it
ON_OR_BEFORE = ["15", "16", "17", "11", "12", "13", "14"]
STRICTLY_BEFORE = ["15", "16", "10", "11", "12", "13", "14"]
STRICTLY_AFTER = ["22", "23", "24", "18", "19", "20", "21"]

RELATIVE: list[tuple[str, str, str, str | None]] = [
    *[(f"Le groupe a annoncé {wd} un plan social.", wd, f"2025-09-{ON_OR_BEFORE[i]}", None)
      for i, wd in enumerate(WEEKDAYS)],
    *[(f"Le groupe a annoncé {wd} dernier un plan social.", f"{wd} dernier", f"2025-09-{STRICTLY_BEFORE[i]}", None)
      for i, wd in enumerate(WEEKDAYS)],
    *[(f"Le groupe présentera {wd} prochain son plan.", f"{wd} prochain", f"2025-09-{STRICTLY_AFTER[i]}", None)
      for i, wd in enumerate(WEEKDAYS)],
    *[(f"Le conseil se réunira {wd} pour trancher.", wd, f"2025-09-{STRICTLY_AFTER[i]}", None)
      for i, wd in enumerate(WEEKDAYS)],
    ("Le groupe a confirmé ce jeudi son retrait.", "ce jeudi", "2025-09-11", None),
    ("Réunis lundi soir, les élus ont voté.", "lundi", "2025-09-15", None),
    # days
    ("Le contrat a été signé hier à Paris.", "hier", "2025-09-16", None),
    ("Le contrat a été signé avant-hier à Paris.", "avant-hier", "2025-09-15", None),
    ("Le contrat sera signé demain à Paris.", "demain", "2025-09-18", None),
    ("Le contrat sera signé après-demain à Paris.", "après-demain", "2025-09-19", None),
    ("Le groupe annonce aujourd’hui un rachat.", "aujourd’hui", "2025-09-17", None),
    ("Le groupe a dévoilé aujourd'hui sa feuille de route.", "aujourd'hui", "2025-09-17", None),
    ("La hausse est attendue dès demain sur les marchés.", "dès demain", "2025-09-18", "since"),
    ("Les prix sont gelés depuis hier soir.", "depuis hier", "2025-09-16", "since"),
    # years
    ("Cette année, le groupe doublera ses capacités.", "Cette année", "2025", None),
    ("Le groupe a levé des fonds l’an dernier.", "l’an dernier", "2024", None),
    ("Le groupe a levé des fonds l'année dernière.", "l'année dernière", "2024", None),
    ("Le groupe a levé des fonds l’an passé.", "l’an passé", "2024", None),
    ("Le groupe a levé des fonds l’année passée.", "l’année passée", "2024", None),
    ("Le site ouvrira l’an prochain près de Lyon.", "l’an prochain", "2026", None),
    ("Le site ouvrira l’année prochaine près de Lyon.", "l’année prochaine", "2026", None),
    ("Le site ouvrira début de l’année prochaine près de Lyon.", "début de l’année prochaine", "2026", "early"),
    ("Le site ouvrira à la fin de l’année prochaine.", "à la fin de l’année prochaine", "2026", "late"),
    ("Tout sera livré d’ici la fin de l’année.", "d’ici la fin de l’année", "2025", "by"),
    ("Le permis sera déposé avant la fin de l’année.", "avant la fin de l’année", "2025", "by"),
    ("Les ventes ont chuté depuis le début de l’année.", "depuis le début de l’année", "2025", "since"),
    ("La marge a fondu au premier semestre de l’année dernière.",
     "au premier semestre de l’année dernière", "2024", "H1"),
    ("Le réseau sera prêt au second semestre de l’année prochaine.",
     "au second semestre de l’année prochaine", "2026", "H2"),
    # months
    ("Le groupe a été racheté le mois dernier.", "le mois dernier", "2025-08", None),
    ("Le groupe sera racheté le mois prochain.", "le mois prochain", "2025-10", None),
    ("Le groupe sera racheté ce mois-ci.", "ce mois-ci", "2025-09", None),
    # counts of years and months
    ("Le projet a été évoqué il y a deux ans.", "il y a deux ans", "2023", None),
    ("Le projet a été évoqué il y a 3 ans.", "il y a 3 ans", "2022", None),
    ("Le projet a été évoqué il y a un an.", "il y a un an", "2024", None),
    ("Le projet a été évoqué il y a dix ans.", "il y a dix ans", "2015", None),
    ("Le terrain a été acheté il y a trois mois.", "il y a trois mois", "2025-06", None),
    ("Le terrain a été acheté il y a 9 mois.", "il y a 9 mois", "2024-12", None),
    ("Le site ouvrira dans deux ans.", "dans deux ans", "2027", None),
    ("Le site ouvrira dans 5 ans.", "dans 5 ans", "2030", None),
    ("Le site ouvrira dans six mois.", "dans six mois", "2026-03", None),
    ("Le site ouvrira d’ici trois ans.", "d’ici trois ans", "2028", "by"),
    ("Le site ouvrira d’ici à cinq ans.", "d’ici à cinq ans", "2030", "by"),
    ("Le site ouvrira d'ici quinze ans.", "d'ici quinze ans", "2040", "by"),
    # seasons and periods without a year
    ("Le chantier reprendra cet hiver.", "cet hiver", "2025", "winter"),
    ("Le chantier reprendra cet automne.", "cet automne", "2025", "autumn"),
    ("Le chantier a été suspendu l’été dernier.", "l’été dernier", "2025", "summer"),
    ("Le chantier a été suspendu l’hiver dernier.", "l’hiver dernier", "2024", "winter"),
    ("Le chantier reprendra au printemps prochain.", "au printemps prochain", "2026", "spring"),
    ("Le chantier reprendra l’automne prochain.", "l’automne prochain", "2025", "autumn"),
    ("Le permis sera délivré d’ici l’été.", "d’ici l’été", "2026", "by"),
    ("Les migrations sont prévues au deuxième trimestre.", "au deuxième trimestre", "2025", "Q2"),
    ("Les ventes ont reculé au T2, selon le groupe.", "au T2", "2025", "Q2"),
    ("Les ventes ont reculé au premier semestre.", "au premier semestre", "2025", "H1"),
    ("Les ventes ont dépassé 10 milliards au dernier trimestre.", "au dernier trimestre", "2025", "Q2"),
    ("Les ventes ont reculé au dernier semestre.", "au dernier semestre", "2025", "H1"),
]


@pytest.mark.parametrize(("text", "span", "value", "mod"), RELATIVE)
def test_relative(nlp: Language, text: str, span: str, value: str, mod: str | None) -> None:
    assert found(nlp, text, PUB) == [(span, value, mod)]


@pytest.mark.parametrize(("text", "span", "value", "mod"), RELATIVE)
def test_relative_needs_the_article_date(nlp: Language, text: str, span: str, value: str, mod: str | None) -> None:
    assert found(nlp, text) == []  # GUIDELINES.md: nothing relative is annotated when the date is unknown


def test_relative_flag(nlp: Language) -> None:
    text = "Le groupe a signé hier, en juin, le 2 mai 2024 et en mars dernier."
    mentions = extract_dates(nlp(text), published=PUB)
    assert [(m.text, m.date_value, m.relative) for m in mentions] == [
        ("hier", "2025-09-16", True), ("en juin", "2025-06", True),
        ("le 2 mai 2024", "2024-05-02", False), ("en mars dernier", "2025-03", True)]


MONTH_WORDS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre"]

DAY_MONTH_NO_YEAR: list[tuple[str, str, str]] = [
    # dernier: strictly before 17 September 2025; prochain: strictly after
    *[(f"Le dossier a été déposé le 10 {w} dernier.", f"le 10 {w} dernier",
       f"{2025 if (i + 1, 10) < (9, 17) else 2024}-{i + 1:02d}-10") for i, w in enumerate(MONTH_WORDS)],
    *[(f"Le dossier sera déposé le 20 {w} prochain.", f"le 20 {w} prochain",
       f"{2025 if (i + 1, 20) > (9, 17) else 2026}-{i + 1:02d}-20") for i, w in enumerate(MONTH_WORDS)],
    *[(f"Le groupe a ouvert un site en {w} dernier.", f"en {w} dernier",
       f"{2025 if i + 1 < 9 else 2024}-{i + 1:02d}") for i, w in enumerate(MONTH_WORDS)],
    *[(f"Le groupe ouvrira un site en {w} prochain.", f"en {w} prochain",
       f"{2025 if i + 1 > 9 else 2026}-{i + 1:02d}") for i, w in enumerate(MONTH_WORDS)],
    # tense: past -> on or before the article's date, future -> on or after
    *[(f"Le groupe a ouvert un site en {w}.", f"en {w}", f"{2025 if i + 1 <= 9 else 2024}-{i + 1:02d}")
      for i, w in enumerate(MONTH_WORDS)],
    *[(f"Le groupe ouvrira un site en {w}.", f"en {w}", f"{2025 if i + 1 >= 9 else 2026}-{i + 1:02d}")
      for i, w in enumerate(MONTH_WORDS)],
    ("Une réunion est prévue jeudi 16 octobre à 19 h.", "jeudi 16 octobre", "2025-10-16"),
    ("Une réunion a eu lieu lundi 15 septembre à 19 h.", "lundi 15 septembre", "2025-09-15"),
    ("L’enquête publique se tiendra du 6 au 24 octobre.", "6 au 24 octobre", "2025-10-06/2025-10-24"),
    ("Les bureaux seront fermés les 3 et 4 janvier.", "3 et 4 janvier", "2026-01-03/2026-01-04"),
]


@pytest.mark.parametrize(("text", "span", "value"), DAY_MONTH_NO_YEAR)
def test_day_or_month_without_year(nlp: Language, text: str, span: str, value: str) -> None:
    assert found(nlp, text, PUB) == [(span, value, None)]


NOT_DATES_WITH_PUBLISHED: list[str] = [
    # recurring, durations, vague (GUIDELINES.md: not annotated)
    "Le marché ouvre chaque lundi à l’aube.",
    "Le site est fermé le dimanche.",
    "Le service fonctionne du lundi au vendredi.",
    "Les équipes travaillent tous les mardis.",
    "Le chantier a duré pendant deux ans.",
    "Le groupe investit depuis trois ans dans le cloud.",
    "Les prix ont doublé ces dernières années.",
    "Le groupe annoncera prochainement un rachat.",
    "Le groupe a récemment changé de direction.",
    "Les prix devraient baisser dans les prochains mois.",
    "À terme, le site pourrait atteindre 1 GW.",
    "Un an plus tard, tout avait changé.",
    "L’année précédente, les prix avaient baissé.",
    "Quelques mois plus tard, le projet a été abandonné.",
    # "aujourd'hui" meaning nowadays
    "Aujourd’hui, les centres de données consomment 2 % de l’électricité.",
    "Le futur se joue aujourd’hui.",
    "Les puces d’aujourd’hui chauffent davantage.",
    "Le groupe est aujourd’hui le premier opérateur du pays.",
    "Hier encore, personne n’y croyait.",
    "Les usines de demain seront sobres.",
    "Le monde d’hier n’avait pas de cloud.",
    # not dates: times, prices, scores, phones, pages, versions, indices, products
    "La séance a ouvert à 10h32 et fermé à 18 h 30.",
    "Le rendez-vous est fixé à 09:15 précises.",
    "Le CAC 40 a clôturé à 8 041 points.",
    "L’action vaut 20,25 € ce soir.",
    "Le score final est de 21 à 19.",
    "Appelez le 01 42 68 20 26 pour tout renseignement.",
    "Voir la page 12 du rapport.",
    "Le référentiel SecNumCloud 3.2 reste la norme.",
    "La version 2.0.24 corrige le bogue.",
    "Le GB300 NVL72 domine les commandes.",
    "Le Galaxy S25 et l’iPhone 16 se vendent bien.",
    "© 2025 Le Quotidien de l’Énergie – Mentions légales",
    "Les 10 000 GPU représentent 15 % de l’investissement.",
    "La ligne de 300 mm produit en 28 nm et 16 nm.",
    "Il a vendu 12 serveurs en mars 15 entreprises aussi.",
]


@pytest.mark.parametrize("text", NOT_DATES_WITH_PUBLISHED)
def test_not_dates_with_published(nlp: Language, text: str) -> None:
    assert found(nlp, text, PUB) == []


def test_link_list_is_boilerplate(nlp: Language) -> None:
    text = ("Le site ouvrira en 2027.\n\nLire aussi\nNucléaire : EDF relance Penly (12/05/2025)\n"
            "La France comptait 315 sites en 2024\n\nLe chantier reprendra en 2028.")
    assert [m[0] for m in found(nlp, text, PUB)] == ["en 2027", "en 2028"]


BYLINES: list[tuple[str, str | None]] = [
    ("Titre\nPar Sophie Kieffer - 08 oct. 2025 à 18h45\n\nLe texte.", "2025-10-08"),
    ("Titre\nPar Jean-Marc Le Gall | 12/03/25\n\nLe texte.", "2025-03-12"),
    ("Publié le 19/05/25 à 10h32 - Mis à jour le 19/05/25 à 15h10\nTitre", "2025-05-19"),
    ("Publié le : 27 janv. 2026\n\nLe texte.", "2026-01-27"),
    ("STRASBOURG, 17 septembre 2025 (AFP) – Le groupe a confirmé.", "2025-09-17"),
]


@pytest.mark.parametrize(("text", "expected"), BYLINES)
def test_find_published_bylines(text: str, expected: str | None) -> None:
    assert find_published(text) == expected


def test_published_from_byline_resolves_weekdays(nlp: Language) -> None:
    text = "Titre\nPar Sophie Kieffer - 08 oct. 2025 à 18h45\n\nRéunis lundi soir, les élus ont voté."
    assert found(nlp, text)[-1] == ("lundi", "2025-10-06", None)


def _write(day: int, month: int, year: int, form: str) -> tuple[str, str]:
    """A numeric date written in one of the French forms, with the value it must read as."""
    forms = {
        "d/m/yyyy": (f"{day}/{month}/{year}", f"{year}-{month:02d}-{day:02d}"),
        "dd/mm/yyyy": (f"{day:02d}/{month:02d}/{year}", f"{year}-{month:02d}-{day:02d}"),
        "dd.mm.yyyy": (f"{day:02d}.{month:02d}.{year}", f"{year}-{month:02d}-{day:02d}"),
        "yyyy-mm-dd": (f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day:02d}"),
        "mm/yyyy": (f"{month:02d}/{year}", f"{year}-{month:02d}"),
        "yyyy-mm": (f"{year}-{month:02d}", f"{year}-{month:02d}"),
    }
    return forms[form]


@settings(max_examples=120, deadline=None)
@given(year=st.integers(1800, 2099), month=st.integers(1, 12), day=st.integers(1, 28),
       form=st.sampled_from(["d/m/yyyy", "dd/mm/yyyy", "dd.mm.yyyy", "yyyy-mm-dd", "mm/yyyy", "yyyy-mm"]))
def test_property_numeric_dates_round_trip(nlp: Language, year: int, month: int, day: int, form: str) -> None:
    written, value = _write(day, month, year, form)
    assert found(nlp, f"Le document daté {written} a été publié.", PUB) == [(written, value, None)]


@settings(max_examples=120, deadline=None)
@given(month=st.integers(1, 12), day=st.integers(1, 28), yy=st.integers(0, 99),
       published_year=st.integers(1990, 2060))
def test_property_two_digit_years(nlp: Language, month: int, day: int, yy: int, published_year: int) -> None:
    written = f"{day:02d}/{month:02d}/{yy:02d}"
    year = 2000 + yy if 2000 + yy <= published_year + 10 else 1900 + yy
    text = f"Le document du {written} a été publié."
    assert found(nlp, text, f"{published_year}-06-15") == [(written, f"{year}-{month:02d}-{day:02d}", None)]


@settings(max_examples=60, deadline=None)
@given(offset=st.integers(-400, 400), weekday=st.integers(0, 6), word=st.sampled_from(["dernier", "prochain"]))
def test_property_weekdays(nlp: Language, offset: int, weekday: int, word: str) -> None:
    from datetime import date, timedelta
    pub = date(2025, 1, 1) + timedelta(days=offset)
    value = date.fromisoformat(found(nlp, f"Le groupe a parlé {WEEKDAYS[weekday]} {word}.", pub.isoformat())[0][1])
    assert value.weekday() == weekday
    assert (0 < (pub - value).days <= 7) if word == "dernier" else (0 < (value - pub).days <= 7)
