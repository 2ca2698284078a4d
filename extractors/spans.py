"""Helpers shared by the extractors for turning character matches into Doc spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import NamedTuple

import numpy
from spacy.tokens import Doc, Span

from extractors.text import doc_text


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    """The smallest token span covering characters [start, end) (None if nothing covers it)."""
    return doc.char_span(start, end, alignment_mode="expand")


Bounds = Callable[[int, int], tuple[int, int]]
_SENTENCES_KEY = "infrafacts_sentences"
_ENTITIES_KEY = "infrafacts_entities"


class Entity(NamedTuple):
    """A named entity of the statistical NER, as the extractors read it."""

    start_char: int
    end_char: int
    label_: str
    text: str
    tokens: int  # how many tokens it spans (`len(span)`)


def sentence_bounds(doc: Doc) -> Bounds:
    """For one doc, the (start, end) characters of the sentence(s) holding a character range.

    A mention that the sentence splitter cut in two gets both sentences, so the evidence always
    contains the mention. Built once per doc from token arrays (bisect per call): `Span.sent` walks
    the doc's sentences on each call, and `Doc.text` is rebuilt from every token on each access.
    """
    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return lambda start, end: (0, len(doc.text))
    idx, length, starts = _sentence_arrays(doc)
    ends = [*starts[1:], len(idx)]

    def bounds(start: int, end: int) -> tuple[int, int]:
        first = max(0, bisect_right(idx, start) - 1)
        last = max(first, bisect_right(idx, end - 1) - 1)
        s1, s2 = bisect_right(starts, first) - 1, bisect_right(starts, last) - 1
        return idx[starts[s1]], idx[ends[s2] - 1] + length[ends[s2] - 1]

    return bounds


def _sentence_arrays(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Token starts and lengths, and the indices of the tokens that start a sentence: read once per doc (each
    extractor asks), kept in `doc.user_data` like `text.doc_text`, as the doc no longer changes."""
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is None:
        array = doc.to_array(["IDX", "LENGTH", "SENT_START"])
        starts = numpy.flatnonzero(array[:, 2] == 1)
        starts = starts if len(starts) and starts[0] == 0 else numpy.concatenate(([0], starts))
        cached = doc.user_data[_SENTENCES_KEY] = (array[:, 0].tolist(), array[:, 1].tolist(), starts.tolist())
    return cached


def entities(doc: Doc) -> tuple[Entity, ...]:
    """`doc.ents` as plain records, built once per doc: the property makes a new `Span` per entity on each
    access, and several extractors read them (kept in `doc.user_data`, as the doc no longer changes)."""
    cached = doc.user_data.get(_ENTITIES_KEY)
    if cached is None:
        text = doc_text(doc)
        cached = doc.user_data[_ENTITIES_KEY] = tuple(
            Entity(e.start_char, e.end_char, e.label_, text[e.start_char : e.end_char], len(e)) for e in doc.ents
        )
    return cached


def sentence_lookup(doc: Doc, text: str | None = None) -> Callable[[int, int], str]:
    """`sentence_text` for many mentions of one doc (`text` is `doc.text`, if the caller has it)."""
    full = doc.text if text is None else text
    bounds = sentence_bounds(doc)

    def lookup(start: int, end: int) -> str:
        first, last = bounds(start, end)
        return full[first:last]

    return lookup


def sentence_text(doc: Doc, start: int, end: int) -> str:
    """The text of the sentence(s) holding characters [start, end) (one-off; see `sentence_lookup`)."""
    return sentence_lookup(doc)(start, end)


class SpanSet:
    """Does [start, end) overlap any of these spans? Sorted starts and running maximum of ends (bisect)."""

    def __init__(self, spans: Iterable[tuple[int, ...]]) -> None:
        ordered = sorted((s, e) for s, e, *_ in spans)
        self._starts = [s for s, _ in ordered]
        self._max_ends = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)
        return i > 0 and self._max_ends[i - 1] > start


def drop_overlaps(matches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping (start, end) character ranges, earliest first on ties.

    The ranges kept so far do not overlap, so sorted by (start, end) their ends never decrease: a new range
    overlaps one of them iff the last one starting before its end ends after its start (a bisect, not a
    scan of all of them: an article has hundreds of organisation candidates)."""
    chosen: list[tuple[int, int]] = []
    starts: list[int] = []
    for start, end in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        i = bisect_left(starts, end)
        if i == 0 or chosen[i - 1][1] <= start:
            j = bisect_right(chosen, (start, end))
            chosen.insert(j, (start, end))
            starts.insert(j, start)
    return list(chosen)
