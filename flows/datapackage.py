"""The Frictionless Data Package (`datapackage.json`) describing an export: one resource per curated
table, each with a Table Schema (field names, types, descriptions, primary key).

Types come from the Parquet schema of each table; descriptions from the tables below. A column the
project adds later still gets a field (type from Parquet) with a placeholder description, and a test
lists the columns still undocumented.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa

PACKAGE_NAME = "infrafacts"
UNDOCUMENTED = "(not documented yet)"

TABLE_DOCS: dict[str, str] = {
    "articles": "One row per input file: processed (`status` = `ok`) or rejected with the reason.",
    "mentions": "One row per extracted mention (money, power, date, org), with its character offsets "
    "into the article's text as read by open(path, encoding='utf-8').read().",
    "money": "One row per distinct money fact after normalisation and deduplication.",
    "power": "One row per distinct power fact (gigawatts) after normalisation and deduplication.",
    "dates": "One row per distinct dated fact after normalisation and deduplication.",
    "organisations": "One row per canonical organisation across all articles.",
    "deals": "Each money or power fact with its parties, its dates and its sources.",
}
# Primary keys, checked against the data before they are declared (a wrong key would fail validation).
PRIMARY_KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "mentions": ["article_id", "type", "start", "end"],
    "deals": ["deal_id"],
}
DEFAULT_PRIMARY_KEY = ["fact_id"]

COLUMN_DOCS: dict[str, str] = {
    "article_id": "Article id: the file name without `.txt`.",
    "path": "Path of the input file as given to the run.",
    "sha256": "SHA-256 of the file's bytes (null when the file could not be read).",
    "chars": "Length of the article's text in characters (null when rejected).",
    "published": "The article's own date when it states one (YYYY-MM-DD or YYYY-MM), else null.",
    "status": "`ok`, or `rejected: <reason>` (empty, binary, not UTF-8, HTML, not French, duplicate of <id>, ...).",
    "extractor_version": "Package version + hash of the extractor code and rule data that produced the rows.",
    "processed_at": "When the article was extracted (UTC).",
    "type": "Mention type: `money`, `power`, `date` or `org`.",
    "start": "Start offset (Python string index) of `text` in the article.",
    "end": "End offset (exclusive) of `text` in the article.",
    "text": "The surface string (for facts: the first mention's).",
    "sentence": "The sentence the mention was found in (for facts: the first mention's).",
    "value": "Money: amount in currency units (null for a range or a vague amount).",
    "low": "Money: lower bound of a range, in currency units.",
    "high": "Money: upper bound of a range, in currency units.",
    "currency": "Money: ISO 4217 currency code.",
    "qualifier": "null, `approx`, `up_to`, `more_than`, `less_than` or `vague`.",
    "qualifiers": "Every qualifier seen among the fact's mentions.",
    "per": "Money: what the amount is per (`month`, `year`, `GW`, ...) or null.",
    "value_gw": "Power: figure in gigawatts (null for a range or a vague figure).",
    "low_gw": "Power: lower bound of a range, in gigawatts.",
    "high_gw": "Power: upper bound of a range, in gigawatts.",
    "date_value": "Date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a range `A/B`, a decade `200X`, or `XXXX-MM`.",
    "date_mod": "Date modifier: null or early, mid, late, H1, H2, Q1..Q4, spring, summer, autumn, winter, "
    "by, since, after, circa.",
    "relative": "Date: whether the value was resolved against the article's own date (`hier`, `mardi`, "
    "`l'an prochain`, `le 6 février dernier`).",
    "canonical": "Organisation: the canonical name (one name per organisation across all articles).",
    "explicit_currency": "Money: whether the currency is written next to the amount (else inferred).",
    "magnitude": "Vague amounts only: the order of magnitude (`des milliards` -> 1e9); informative.",
    "kind": "Organisation kind: company, lab, public, consortium, media or other.",
    "parties": "Canonical names of the organisations attached to the figure in the parse.",
    "organisations": "Canonical names of every organisation named in the sentence (context).",
    "aliases": "Every surface form the organisation was written as.",
    "mentions": "Number of mentions merged into this row.",
    "article_ids": "Ids of the articles the row's mentions come from.",
    "sources": "Where each merged mention is: `article_id:start`.",
    "facts": "Ids of the money/power facts stated in the same sentence as the date.",
    "fact_id": "Deterministic id of the fact (a hash of its type and normalised fields).",
    "deal_id": "Deterministic id of the deal (a hash of its figure's fact id).",
    "summary": "One-line human summary of the deal.",
    "money_fact_id": "The deal's money fact (`money.fact_id`), if any.",
    "power_fact_ids": "The deal's power facts (`power.fact_id`).",
    "power_qualifier": "Qualifier of the deal's power figure.",
    "dates": "Date values attached to the deal's figure.",
}


def frictionless_type(arrow_type: pa.DataType) -> str:
    """The Table Schema type of a Parquet column."""
    checks = (
        (pa.types.is_boolean, "boolean"), (pa.types.is_integer, "integer"), (pa.types.is_floating, "number"),
        (pa.types.is_timestamp, "datetime"), (pa.types.is_date, "date"),
        (lambda t: pa.types.is_list(t) or pa.types.is_large_list(t), "array"),
        (lambda t: pa.types.is_string(t) or pa.types.is_large_string(t), "string"),
    )
    return next((name for check, name in checks if check(arrow_type)), "any")


def field_descriptor(name: str, arrow_type: pa.DataType, *, list_note: str) -> dict[str, Any]:
    kind = frictionless_type(arrow_type)
    description = COLUMN_DOCS.get(name, UNDOCUMENTED)
    out: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if kind == "array":
        out["description"] = f"{description} {list_note}"
    if kind == "datetime":
        out["format"] = "any"  # ISO 8601 with offset, e.g. 2026-05-13T10:32:00.123456+00:00
    return out


def table_schema(schema: pa.Schema, primary_key: list[str] | None, *, list_note: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "fields": [field_descriptor(f.name, f.type, list_note=list_note) for f in schema],
        "missingValues": [""],
    }
    if primary_key:
        out["primaryKey"] = primary_key
    return out


def package_descriptor(
    resources: Mapping[str, tuple[pa.Schema, list[str] | None, dict[str, Any]]],
    *, description: str, list_note: str,
) -> dict[str, Any]:
    """`resources`: table name -> (Parquet schema, primary key or None, resource properties such as path)."""
    return {
        "name": PACKAGE_NAME,
        "title": "infrafacts curated tables",
        "description": description,
        "resources": [
            {
                "name": name,
                **props,
                "description": TABLE_DOCS.get(name, UNDOCUMENTED),
                "schema": table_schema(schema, key, list_note=list_note),
            }
            for name, (schema, key, props) in resources.items()
        ],
    }
