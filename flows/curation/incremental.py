"""Incremental runs: which articles need extracting, and which can reuse their previous mentions (pure;
the previous state is read by `store/state.py`).

The incremental state is the previous curated `articles` and `mentions` tables themselves, so it lives
with the output it describes (copy or delete `curated/` and the state follows; nothing depends on
PREFECT_HOME). An article is reused when its previous `articles` row is `ok` with the same sha256 of its
bytes and the same extractor version; every other article is re-extracted and its old mention rows are
dropped wholesale, so a changed article never keeps stale facts. Articles no longer in the raw folder
leave every curated table (their evidence is gone; see the README section on removal).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from flows.sources import Article, Rejected

log = logging.getLogger(__name__)

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


def known_rejections(rejected: Iterable[Rejected], state: PreviousState) -> int:
    """Rejections the previous run recorded already: same id, same bytes, same reason."""
    return sum(
        (previous := state.articles.get(item.article_id)) is not None
        and previous["status"] == f"rejected: {item.reason}" and previous["sha256"] == item.sha256
        for item in rejected
    )


def new_fact_counts(tables: Mapping[str, pd.DataFrame], state: PreviousState) -> dict[str, int]:
    """Facts whose id was not in the previous run's table of the same name."""
    return {
        name: int((~frame["fact_id"].astype(str).isin(state.fact_ids.get(name, frozenset()))).sum())
        for name, frame in tables.items()
        if "fact_id" in frame.columns
    }


def unknown_ids(requested: Iterable[str], known: Iterable[str]) -> list[str]:
    return sorted(set(requested) - set(known))
