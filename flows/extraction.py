"""Running the extractors over read articles: one pipeline per process, `nlp.pipe` in batches.

Memory stays bounded whatever the input: an article longer than `max_doc_chars` is parsed in pieces of
at most `chunk_chars`, cut at paragraph breaks (else at a line or sentence end, else at a space), and
no batch holds more than `BATCH_CHARS` of text. A 20 MB article thus stays under spaCy's
`nlp.max_length`, and each piece's mention offsets are shifted back by the piece's start, so
`article.text[start:end] == text` still holds for the whole article. Context does not cross a cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractors.dates import find_published
from extractors.mentions import extract_mentions
from extractors.registry import Context
from flows.settings import DEFAULTS
from flows.sources import Article

# Ordinary articles (the corpus's longest is 68k chars) are parsed whole; longer ones in pieces.
MAX_DOC_CHARS = 100_000
CHUNK_CHARS = 20_000
# Text parsed in one nlp.pipe batch: 16 pieces of 100k chars peaked at 1.7 GB, 80k chars at 0.8 GB.
BATCH_CHARS = 100_000
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


def chunk_spans(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
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


def mention_rows(doc: Doc, article: Article, bounds: tuple[int, int], context: Context) -> list[dict[str, Any]]:
    """The rows of one parsed piece `article.text[start:end]` (the text the doc was made from, passed
    on because `Doc.text` is rebuilt from every token on each access)."""
    start, end = bounds
    text = article.text if (start, end) == (0, len(article.text)) else article.text[start:end]
    mentions = extract_mentions(doc, context, text=text)
    return [shifted(m.as_row() | {"article_id": article.article_id}, start) for m in mentions]


Piece = tuple[str, tuple[int, int, int]]  # (text, (article index, start and end of the piece in the article))


def pieces_of(articles: Sequence[Article], max_doc_chars: int, chunk_chars: int) -> Iterator[Piece]:
    for index, article in enumerate(articles):
        if len(article.text) <= max_doc_chars:
            yield article.text, (index, 0, len(article.text))
        else:
            yield from ((article.text[a:b], (index, a, b)) for a, b in chunk_spans(article.text, chunk_chars))


def batches(pieces: Iterable[Piece], batch_size: int, max_chars: int) -> Iterator[list[Piece]]:
    """Consecutive pieces, at most `batch_size` of them and (unless one alone is longer) `max_chars` of text."""
    batch: list[Piece] = []
    chars = 0
    for piece in pieces:
        if batch and (len(batch) >= batch_size or chars + len(piece[0]) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += len(piece[0])
    if batch:
        yield batch


def parse(pieces: Iterable[Piece], nlp: Language, batch_size: int) -> Iterator[tuple[Doc, tuple[int, int, int]]]:
    for batch in batches(pieces, batch_size, BATCH_CHARS):
        yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)


def extract_articles(
    articles: Sequence[Article], nlp: Language, parser: Language | None, *, batch_size: int = DEFAULTS.batch_size,
    max_doc_chars: int = MAX_DOC_CHARS, chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Extracted]:
    """Mention rows (CONTRACT.md `mentions` columns) for each article, in input order.

    `nlp` finds the entities; `parser` parses the sentences of figures for party attachment (None: no parties).
    """
    docs = parse(pieces_of(articles, max_doc_chars, chunk_chars), nlp, batch_size)
    for index, parts in groupby(docs, key=lambda pair: pair[1][0]):
        article = articles[index]
        published = find_published(article.text)
        context = Context(published=published, parser=parser)
        rows = [row for doc, (_, start, end) in parts for row in mention_rows(doc, article, (start, end), context)]
        check_rows(article, rows)
        yield Extracted(article, published, rows)
