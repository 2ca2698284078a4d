"""Building the curated tables (pure: rows in, DataFrames out).

`mentions` and `articles` follow CONTRACT.md; `money`, `power`, `dates` and `organisations` hold one
row per distinct fact (see `facts.py` for what "the same fact" means).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from extractors.records import MENTION_COLUMNS

MENTION_DTYPES: dict[str, str] = {
    "article_id": "string", "type": "string", "start": "int64", "end": "int64",
    "text": "string", "sentence": "string",
    "value": "float64", "low": "float64", "high": "float64", "currency": "string",
    "qualifier": "string", "per": "string",
    "value_gw": "float64", "low_gw": "float64", "high_gw": "float64",
    "date_value": "string", "date_mod": "string", "canonical": "string",
    "explicit_currency": "boolean", "magnitude": "float64", "kind": "string",
    "parties": "object",  # money/power: tuple of canonical organisation names (extractors/parties.py)
    "relative": "boolean",
}
ARTICLE_DTYPES: dict[str, str] = {
    "article_id": "string", "path": "string", "sha256": "string", "chars": "Int64",
    "published": "string", "status": "string", "extractor_version": "string",
    "processed_at": "datetime64[us, UTC]",
}
assert set(MENTION_DTYPES) == set(MENTION_COLUMNS), "every mention column needs a dtype"


def typed_frame(rows: Iterable[Mapping[str, Any]], dtypes: Mapping[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(list(rows), columns=list(dtypes))
    return frame.astype(dict(dtypes))


def mentions_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    frame = typed_frame(rows, MENTION_DTYPES)
    return frame.sort_values(["article_id", "start", "end", "type"], kind="stable").reset_index(drop=True)


def articles_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    frame = typed_frame(rows, ARTICLE_DTYPES)
    return frame.sort_values("article_id", kind="stable").reset_index(drop=True)
