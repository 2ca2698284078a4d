"""Invisible characters (zero-width spaces and joiners, bidi marks, soft hyphens, BOM, NUL) anywhere in a
phrase change no extracted value, and offsets still index the stored text."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.pipeline import load_nlp
from extractors.text import VisibleText
from flows.extraction import extract_articles
from flows.sources import Article

PHRASE = ("Le 3 mars 2026, Hexavolt a levé 40 milliards d'euros auprès de Mistral AI "
          "pour un campus de 1,5 GW à Lyon, puis 250 MW en 2027.")
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e", "\u2066", "\x00"]
VALUE_FIELDS = ("type", "value", "low", "high", "currency", "qualifier", "value_gw", "date_value", "canonical")


def extract(text: str) -> list[dict[str, Any]]:
    article = Article("a", "raw/a.txt", "0" * 64, text)
    (done,) = extract_articles([article], load_nlp(), load_nlp(syntax=True))  # checks text[start:end] == text
    return done.rows


def values(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(tuple(str(row.get(f)) for f in VALUE_FIELDS) for row in rows)


@pytest.fixture(scope="module")
def plain_values() -> list[tuple[Any, ...]]:
    rows = extract(PHRASE)
    assert {"money", "power", "date", "org"} <= {row["type"] for row in rows}
    return values(rows)


@pytest.mark.parametrize(("text", "value"), [
    ("Hexavolt a levé 4\u200b0 milliards d'euros.", 40e9),
    ("Hexavolt a levé 40 mil\u00adliards d\u200b'euros.", 40e9),
])
def test_a_split_amount_keeps_its_value(text: str, value: float) -> None:
    (money,) = [row for row in extract(text) if row["type"] == "money"]
    assert money["value"] == value and money["text"] == text[money["start"] : money["end"]]


def test_a_power_figure_beside_one_is_kept() -> None:
    rows = extract("Un campus de 1,5\u200b GW et un autre de 2\u200b50 MW.")
    assert sorted(row["value_gw"] for row in rows if row["type"] == "power") == [0.25, 1.5]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(PHRASE)), st.sampled_from(INVISIBLE)), min_size=1, max_size=8))
def test_invisible_characters_anywhere_change_no_value(
    plain_values: list[tuple[Any, ...]], inserts: list[tuple[int, str]]
) -> None:
    text = PHRASE
    for at, char in sorted(inserts, reverse=True):
        text = text[:at] + char + text[at:]
    rows = extract(text)
    assert values(rows) == plain_values
    for row in rows:  # offsets index the stored text; the sentence holds the mention
        assert text[row["start"] : row["end"]] == row["text"] and row["text"] in row["sentence"]
        assert row["text"][0] not in INVISIBLE and row["text"][-1] not in INVISIBLE


def test_text_without_invisible_characters_is_left_as_is() -> None:
    view = VisibleText(PHRASE)
    assert view.text is PHRASE and view.span(3, 7) == (3, 7)
