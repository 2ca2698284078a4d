"""Deal units: an article's rows grouped by sentence position (not text), then each sentence's units."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.curation.deals.units import Row, sentence_units, sentences

S1 = "Le 3 mars 2026, Hexavolt a levé 40 millions d'euros pour un campus de 50 MW."
S2 = "Data4 investira 10 millions d'euros en 2027, puis 10 millions d'euros en 2028."
S3 = "La mise en service est prévue fin 2028."
S4 = "Orange versera 2 millions d'euros par mois, soit 24 millions d'euros par an."

# sentence -> its figures and dates: (type, text, extra columns)
FIGURES: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
    S1: [("date", "3 mars 2026", {"date_value": "2026-03-03"}), ("money", "40 millions d'euros", {"currency": "EUR"}),
         ("power", "50 MW", {})],
    S2: [("money", "10 millions d'euros", {"currency": "EUR"}), ("date", "2027", {"date_value": "2027"}),
         ("money", "10 millions d'euros", {"currency": "EUR"}), ("date", "2028", {"date_value": "2028"})],
    S3: [("date", "fin 2028", {"date_value": "2028", "date_mod": "late"})],
    S4: [("money", "2 millions d'euros", {"currency": "EUR", "per": "month"}),
         ("money", "24 millions d'euros", {"currency": "EUR", "per": "year"})],
}


def rows_at(sentence: str, offset: int) -> list[Row]:
    """The rows of `sentence` as if it started at `offset` of its article (repeated texts: each occurrence)."""
    out, searched = [], 0
    for kind, text, extra in FIGURES[sentence]:
        at = sentence.index(text, searched)
        searched = at + 1
        out.append({"type": kind, "text": text, "sentence": sentence, "start": offset + at,
                    "end": offset + at + len(text), "currency": None, "per": None, "date_mod": None, **extra})
    return out


def article(order: list[str], gap: int = 1) -> tuple[list[Row], list[list[Row]]]:
    """The rows of an article made of these sentences (reading order), and its rows grouped by sentence."""
    rows, groups, offset = [], [], 0
    for sentence in order:
        groups.append(rows_at(sentence, offset))
        rows += groups[-1]
        offset += len(sentence) + gap
    return rows, groups


@pytest.mark.parametrize("order", [
    [S1],
    [S1, S2, S3],
    [S1, S1],  # a sentence repeated right after itself
    [S2, S2, S2],  # the same figure twice in each copy
    [S1, S3, S1, S3, S2, S1],
    [S4, S4],
])
def test_rows_are_grouped_by_sentence_position(order: list[str]) -> None:
    rows, groups = article(order)
    assert sentences(rows) == groups


def test_copies_that_touch_are_still_two_sentences() -> None:
    rows, groups = article([S3, S3], gap=0)
    assert sentences(rows) == groups


def test_a_row_whose_text_is_not_in_its_sentence_joins_the_open_copy() -> None:
    rows, _ = article([S1])
    odd = {**rows[1], "text": "quarante millions"}
    assert sentences([rows[0], odd, rows[2]]) == [[rows[0], odd, rows[2]]]


def shifted(units: list, by: int) -> list[tuple]:
    def key(row: Row) -> tuple:
        return row["type"], row["start"] - by, row["text"]

    return [(key(u.anchor), [key(f) for f in u.figures], [key(d) for d in u.dates]) for u in units]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([S1, S2, S3, S4]), min_size=1, max_size=12))
def test_each_copy_of_a_sentence_has_the_units_of_the_sentence_alone(order: list[str]) -> None:
    rows, groups = article(order)
    found = sentences(rows)
    assert found == groups
    for group in found:
        alone = rows_at(group[0]["sentence"], 0)
        offset = group[0]["start"] - alone[0]["start"]
        assert shifted(sentence_units(group), offset) == shifted(sentence_units(alone), 0)


@pytest.mark.parametrize(("sentence", "units"), [
    (S1, [("40 millions d'euros", ["40 millions d'euros", "50 MW"], ["3 mars 2026"])]),
    (S2, [("10 millions d'euros", ["10 millions d'euros"], ["2027"]),
          ("10 millions d'euros", ["10 millions d'euros"], ["2028"])]),
    (S3, []),
    (S4, [("2 millions d'euros", ["2 millions d'euros"], []), ("24 millions d'euros", ["24 millions d'euros"], [])]),
])
def test_units_of_one_sentence(sentence: str, units: list[tuple[str, list[str], list[str]]]) -> None:
    found = sentence_units(rows_at(sentence, 100))
    assert [(u.anchor["text"], [f["text"] for f in u.figures], [d["text"] for d in u.dates]) for u in found] == units
