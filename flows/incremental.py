"""Incremental runs: which articles need extracting, and which can reuse their previous mentions.

The incremental state is the previous curated `articles` and `mentions` tables themselves, so it lives
with the output it describes (copy or delete `curated/` and the state follows; nothing depends on
PREFECT_HOME). An article is reused when its previous `articles` row is `ok` with the same sha256 of its
bytes and the same extractor version; every other article is re-extracted and its old mention rows are
dropped wholesale, so a changed article never keeps stale facts. Articles no longer in the raw folder
leave every curated table (their evidence is gone; see the README section on removal).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from flows.articles import Article, Rejected
from flows.store import table_path
from flows.tables import ARTICLE_DTYPES, MENTION_DTYPES

log = logging.getLogger(__name__)

FACT_TABLE_NAMES = ("money", "power", "dates", "organisations")


@dataclass(frozen=True)
class PreviousState:
    """What the last run left in the curated folder (empty when there is nothing usable)."""

    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    fact_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    note: str = "no previous run"


@dataclass(frozen=True)
class Plan:
    """This run's work: articles to extract, articles reused with their previous rows, the rest."""

    extract: list[Article]
    reused: list[tuple[Article, dict[str, Any]]]
    rejected: list[Rejected]
    removed: list[str]
    reasons: dict[str, int] = field(default_factory=dict)  # why articles are extracted

    def reused_mentions(self, state: PreviousState) -> list[dict[str, Any]]:
        return [row for article, _ in self.reused for row in state.mentions.get(article.article_id, [])]


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
    try:
        articles, mentions = _read(curated_dir, "articles"), _read(curated_dir, "mentions")
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on a damaged file
        return PreviousState(note=f"previous tables unreadable ({exc}): extracting everything")
    if articles is None or mentions is None:
        return PreviousState()
    if set(articles.columns) != set(ARTICLE_DTYPES) or set(mentions.columns) != set(MENTION_DTYPES):
        return PreviousState(note="previous tables have other columns: extracting everything")
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _records(mentions[list(MENTION_DTYPES)]):
        by_article[row["article_id"]].append(row)
    return PreviousState(
        articles={row["article_id"]: row for row in _records(articles[list(ARTICLE_DTYPES)])},
        mentions=dict(by_article),
        fact_ids=previous_fact_ids(curated_dir),
        note=f"previous run: {len(articles)} articles, {len(mentions)} mentions",
    )


def previous_fact_ids(curated_dir: Path) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for name in FACT_TABLE_NAMES:
        try:
            frame = _read(curated_dir, name)
        except (OSError, ValueError):
            frame = None
        if frame is not None and "fact_id" in frame.columns:
            out[name] = frozenset(frame["fact_id"].astype(str))
    return out


def extract_reason(article: Article, previous: Mapping[str, Any] | None, version: str) -> str | None:
    """Why `article` must be extracted again, or None when its previous mention rows still hold."""
    if previous is None:
        return "new"
    if previous["status"] != "ok":
        return "previously rejected"
    if previous["sha256"] != article.sha256:
        return "changed"
    if previous["extractor_version"] != version:
        return "extractor version changed"
    return None


def plan_run(
    items: Iterable[Article | Rejected],
    state: PreviousState,
    version: str,
    *,
    force: Collection[str] = (),
    force_all: bool = False,
) -> Plan:
    """Split the articles read this run into extract / reuse / rejected, and list the removed ones."""
    extract: list[Article] = []
    reused: list[tuple[Article, dict[str, Any]]] = []
    rejected: list[Rejected] = []
    reasons: Counter[str] = Counter()
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        previous = state.articles.get(item.article_id)
        reason = extract_reason(item, previous, version)
        if reason is None and (force_all or item.article_id in force):
            reason = "reprocess requested"
        if reason is None:
            reused.append((item, previous))  # type: ignore[arg-type]  # a reason is None only with a previous row
        else:
            reasons[reason] += 1
            extract.append(item)
    seen = {item.article_id for item in (*extract, *(a for a, _ in reused), *rejected)}
    removed = sorted(set(state.articles) - seen)
    return Plan(extract=extract, reused=reused, rejected=rejected, removed=removed, reasons=dict(reasons))


def new_fact_counts(tables: Mapping[str, pd.DataFrame], state: PreviousState) -> dict[str, int]:
    """Facts whose id was not in the previous run's table of the same name."""
    return {
        name: int((~frame["fact_id"].astype(str).isin(state.fact_ids.get(name, frozenset()))).sum())
        for name, frame in tables.items()
        if "fact_id" in frame.columns
    }


def unknown_ids(requested: Iterable[str], known: Iterable[str]) -> list[str]:
    return sorted(set(requested) - set(known))
