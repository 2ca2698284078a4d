"""Shared span helpers: sentence evidence and overlap resolution."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.spans import drop_overlaps, entities, sentence_bounds, sentence_text


@pytest.mark.parametrize(
    ("text", "needle", "sentence"),
    [
        ("Première phrase. OpenAI paie 5 milliards. Fin.", "5 milliards", "OpenAI paie 5 milliards."),
        ("Un campus de 1 GW ouvrira.", "1 GW", "Un campus de 1 GW ouvrira."),
        ("Titre\nLe site de 300 MW est prêt.\n", "300 MW", "Le site de 300 MW est prêt."),
        ("Le fonds est doté\n\nde 20 milliards d’euros.\nSuite", "20 milliards",
         "Le fonds est doté\n\nde 20 milliards d’euros."),  # a lower-case line continues the sentence
        ("- Nvidia livre 1 GW\n- AMD livre 2 GW", "2 GW", "- AMD livre 2 GW"),
    ],
)
def test_sentence_text_is_the_mentions_sentence(nlp: Language, text: str, needle: str, sentence: str) -> None:
    doc = nlp(text)
    start = text.index(needle)
    got = sentence_text(doc, start, start + len(needle))
    assert got == sentence
    assert got == text[text.index(got) : text.index(got) + len(got)]


def test_sentence_text_covers_a_mention_cut_by_the_splitter(nlp: Language) -> None:
    text = "Le budget atteint 4. 5 milliards selon nous. Autre phrase."
    doc = nlp(text)
    start, end = text.index("4. 5"), text.index("milliards") + len("milliards")
    assert text[start:end] in sentence_text(doc, start, end)


@pytest.mark.parametrize(
    ("matches", "kept"),
    [
        ([(0, 5), (2, 10)], [(2, 10)]),
        ([(0, 5), (5, 9)], [(0, 5), (5, 9)]),
        ([(3, 6), (0, 3), (0, 3)], [(0, 3), (3, 6)]),
        ([(0, 4), (2, 6)], [(0, 4)]),  # same length: the earlier wins
    ],
)
def test_drop_overlaps(matches: list[tuple[int, int]], kept: list[tuple[int, int]]) -> None:
    assert drop_overlaps(matches) == kept


# Sentences cut by the splitter, by line breaks, a continued line; entities; nothing at all.
_DOCS = [
    "OpenAI et Microsoft investissent à Paris. Mistral AI lève 600 M€ auprès de General Catalyst.",
    "Titre\nLe site de Nvidia à Lyon est prêt.\n\n- Amazon\n- Orange",
    "Le fonds est doté\n\nde 20 milliards d’euros.\nSuite. Et encore une phrase ici.",
    "",
    "Bonjour",
]


@pytest.mark.parametrize("text", _DOCS)
def test_entities_are_the_docs_entities_read_once(nlp: Language, text: str) -> None:
    doc = nlp(text)
    expected = tuple((e.start_char, e.end_char, e.label_, e.text, len(e)) for e in doc.ents)
    assert tuple(entities(doc)) == expected
    assert entities(doc) is entities(doc)


@pytest.mark.parametrize("text", _DOCS)
def test_sentence_bounds_are_the_docs_sentences(nlp: Language, text: str) -> None:
    doc = nlp(text)
    bounds = sentence_bounds(doc)
    for sent in doc.sents:
        for token in sent:
            assert bounds(token.idx, token.idx + len(token)) == (sent.start_char, sent.end_char)
