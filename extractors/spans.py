"""Helpers shared by the extractors for turning character matches into Doc spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    """The smallest token span covering characters [start, end) (None if nothing covers it)."""
    return doc.char_span(start, end, alignment_mode="expand")


def sentence_text(doc: Doc, start: int, end: int) -> str:
    """The text of the sentence(s) holding characters [start, end).

    A mention that the sentence splitter cut in two gets both sentences, so the evidence
    always contains the mention.
    """
    span = token_span(doc, start, end)
    if span is None or len(span) == 0:
        return doc[:].text[start:end]
    if not doc.has_annotation("SENT_START"):
        return doc[:].text
    first, last = span[0].sent, span[-1].sent
    # Not doc.text[...]: spaCy rebuilds Doc.text from every token on each access (O(doc) per mention).
    return doc[first.start : last.end].text


def drop_overlaps(matches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping (start, end) character ranges, earliest first on ties."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)
