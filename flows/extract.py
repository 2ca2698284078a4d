"""Running the extractors over read articles: one pipeline per process, `nlp.pipe` in batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from extractors.dates import find_published
from extractors.mentions import extract_mentions
from flows.articles import Article


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


def extract_articles(articles: Sequence[Article], nlp: Language, *, batch_size: int = 16) -> Iterator[Extracted]:
    """Mention rows (CONTRACT.md `mentions` columns) for each article, in input order."""
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        published = find_published(article.text)
        rows = [m.as_row() | {"article_id": article.article_id} for m in extract_mentions(doc, published=published)]
        check_rows(article, rows)
        yield Extracted(article, published, rows)
