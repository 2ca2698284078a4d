"""The contract tables (pure: rows in, DataFrames out).

`mentions` and `articles` follow CONTRACT.md. The `mentions` columns and dtypes come from the fact-type
registry (`extractors/fact_types.py`); the fact tables are built in `dedup.py`.
"""

from __future__ import annotations

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


def article_row(item: Article | Rejected, *, version: str, published: str | None = None) -> dict[str, Any]:
    ok = isinstance(item, Article)
    return {
        "article_id": item.article_id,
        "path": item.path,
        "sha256": item.sha256,
        "chars": len(item.text) if ok else None,
        "published": published,
        "status": "ok" if ok else f"rejected: {item.reason}",
        "extractor_version": version,
        "processed_at": datetime.now(UTC),
    }


def reused_row(article: Article, previous: Mapping[str, Any], version: str) -> dict[str, Any]:
    """An unchanged article keeps its published date and the time it was really processed."""
    return article_row(article, version=version, published=previous["published"]) | {
        "processed_at": previous["processed_at"],
    }
