"""Page-furniture rules of `org_filters`: a line is boilerplate when its folded start is a listed start."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.org_filters import _BOILERPLATE_PREFIX, _BOILERPLATE_START_SET, Line, is_boilerplate
from extractors.org_names import fold

_STARTS = sorted(_BOILERPLATE_START_SET)
_WORDS = st.sampled_from(["Lire", "aussi", ":", "Étiquettes", "à", "la", "une", "Partager", "»", "-", "OpenAI", " "])


def _by_definition(text: str) -> bool:
    key = fold(text[:_BOILERPLATE_PREFIX])
    return any(key == start or key.startswith(start + " ") for start in _STARTS)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_STARTS), st.lists(_WORDS, max_size=8), st.sampled_from(["", " ", ": ", "-", "x"]))
def test_a_line_is_boilerplate_when_it_starts_with_a_listed_start(start: str, words: list[str], glue: str) -> None:
    for text in (start + glue + " ".join(words), " ".join(words) + glue + start, start.upper() + glue):
        assert is_boilerplate(Line(0, len(text), text)) == _by_definition(text), text
