"""The previous run's state, read back from the curated folder for an incremental run.

The incremental state is the previous curated `articles` and `mentions` tables themselves, so it lives
with the output it describes (copy or delete `curated/` and the state follows; nothing depends on
PREFECT_HOME). Any unreadable or foreign-schema table means a full run.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from extractors.fact_types import FACT_TYPES
from extractors.registry import Registry
from flows.curation.corrections import REVIEWED
from flows.curation.incremental import PreviousState
from flows.curation.tables import ARTICLE_DTYPES, mention_dtypes
from flows.store.generations import current_folder
from flows.store.tables import table_path


def _read(curated_dir: Path, name: str) -> pd.DataFrame | None:
    path = table_path(curated_dir, name)
    return pd.read_parquet(path) if path.exists() else None


def _plain_cell(value: Any) -> Any:
    return tuple(value.tolist()) if isinstance(value, np.ndarray) else value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as fresh extraction yields them: None for every missing value (pd.NA / NaN), and tuples
    for list cells (Parquet gives them back as numpy arrays)."""
    plain = frame.astype(object).where(frame.notna(), None)
    for column in frame.select_dtypes(include="object").columns:
        plain[column] = plain[column].map(_plain_cell)
    return plain.to_dict("records")


def load_state(curated_dir: Path) -> PreviousState:
    """The previous articles/mentions/fact ids; any unreadable or foreign-schema table means a full run."""
    curated_dir = current_folder(curated_dir)  # one generation for every table read below
    try:
        articles, mentions = _read(curated_dir, "articles"), _read(curated_dir, "mentions")
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on a damaged file
        return PreviousState(note=f"previous tables unreadable ({exc}): extracting everything")
    if articles is None or mentions is None:
        return PreviousState()
    mention_columns = list(mention_dtypes())
    extracted_columns = set(mentions.columns) - {REVIEWED}  # `reviewed` is added by the corrections step
    if set(articles.columns) != set(ARTICLE_DTYPES) or extracted_columns != set(mention_columns):
        return PreviousState(note="previous tables have other columns: extracting everything")
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _records(mentions[mention_columns]):
        by_article[row["article_id"]].append(row)
    return PreviousState(
        articles={row["article_id"]: row for row in _records(articles[list(ARTICLE_DTYPES)])},
        mentions=dict(by_article),
        fact_ids=previous_fact_ids(curated_dir),
        note=f"previous run: {len(articles)} articles, {len(mentions)} mentions",
    )


def previous_fact_ids(curated_dir: Path, fact_types: Registry = FACT_TYPES) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for name in fact_types.tables():
        try:
            frame = _read(curated_dir, name)
        except (OSError, ValueError):
            frame = None
        if frame is not None and "fact_id" in frame.columns:
            out[name] = frozenset(frame["fact_id"].astype(str))
    return out


