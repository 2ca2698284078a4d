"""The shared spaCy pipeline: French md model, sentence splitter and NER, plus our components.

Loading takes seconds and ~350 MB, so it happens once per process (`load_nlp` is cached).
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL = "fr_core_news_md"
# ner and senter carry their own tok2vec; dropping the rest roughly doubles throughput
# (STACK.md). The parser is only loaded when a caller asks for syntax.
_SYNTAX_PIPES = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")


def build_nlp(*, syntax: bool = False) -> Language:
    """A fresh pipeline. `syntax=True` keeps the parser (dependency arcs, sentences from the parse)."""
    from extractors.orgs import add_org_ruler  # the org gazetteer sits right after the statistical NER

    if syntax:
        nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    else:
        nlp = spacy.load(MODEL, exclude=list(_SYNTAX_PIPES))
        nlp.enable_pipe("senter")
    add_org_ruler(nlp)
    return nlp


@cache
def load_nlp(*, syntax: bool = False) -> Language:
    """The process-wide pipeline (built on first use)."""
    return build_nlp(syntax=syntax)
