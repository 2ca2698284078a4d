"""`doc_text`: the text of a doc, built once per doc and shared by every extractor."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.mentions import extract_mentions
from extractors.text import doc_text, remember_text


@pytest.mark.parametrize(
    "text",
    [
        "OVHcloud investit 2 milliards d'euros à Roubaix.",
        "  Le campus  de 1,2 GW\n\nouvrira en mars 2026.  ",
        "",
        "Mistral AI lève 600 M€ (soit ~650 M$) auprès de General Catalyst.",
    ],
)
def test_doc_text_is_the_docs_text(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    assert doc_text(doc) == doc.text == text
    assert doc_text(doc) is doc_text(doc)  # built once, then read


def test_remembered_text_is_what_extractors_read(nlp: Language) -> None:
    text = "Amazon investira 10 milliards d'euros dans des centres de données en France."
    doc = remember_text(nlp.make_doc(text), text)
    assert doc_text(doc) is text


def test_mentions_are_the_same_with_or_without_the_text(nlp: Language, parser: Language) -> None:
    text = "Le 3 février 2025, Brookfield a annoncé 20 milliards d'euros pour un campus d'1 GW à Cambrai."
    given = extract_mentions(nlp(text), text=text)
    rebuilt = extract_mentions(nlp(text))
    assert given == rebuilt
    assert {m.type for m in given} >= {"money", "power", "date", "org"}


@pytest.mark.parametrize("text", ["OVHcloud investit 2 milliards d'euros à Roubaix.\nTitre", "", "  Deux  espaces  "])
def test_the_pipeline_keeps_the_text_each_doc_was_made_from(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc_text(doc) is text  # the string given to the tokenizer, never rebuilt from the tokens
    assert doc.text == text
    assert doc_text(next(nlp.pipe([text]))) is text
