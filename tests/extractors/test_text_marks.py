"""`without_marks`: a per-character table gives what decomposing the whole text gives."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.text import without_marks


def _decomposed_whole(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)
       | st.text(alphabet="aeEcàâçéÉèêëîïôöùûüÿœ’ﬁﬂ½…\u0301\u0327\u0308\u0323 \u00a0\u202fǄǅǈ한", max_size=40))
def test_equals_decomposing_the_whole_text(text: str) -> None:
    assert without_marks(text) == _decomposed_whole(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Élysée", "Elysee"), ("Île-de-France", "Ile-de-France"), ("Cœur", "Cœur"), ("ﬁbre", "fibre"),
    ("e\u0301nergie", "energie"), ("Dell’Oro", "Dell’Oro"), ("", ""),
])
def test_accents_go_case_and_punctuation_stay(text: str, expected: str) -> None:
    assert without_marks(text) == expected
