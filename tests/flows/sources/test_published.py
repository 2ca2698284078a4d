"""The publication date: metadata first, else a byline or dateline at the top of the text."""

from __future__ import annotations

import pytest

from flows.sources.published import full_date, published_date

TITLE = "Un campus de 300 MW près de Lyon\n"
BODY = "\nLe groupe a annoncé un investissement de 2 milliards d’euros.\n"


@pytest.mark.parametrize(
    ("line", "value", "origin"),
    [
        ("Publié le 19/05/25 09:31", "2025-05-19", "byline"),
        ("Publié le 19/05/2025 à 09h31", "2025-05-19", "byline"),
        ("Publié le 12/03/2021 16:25 Mis à jour le 01/04/2021 15:52", "2021-03-12", "byline"),
        ("Actualité publiée le 4 février 2026 à 11h20", "2026-02-04", "byline"),
        ("Article publié le mardi 3 février 2026", "2026-02-03", "byline"),
        ("Mis en ligne le 1er mars 2026", "2026-03-01", "byline"),
        ("Publié le 4 mars 2026, à 10h", "2026-03-04", "byline"),
        ("Par Yann Le Goff | Publié le 19/05/25 09:31 | Mis à jour le 19/05/25 11:02", "2025-05-19", "byline"),
        ("Par Jeanne Martin, le 12 mars 2026", "2026-03-12", "byline"),
        ("*Par Jeanne Martin, le 12 mars 2026*", "2026-03-12", "byline"),
        ("Par Jeanne Martin - 12 mars 2026", "2026-03-12", "byline"),
        ("Par Jeanne Martin, le 12 mars", "XXXX-03-12", "byline"),
        ("Lyon, le 4 mars 2026 — Le groupe annonce", "2026-03-04", "dateline"),
        ("Lyon, le 4 mars 2026 - Le groupe annonce", "2026-03-04", "dateline"),
        ("SAINT-DENIS (Réunion), 3 février 2026 - Texte", "2026-02-03", "dateline"),
        ("Le 24 mars 2026 à 13h50", "2026-03-24", "dateline"),
        ("17 novembre 2025", "2025-11-17", "dateline"),
        ("Publié le 2026-03-04", "2026-03-04", "byline"),
        ("Publié le 31/02/2026", None, None),  # no such day
        ("Propos recueillis par Marie Lenoir, le 2 avril 2026", "2026-04-02", "byline"),
        ("Texte rédigé par Paul Roux - 3 juin 2026", "2026-06-03", "byline"),
        ("L'HEBDO DU CLOUD — n° 12 — jeudi 5 mars 2026", "2026-03-05", "dateline"),
        ("BOURSE | Séance du vendredi 6 mars 2026, 17h40", "2026-03-06", "dateline"),
        ("ÉNERGIE · 14 janvier 2026", "2026-01-14", "dateline"),
        ("Newsletter – édition du 9 février 2026 à 7h", "2026-02-09", "dateline"),
        ("L'HEBDO DU CLOUD — n° 12 — jeudi 5 mars", None, None),  # a masthead needs its year
    ],
)
def test_shapes(line: str, value: str | None, origin: str | None) -> None:
    assert published_date(TITLE + line + BODY) == (value, origin)


@pytest.mark.parametrize(
    "line",
    [
        "Le 12 mars 2025, la société a annoncé un campus de 3 GW.",  # a paragraph opening, not a dateline
        "Le groupe a investi 3 milliards en mars 2025.",
        "Mis à jour",
        "Lire aussi | Nvidia livrera le 12 mars 2027.",  # a link to another article: prose after the separator
        "Agenda — Data Centre World — 12 mars 2027 à Lyon",  # more than a time after the date
        "Racheté par Nvidia, le 12 mars 2025, le groupe a doublé ses effectifs.",
    ],
)
def test_prose_is_not_a_dateline(line: str) -> None:
    assert published_date(TITLE + line + BODY) == (None, None)


def test_metadata_wins() -> None:
    assert published_date("Publié le 19/05/25 09:31\n", metadata="2025-05-18") == ("2025-05-18", "metadata")


def test_a_byline_without_year_takes_the_year_of_the_url() -> None:
    text = TITLE + "Par Léa Fontaine, le 12 mars" + BODY
    assert published_date(text, url="https://exemple.example/eco/2026/03/12/x") == ("2026-03-12", "byline")


def test_only_dates_with_a_year_reach_the_extractors() -> None:
    assert full_date("XXXX-03-12") is None and full_date("2026-03-12") == "2026-03-12" and full_date(None) is None
