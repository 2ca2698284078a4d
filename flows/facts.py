"""Deduplicating mentions into curated fact tables (pure: DataFrames in, DataFrames out).

The same fact, per type (first version; issue 7 refines it):
- money: same currency, value/low/high, qualifier and per-unit, AND the same set of organisations
  named in the sentence. The same number about different parties is two facts.
- power: same value_gw/low_gw/high_gw and qualifier, and the same organisations in the sentence.
- dates: same date_value and date_mod, and the same organisations in the sentence.
- organisations: the same canonical name.
Each fact row carries a deterministic `fact_id` (a hash of its key), the number of mentions, the
article ids, and the first mention's text and sentence as evidence.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

import pandas as pd

FACT_KEYS: dict[str, tuple[str, ...]] = {
    "money": ("currency", "value", "low", "high", "qualifier", "per"),
    "power": ("value_gw", "low_gw", "high_gw", "qualifier"),
    "date": ("date_value", "date_mod"),
}
FACT_TABLES: dict[str, str] = {"money": "money", "power": "power", "date": "dates"}


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def fact_id(kind: str, key: tuple[Any, ...]) -> str:
    """Stable across runs and machines: a hash of the fact type and its normalised key."""
    payload = json.dumps([kind, [_plain(v) for v in key]], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def orgs_by_sentence(mentions: pd.DataFrame) -> dict[tuple[str, str], tuple[str, ...]]:
    """Canonical organisations named in each (article, sentence)."""
    orgs = mentions[mentions["type"] == "org"]
    grouped = orgs.groupby(["article_id", "sentence"])["canonical"]
    return {key: tuple(sorted(set(names))) for key, names in grouped}


def dedupe(mentions: pd.DataFrame, kind: str) -> pd.DataFrame:
    """One row per distinct `kind` fact, keyed by its normalised fields and the sentence's organisations."""
    key_cols = FACT_KEYS[kind]
    parties = orgs_by_sentence(mentions)
    facts: dict[tuple[Any, ...], dict[str, Any]] = {}
    rows = mentions[mentions["type"] == kind].sort_values(["article_id", "start"], kind="stable")
    for row in rows.to_dict("records"):
        orgs = parties.get((row["article_id"], row["sentence"]), ())
        key = (*(_plain(row[c]) for c in key_cols), orgs)
        fact = facts.get(key)
        if fact is None:
            fact = facts[key] = {
                "fact_id": fact_id(kind, key),
                **{c: _plain(row[c]) for c in key_cols},
                "organisations": list(orgs),
                "mentions": 0,
                "article_ids": [],
                "text": row["text"],
                "sentence": row["sentence"],
            }
        fact["mentions"] += 1
        if row["article_id"] not in fact["article_ids"]:
            fact["article_ids"].append(row["article_id"])
    columns = ["fact_id", *key_cols, "organisations", "mentions", "article_ids", "text", "sentence"]
    return pd.DataFrame(list(facts.values()), columns=columns)


def organisations(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per canonical organisation across all articles."""
    orgs = mentions[mentions["type"] == "org"].sort_values(["article_id", "start"], kind="stable")
    out = []
    for name, group in orgs.groupby("canonical", sort=True):
        kinds = group["kind"].dropna()
        out.append({
            "fact_id": fact_id("org", (name,)),
            "canonical": name,
            "kind": kinds.mode().iloc[0] if not kinds.empty else None,
            "aliases": sorted(set(group["text"])),
            "mentions": len(group),
            "article_ids": list(dict.fromkeys(group["article_id"])),
        })
    return pd.DataFrame(out, columns=["fact_id", "canonical", "kind", "aliases", "mentions", "article_ids"])


def fact_tables(mentions: pd.DataFrame) -> dict[str, pd.DataFrame]:
    tables = {table: dedupe(mentions, kind) for kind, table in FACT_TABLES.items()}
    tables["organisations"] = organisations(mentions)
    return tables
