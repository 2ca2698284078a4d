"""Running the extractors over read articles: one pipeline per process, `nlp.pipe` in batches.

An article longer than `max_chunk_chars` is parsed in pieces cut at paragraph breaks (else at a line
or sentence end, else at a space), so a 20 MB article stays under spaCy's `nlp.max_length` and in
bounded memory. Each piece's mention offsets are shifted back by the piece's start, so
`article.text[start:end] == text` still holds for the whole article. Context does not cross a cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractors.dates import find_published
from extractors.mentions import extract_mentions
from flows.articles import Article

# Ordinary articles (the corpus's longest is 68k chars) are parsed whole.
MAX_CHUNK_CHARS = 100_000
# Where to cut a long text, best first: after a blank line, a line end, a sentence end, a space.
_CUT_POINTS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?…»][ \t]"), re.compile(r"\s"))


class ContractError(AssertionError):
    """An extractor produced a mention that breaks CONTRACT.md (a bug, never bad input)."""


@dataclass(frozen=True, slots=True)
class Extracted:
    article: Article
    published: str | None
    rows: list[dict[str, Any]]


def check_rows(article: Article, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        if article.text[row["start"] : row["end"]] != row["text"]:
            raise ContractError(
                f"{article.article_id}: {row['type']} mention {row['text']!r} does not match "
                f"text[{row['start']}:{row['end']}] = {article.text[row['start']:row['end']]!r}"
            )


def cut_at(text: str, start: int, limit: int) -> int:
    """The end of the piece starting at `start`: the last good cut point within `limit` chars."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start + limit // 2 : end]  # never cut so early that pieces become tiny
    for pattern in _CUT_POINTS:
        last = None
        for last in pattern.finditer(window):  # noqa: B007 - only the last match is wanted
            pass
        if last is not None:
            return start + limit // 2 + last.end()
    return end


def chunk_spans(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Contiguous `(start, end)` pieces covering `text`, each at most `max_chars` long."""
    spans, start = [], 0
    while start < len(text):
        end = cut_at(text, start, max_chars)
        spans.append((start, end))
        start = end
    return spans or [(0, 0)]


def shifted(row: dict[str, Any], offset: int) -> dict[str, Any]:
    if offset:
        row["start"] += offset
        row["end"] += offset
    return row


def mention_rows(doc: Doc, article: Article, offset: int, published: str | None) -> list[dict[str, Any]]:
    return [shifted(m.as_row() | {"article_id": article.article_id}, offset)
            for m in extract_mentions(doc, published=published)]


def extract_articles(
    articles: Sequence[Article], nlp: Language, *, batch_size: int = 16, max_chunk_chars: int = MAX_CHUNK_CHARS,
) -> Iterator[Extracted]:
    """Mention rows (CONTRACT.md `mentions` columns) for each article, in input order."""
    pieces = (
        (article.text[start:end], (index, start))
        for index, article in enumerate(articles)
        for start, end in chunk_spans(article.text, max_chunk_chars)
    )
    docs = nlp.pipe(pieces, batch_size=batch_size, as_tuples=True)
    for index, parts in groupby(docs, key=lambda pair: pair[1][0]):
        article = articles[index]
        published = find_published(article.text)
        rows = [row for doc, (_, offset) in parts for row in mention_rows(doc, article, offset, published)]
        check_rows(article, rows)
        yield Extracted(article, published, rows)
