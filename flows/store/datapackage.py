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

from extractors.fact_types import FACT_TYPES
from extractors.registry import Registry
from flows.curation.analyst import ANALYST_COLUMN_DOCS
from flows.curation.deals import DEAL_COLUMN_DOCS

PACKAGE_NAME = "infrafacts"
UNDOCUMENTED = "(not documented yet)"

# The tables every run writes besides the fact tables (whose docs come from the fact-type registry).
TABLE_DOCS: dict[str, str] = {
    "articles": "One row per input file: processed (`status` = `ok`) or rejected with the reason.",
    "mentions": "One row per extracted mention (one `type` per registered fact type), with its character offsets "
    "into the article's stored text, curated/texts/<article_id>.txt (for a UTF-8 .txt input, the file's text as "
    "read by open(path, encoding='utf-8').read()).",
    "deals": "One row per commitment (tests/gold/DEALS.md): kind, directed parties, figures, place, date, status, "
    "amounts in EUR/USD, and every article stating it.",
    "deal_sources": "One row per deal per article: the deal as that article states it, with its figures' offsets "
    "(what tests/gold/score_deals.py reads).",
    "corrections": "What the reviewed corrections (review/corrections.csv) changed in this run: one row per changed "
    "row, or one `unmatched` row for a correction whose target no longer exists.",
}
# Primary keys, checked against the data before they are declared (a wrong key would fail validation).
PRIMARY_KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "mentions": ["article_id", "type", "start", "end"],
    "deals": ["deal_id"],
    "deal_sources": ["article_id", "deal_id"],
}
DEFAULT_PRIMARY_KEY = ["fact_id"]

# Columns of the articles and fact tables; the mention columns are documented on their records
# (`extractors/records.py`), see `column_docs`.
COLUMN_DOCS: dict[str, str] = {
    "path": "Path of the input file as given to the run.",
    "sha256": "SHA-256 of the file's bytes, or of the record's own bytes for a record of a .jsonl file or JSON list "
    "(null when the file could not be read).",
    "chars": "Length of the article's stored text in characters (null when rejected).",
    "published": "The article's own date when it states one (YYYY-MM-DD or YYYY-MM; XXXX-MM-DD when a byline gives no "
    "year), from its metadata, else a byline or dateline, else null.",
    "status": "`ok`, or `rejected: <reason>` (empty, binary, undecodable charset, invalid JSON, not French, "
    "duplicate of <id>, ...).",
    "format": "The reader that took the file, chosen by content first, then by name: txt, md, html, json or jsonl.",
    "encoding": "How the file's bytes were decoded: utf-8, utf-8-sig (with a BOM), utf-16-le/-be, utf-32-le/-be, "
    "cp1252 or latin-1.",
    "title": "The article's title: from the page or record, else the first line of text outside boilerplate.",
    "author": "The author named by the page or record, if any.",
    "url": "The article's URL as the page or record gives it, if any.",
    "source": "The outlet: the site's name or the record's source domain, else the URL's host.",
    "language": "The language the page or record declares (html lang, `language` field), null when none; every `ok` "
    "article also passed the French check.",
    "published_from": "Where `published` comes from: `metadata` (page or record), `byline` (\"Publié le…\", "
    "\"Par X, le…\") or `dateline` (\"Lyon, le 4 mars 2026 —\"); null when there is no date.",
    "text_sha256": "SHA-256 of the stored text (UTF-8) that the article's offsets index.",
    "boilerplate_chars": "Characters of the stored text excluded from extraction as page boilerplate (paywall and "
    "newsletter prompts, share lines, tag and link lists, image credits, cookie banners, URLs).",
    "extractor_version": "Package version + hash of the extractor code and rule data that produced the rows.",
    "processed_at": "When the article was extracted (UTC).",
    "qualifiers": "Every qualifier seen among the fact's mentions.",
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
    "reviewed": "True when a reviewed correction (review/corrections.csv) changed this row, or one of its mentions.",
    "line": "Line of the correction in the corrections file.",
    "on_table": "The table the correction names (mentions, a fact table, deals or organisations).",
    "target": "What the correction names: `article_id:start` of a mention or source, or an organisation's name.",
    "action": "reject, set, merge, alias or split.",
    "field": "The column a `set` correction changes.",
    "new_value": "The value the correction gives (for merge/alias/split: the organisation name).",
    "note": "The reviewer's note.",
    "before": "The cell before the correction (list cells joined with `; `).",
    "after": "The cell after the correction.",
    "outcome": "`changed`, `rejected`, or `unmatched: <why>` (the target no longer exists).",
    **DEAL_COLUMN_DOCS,
    **ANALYST_COLUMN_DOCS,
}


def column_docs(fact_types: Registry = FACT_TYPES) -> dict[str, str]:
    """Every column's description: the mention columns from the registry, then the tables' own."""
    names = [f"`{name}`" for name in fact_types.names()]
    listed = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
    return {**fact_types.column_docs(), "type": f"Mention type: {listed}.", **COLUMN_DOCS}


def table_docs(fact_types: Registry = FACT_TYPES) -> dict[str, str]:
    return {**TABLE_DOCS, **{t.table: t.description for t in fact_types}}


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
    description = column_docs().get(name, UNDOCUMENTED)
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
                "description": table_docs().get(name, UNDOCUMENTED),
                "schema": table_schema(schema, key, list_note=list_note),
            }
            for name, (schema, key, props) in resources.items()
        ],
    }
