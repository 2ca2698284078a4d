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
