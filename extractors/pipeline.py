"""The shared spaCy pipeline: French md model, sentence splitter and NER, plus our components.

Loading takes seconds and ~350 MB, so it happens once per process (`load_nlp` is cached). The same load
holds the syntax components (tagger, parser) disabled: `nlp(text)` runs senter + ner only, and party
attachment runs the parser over the few sentences it needs through `nlp.get_pipe` (`mentions.py`), so
the model's vocabulary, vectors and weights are loaded once, not twice.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractors.text import doc_text, remember_text

MODEL = "fr_core_news_md"
# ner and senter carry their own tok2vec; running the rest roughly halves throughput (STACK.md), so
# these stay disabled in the entity pass and only party attachment runs them, on chosen sentences.
SYNTAX_PIPES = ("tok2vec", "morphologizer", "parser", "attribute_ruler")
LINE_BREAKS = "line_breaks"


class LineBreaks:
    """A line break ends a sentence: headings, datelines and list items are never glued to the
    paragraph that follows (the statistical splitter often misses that). A line that starts with a
    lower-case letter continues the sentence before it (text wrapped mid-sentence), so the
    splitter decides there."""

    def __call__(self, doc: Doc) -> Doc:
        # A token follows a line break when one lies between the previous token's start and its own
        # (the previous token's text and trailing space): found from the few line breaks of the text,
        # not by visiting every token.
        text, starts = doc_text(doc), doc.to_array(IDX).tolist()
        breaks = []
        at = text.find("\n")
        while at != -1:
            i = bisect.bisect_right(starts, at)  # the first token starting after the line break
            if 0 < i < len(doc) and not text[starts[i]].islower():
                breaks.append(i)
            at = text.find("\n", starts[i] if i < len(starts) else len(text))
        if breaks:
            # One write of the sentence starts: `Token.is_sent_start = True` scans the whole doc on each call
            # (its check that the doc is not parsed).
            sent_starts = doc.to_array(SENT_START)
            sent_starts[breaks] = 1
            doc.from_array(SENT_START, sent_starts)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class TextKeepingTokenizer:
    """The model's tokenizer, keeping on each doc the string it was made from (`text.remember_text`): the
    pipeline's own components (line breaks, org gazetteer) and the extractors read it through `doc_text`
    instead of rebuilding `Doc.text` from every token. Anything else is the wrapped tokenizer's."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return remember_text(self.tokenizer(text), text)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (a copy being built): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@Language.factory(LINE_BREAKS)
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


def build_nlp() -> Language:
    """A fresh pipeline: senter + ner + org gazetteer enabled, the syntax components (`SYNTAX_PIPES`)
    loaded but disabled (the lemmatizer is not loaded)."""
    from extractors.orgs import add_org_ruler  # the org gazetteer sits right after the statistical NER

    nlp = spacy.load(MODEL, exclude=["lemmatizer"], disable=list(SYNTAX_PIPES))
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    nlp.enable_pipe("senter")
    nlp.add_pipe(LINE_BREAKS, after="senter")
    add_org_ruler(nlp)
    return nlp


@cache
def load_nlp(*, syntax: bool = False) -> Language:
    """The process-wide pipeline (built on first use). `syntax=True` is the same object: what party
    attachment is given as `Context.parser` (it runs the disabled syntax components)."""
    return _shared()


@cache
def _shared() -> Language:
    return build_nlp()
