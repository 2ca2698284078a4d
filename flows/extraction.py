"""Running the extractors over read articles: one pipeline per process, `nlp.pipe` in batches.

Memory stays bounded whatever the input: an article longer than `max_doc_chars` is parsed in pieces of
at most `chunk_chars`, cut at paragraph breaks (else at a line or sentence end, else at a space), and
no batch holds more than `BATCH_CHARS` of text. A 20 MB article thus stays under spaCy's
`nlp.max_length`, and each piece's mention offsets are shifted back by the piece's start, so
`article.text[start:end] == text` still holds for the whole article. Context does not cross a cut.

spaCy is given `visible_text(article)`: the article's text with its boilerplate ranges (paywall prompts,
share lines, link lists..., see `flows/sources/boilerplate.py`) blanked by as many spaces, so no fact comes
from them and every offset still indexes `article.text`.
Then the extractors see that text without its invisible characters (zero-width spaces, bidi marks,
soft hyphens: `extractors.text.VisibleText`), so "4\u200b0 milliards" is 40 billion; offsets, text and
sentence of each row are mapped back to the article's own text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractors.dates import find_published
from extractors.mentions import extract_mentions_of
from extractors.registry import Context
from extractors.text import VisibleText
from flows.settings import DEFAULTS
from flows.sources import Article
from flows.sources.boilerplate import blanked
from flows.sources.published import full_date

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


def to_original(row: dict[str, Any], view: VisibleText) -> dict[str, Any]:
    """A row found in the visible text, with offsets, text and sentence of the article's own text."""
    if not view.removed_at:
        return row
    sentence_at = view.text.rfind(row["sentence"], 0, row["start"] + len(row["sentence"]))
    row["start"], row["end"] = view.span(row["start"], row["end"])
    row["text"] = view.original[row["start"] : row["end"]]
    if sentence_at >= 0:
        first, last = view.span(sentence_at, sentence_at + len(row["sentence"]))
        row["sentence"] = view.original[first:last]
    return row


def batch_rows(
    batch: Sequence[tuple[Doc, tuple[int, int, int]]], texts: Sequence[str], ids: Sequence[str],
    context_of: Callable[[int], Context],
) -> list[tuple[int, list[dict[str, Any]]]]:
    """(article index, rows) of each parsed piece `texts[index][start:end]` of one batch, extracted together
    (`extract_mentions_of`: the figure clauses of the batch are parsed in one pass). The piece's string is
    passed on because `Doc.text` is rebuilt from every token on each access."""
    items = [(doc, context_of(index), _piece(texts[index], start, end)) for doc, (index, start, end) in batch]
    return [(index, [shifted(m.as_row() | {"article_id": ids[index]}, start) for m in mentions])
            for (_, (index, start, _)), mentions in zip(batch, extract_mentions_of(items), strict=True)]


def _piece(text: str, start: int, end: int) -> str:
    return text if (start, end) == (0, len(text)) else text[start:end]


Piece = tuple[str, tuple[int, int, int]]  # (text, (article index, start and end of the piece in the article))


def visible_text(article: Article) -> str:
    """What the extractors see: the article's text with its boilerplate blanked (same length, same offsets)."""
    return blanked(article.text, article.excluded)


def restore_sentences(article: Article, rows: list[dict[str, Any]]) -> None:
    """Evidence sentences as the article writes them: a sentence is cut from the blanked text at the same
    offsets, so the stored text's characters at those offsets are put back (a URL in it reappears), less
    any blanked line the sentence ran into at either end."""
    visible = visible_text(article)
    starts = [a for a, _ in article.excluded]

    def blank_at(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < article.excluded[k][1]

    for row in rows:
        sentence = row["sentence"]
        at = visible.rfind(sentence, 0, row["start"] + len(sentence))
        if at < 0 or at + len(sentence) < row["end"]:
            continue
        first, last = at, at + len(sentence)
        while first < row["start"] and (blank_at(first) or (visible[first].isspace() and blank_at(first + 1))):
            first += 1
        while last > row["end"] and (blank_at(last - 1) or (visible[last - 1].isspace() and blank_at(last - 2))):
            last -= 1
        row["sentence"] = article.text[first:last]


def pieces_of(texts: Sequence[str], max_doc_chars: int, chunk_chars: int) -> Iterator[Piece]:
    for index, text in enumerate(texts):
        if len(text) <= max_doc_chars:
            yield text, (index, 0, len(text))
        else:
            yield from ((text[a:b], (index, a, b)) for a, b in chunk_spans(text, chunk_chars))


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


def parse(pieces: Iterable[Piece], nlp: Language, batch_size: int) -> Iterator[list[tuple[Doc, tuple[int, int, int]]]]:
    """The parsed pieces, one list per `nlp.pipe` batch."""
    for batch in batches(pieces, batch_size, BATCH_CHARS):
        yield list(nlp.pipe(batch, batch_size=len(batch), as_tuples=True))


def extract_articles(
    articles: Sequence[Article], nlp: Language, parser: Language | None, *, batch_size: int = DEFAULTS.batch_size,
    max_doc_chars: int = MAX_DOC_CHARS, chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Extracted]:
    """Mention rows (CONTRACT.md `mentions` columns) for each article, in input order.

    `nlp` finds the entities; `parser` parses the sentences of figures for party attachment (None: no parties).
    """
    # Boilerplate blanked (same offsets), then invisible characters removed (offsets mapped back by the view).
    views = [VisibleText(visible_text(article)) for article in articles]
    docs = parse(pieces_of([view.text for view in views], max_doc_chars, chunk_chars), nlp, batch_size)
    yield from extract_parsed(articles, views, docs, parser)


def extract_parsed(
    articles: Sequence[Article], views: Sequence[VisibleText],
    parsed: Iterable[Sequence[tuple[Doc, tuple[int, int, int]]]], parser: Language | None,
) -> Iterator[Extracted]:
    """The per-article work after the parse, batch by batch (`extract_articles`; `bench/profile_extract.py`
    times it apart)."""
    published: dict[int, str | None] = {}

    def context_of(index: int) -> Context:
        if index not in published:
            article = articles[index]
            published[index] = full_date(article.meta.published) or find_published(article.text)
        return Context(published=published[index], parser=parser)

    texts, ids = [view.text for view in views], [article.article_id for article in articles]
    pieces = (piece for batch in parsed for piece in batch_rows(batch, texts, ids, context_of))
    for index, parts in groupby(pieces, key=itemgetter(0)):
        article, view = articles[index], views[index]
        rows = [to_original(row, view) for _, piece_rows in parts for row in piece_rows]
        if article.excluded:
            restore_sentences(article, rows)
        check_rows(article, rows)
        yield Extracted(article, published.pop(index), rows)
