"""The shared pipeline's own component: a line break ends a sentence unless the next line starts in lower case."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.pipeline import LINE_BREAKS


@pytest.mark.parametrize(
    "text",
    [
        "Titre\nOpenAI investit 3 milliards.\n\n- Amazon\n- Orange\nFin",
        "Le fonds est doté\n\nde 20 milliards d’euros.\nSuite sur une ligne",
        "\n\nDébut après deux lignes vides\n",
        "Une seule ligne sans saut.",
        "A\nb\nC\n\n\nD",
    ],
)
def test_line_breaks_add_sentence_starts_to_the_splitters(nlp: Language, text: str) -> None:
    doc = nlp.get_pipe("senter")(nlp.make_doc(text))
    expected = [token.is_sent_start for token in doc]
    for token in doc[1:]:
        after_break = "\n" in text[doc[token.i - 1].idx : token.idx]
        if after_break and not token.text[:1].islower():
            expected[token.i] = True
    doc = nlp.get_pipe(LINE_BREAKS)(doc)
    assert [token.is_sent_start for token in doc] == expected
