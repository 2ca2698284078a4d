"""The contract tables (pure: rows in, DataFrames out).

`mentions` and `articles` follow CONTRACT.md. The `mentions` columns and dtypes come from the fact-type
registry (`extractors/fact_types.py`); the fact tables are built in `dedup.py`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from extractors.fact_types import FACT_TYPES
from extractors.registry import Registry
from flows.sources import Article, Rejected

ARTICLE_DTYPES: dict[str, str] = {
    "article_id": "string", "path": "string", "sha256": "string", "chars": "Int64",
    "published": "string", "status": "string", "extractor_version": "string",
    "processed_at": "datetime64[us, UTC]",
    # metadata (issue 13): where the text came from and what the input says about it
    "format": "string", "encoding": "string", "title": "string", "author": "string", "url": "string",
    "source": "string", "language": "string", "published_from": "string", "text_sha256": "string",
    "boilerplate_chars": "Int64",
}


def mention_dtypes(fact_types: Registry = FACT_TYPES) -> dict[str, str]:
    return fact_types.mention_dtypes()


def typed_frame(rows: Iterable[Mapping[str, Any]], dtypes: Mapping[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(list(rows), columns=list(dtypes))
    return frame.astype(dict(dtypes))


def mentions_frame(rows: Iterable[Mapping[str, Any]], fact_types: Registry = FACT_TYPES) -> pd.DataFrame:
    frame = typed_frame(rows, mention_dtypes(fact_types))
    return frame.sort_values(["article_id", "start", "end", "type"], kind="stable").reset_index(drop=True)


def articles_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    frame = typed_frame(rows, ARTICLE_DTYPES)
    return frame.sort_values("article_id", kind="stable").reset_index(drop=True)


def article_row(item: Article | Rejected, *, version: str) -> dict[str, Any]:
    ok = isinstance(item, Article)
    meta = item.meta
    return {
        "article_id": item.article_id,
        "path": item.path,
        "sha256": item.sha256,
        "chars": len(item.text) if ok else None,
        "published": meta.published,
        "status": "ok" if ok else f"rejected: {item.reason}",
        "extractor_version": version,
        "processed_at": datetime.now(UTC),
        "format": meta.format, "encoding": meta.encoding, "title": meta.title, "author": meta.author,
        "url": meta.url, "source": meta.source, "language": meta.language, "published_from": meta.published_from,
        "text_sha256": text_sha256(item.text) if ok else None,
        "boilerplate_chars": sum(end - start for start, end in item.excluded) if ok else None,
    }


def text_sha256(text: str) -> str:
    """SHA-256 of the stored text (UTF-8), to check a stored text is the one the offsets index."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def reused_row(article: Article, previous: Mapping[str, Any], version: str) -> dict[str, Any]:
    """An unchanged article keeps the time it was really processed (the rest is read again)."""
    return article_row(article, version=version) | {"processed_at": previous["processed_at"]}
