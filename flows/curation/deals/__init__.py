"""Deals (tests/gold/DEALS.md): one row per commitment with its kind, directed parties, figures,
place, date and status, and one row per deal per article with its sources.

Modules: `units` (the figures of a sentence), `commitments` (what is a deal, kind, status), `roles`
(from / to / partners), `places` (site, country), `dating` (the deal's date and its role), `build`
(candidates and merging), `rows` (the table rows). Cue words and places are rule data
(`extractors/data/deals.json`, `places.tsv`).
"""

from __future__ import annotations

import pandas as pd

from flows.curation.deals.build import all_deals
from flows.curation.deals.rows import DEAL_COLUMN_DOCS, frames, source_row
from flows.curation.deals.units import source

DEALS_TABLE = "deals"
DEAL_SOURCES_TABLE = "deal_sources"

__all__ = ["DEALS_TABLE", "DEAL_COLUMN_DOCS", "DEAL_SOURCES_TABLE", "deal_tables", "source"]


def deal_tables(mentions: pd.DataFrame, fact_of: dict[tuple[str, str], str]) -> dict[str, pd.DataFrame]:
    """`deals` and `deal_sources` from the mentions and the fact id of each figure mention."""
    deals, sources = frames([source_row(d) for d in all_deals(mentions, fact_of)])
    return {DEALS_TABLE: deals, DEAL_SOURCES_TABLE: sources}
