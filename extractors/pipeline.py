"""The shared spaCy pipeline: French md model, sentence splitter and NER, plus our components.

Loading takes seconds and ~350 MB, so it happens once per process (`load_nlp` is cached).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"
# ner and senter carry their own tok2vec; dropping the rest roughly doubles throughput
# (STACK.md). The parser is only loaded when a caller asks for syntax.
_SYNTAX_PIPES = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
LINE_BREAKS = "line_breaks"


class LineBreaks:
    """A line break ends a sentence: headings, datelines and list items are never glued to the
    paragraph that follows (the statistical splitter often misses that). A line that starts with a
    lower-case letter continues the sentence before it (text wrapped mid-sentence), so the
    splitter decides there."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            breaks = "\n" in previous.whitespace_ or "\n" in previous.text
            if breaks and not token.text[:1].islower():
                token.is_sent_start = True
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(LINE_BREAKS)
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


def build_nlp(*, syntax: bool = False) -> Language:
    """A fresh pipeline. The default finds entities (senter + ner + org gazetteer); `syntax=True` is
    the parse only (tagger + parser, no NER), for dependency arcs of chosen sentences."""
    if syntax:
        nlp = spacy.load(MODEL, exclude=["lemmatizer", "ner"])
        nlp.add_pipe(LINE_BREAKS, before="parser")  # the parser keeps preset sentence starts
        return nlp
    from extractors.orgs import add_org_ruler  # the org gazetteer sits right after the statistical NER

    nlp = spacy.load(MODEL, exclude=list(_SYNTAX_PIPES))
    nlp.enable_pipe("senter")
    nlp.add_pipe(LINE_BREAKS, after="senter")
    add_org_ruler(nlp)
    return nlp


@cache
def load_nlp(*, syntax: bool = False) -> Language:
    """The process-wide pipeline (built on first use)."""
    return build_nlp(syntax=syntax)
