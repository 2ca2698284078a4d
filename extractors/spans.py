"""Helpers shared by the extractors for turning character matches into Doc spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span


def token_span(doc: Doc, start: int, end: int) -> Span | None:
    """The smallest token span covering characters [start, end) (None if nothing covers it)."""
    return doc.char_span(start, end, alignment_mode="expand")


Bounds = Callable[[int, int], tuple[int, int]]


def sentence_bounds(doc: Doc) -> Bounds:
    """For one doc, the (start, end) characters of the sentence(s) holding a character range.

    A mention that the sentence splitter cut in two gets both sentences, so the evidence always
    contains the mention. Built once per doc from token arrays (bisect per call): `Span.sent` walks
    the doc's sentences on each call, and `Doc.text` is rebuilt from every token on each access.
    """
    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return lambda start, end: (0, len(doc.text))
    idx, length, sent_start = doc.to_array(["IDX", "LENGTH", "SENT_START"]).T.tolist()
    starts = [i for i, flag in enumerate(sent_start) if flag == 1 or i == 0]
    ends = [*starts[1:], len(idx)]

    def bounds(start: int, end: int) -> tuple[int, int]:
        first = max(0, bisect_right(idx, start) - 1)
        last = max(first, bisect_right(idx, end - 1) - 1)
        s1, s2 = bisect_right(starts, first) - 1, bisect_right(starts, last) - 1
        return idx[starts[s1]], idx[ends[s2] - 1] + length[ends[s2] - 1]

    return bounds


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


def drop_overlaps(matches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping (start, end) character ranges, earliest first on ties."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)
