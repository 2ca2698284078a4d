"""Exporting the curated tables as CSV, Parquet, JSON Lines or DuckDB, with a `datapackage.json`.

List-typed columns (article_ids, organisations, aliases, ...) are native lists in Parquet, JSON Lines
and DuckDB, and JSON-encoded arrays in CSV (`["a", "b"]`; the Table Schema type `array` means exactly
that). Missing values are empty cells in CSV and `null` in JSON Lines.

CSV cells are safe to open in a spreadsheet: a text cell starting with = + - @, a tab or a carriage
return, or their fullwidth forms ＝ ＋ － ＠, after any leading white space (a formula to Excel,
LibreOffice or Google Sheets) gets a leading single quote, as OWASP recommends. To undo it, drop the
first character of a text cell that matches `^'+\\s*[=+\\-@\\t\\r＝＋－＠]`
(`read_export` does). Numeric columns are never touched: -3.5 stays the number -3.5.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from extractors.fact_types import FACT_TYPES
from extractors.registry import Registry
from flows.cells import plain
from flows.curation.deals import DEAL_SOURCES_TABLE, DEALS_TABLE
from flows.store.atomic import write_atomic
from flows.store.datapackage import DEFAULT_PRIMARY_KEY, PRIMARY_KEYS, frictionless_type, package_descriptor
from flows.store.generations import current_folder
from flows.store.tables import DUCKDB_NAME, TABLE_SUFFIX, build_duckdb_beside, read_duckdb_table

FORMATS = ("csv", "parquet", "jsonl", "duckdb")
PACKAGE_FILE = "datapackage.json"
# RFC 4180 line ends; with \r in the terminator the writer also quotes cells holding a lone \r.
CSV_EOL = "\r\n"
# A formula start, also in its fullwidth form and after leading white space (spreadsheets skip it).
_FORMULA_START = r"\s*[=+\-@\t\r＝＋－＠]"
_UNSAFE = re.compile(rf"^'*{_FORMULA_START}")
_NEUTRALISED = re.compile(rf"^'+{_FORMULA_START}")
CSV_NOTE = (
    "CSV: missing values are empty cells; list columns hold JSON arrays; a text cell starting with "
    "= + - @, tab or carriage return (or ＝ ＋ － ＠), after any leading white space, was prefixed with a single "
    "quote so spreadsheets do not run it as a formula: drop the first character of a text cell matching "
    "^'+\\s*[=+\\-@\\t\\r＝＋－＠] to get the value back."
)
LIST_NOTES = {
    "csv": "In CSV: a JSON array, e.g. [\"a\", \"b\"].",
    "jsonl": "A JSON array.",
    "parquet": "A Parquet list.",
    "duckdb": "A DuckDB LIST.",
}
RESOURCE_PROPS: dict[str, dict[str, str]] = {
    "csv": {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"},
    "jsonl": {"format": "jsonl", "mediatype": "application/x-ndjson", "encoding": "utf-8"},
    "parquet": {"format": "parquet", "mediatype": "application/vnd.apache.parquet"},
    "duckdb": {"format": "duckdb", "mediatype": "application/vnd.duckdb"},
}


def table_order(fact_types: Registry = FACT_TYPES) -> tuple[str, ...]:
    """The contract tables, the fact tables in registration order, then deals and their sources."""
    return ("articles", "mentions", *fact_types.tables(), DEALS_TABLE, DEAL_SOURCES_TABLE)


# --- cells -------------------------------------------------------------------------------------------

def neutralise(text: str) -> str:
    """A text cell a spreadsheet will show as text, never run as a formula."""
    return "'" + text if _UNSAFE.match(text) else text


def restore(text: str) -> str:
    """The inverse of `neutralise`."""
    return text[1:] if _NEUTRALISED.match(text) else text


def csv_cell(value: Any, kind: str) -> Any:
    value = plain(value)
    if value is None:
        return None
    if kind == "array":
        return json.dumps(value, ensure_ascii=False)
    if kind == "boolean":
        return "true" if value else "false"
    return neutralise(value) if kind == "string" else value


# --- reading the curated folder ---------------------------------------------------------------------

def curated_tables(curated: Path) -> dict[str, Path]:
    """Every curated table's Parquet file (all of one generation), known tables first."""
    found = current_folder(curated).glob(f"*{TABLE_SUFFIX}")
    files = {p.name[: -len(TABLE_SUFFIX)]: p for p in found if not p.name.startswith(".")}
    if not files:
        raise FileNotFoundError(f"{curated}: no curated tables (run `infrafacts run` first)")
    rank = {name: i for i, name in enumerate(table_order())}
    return dict(sorted(files.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


def primary_key(name: str, frame: pd.DataFrame) -> list[str] | None:
    """The table's key, declared only when the data honours it (present, never null, unique)."""
    key = PRIMARY_KEYS.get(name, DEFAULT_PRIMARY_KEY)
    if not set(key) <= set(frame.columns) or frame[key].isna().any().any() or frame.duplicated(key).any():
        return None
    return key


def kinds(schema: pa.Schema) -> dict[str, str]:
    return {f.name: frictionless_type(f.type) for f in schema}


# --- writing -----------------------------------------------------------------------------------------

def csv_frame(frame: pd.DataFrame, schema: pa.Schema) -> pd.DataFrame:
    types = kinds(schema)
    return pd.DataFrame(
        {col: [csv_cell(v, types[col]) for v in frame[col].astype(object)] for col in frame.columns},
        columns=frame.columns, dtype=object,
    )


def jsonl_lines(frame: pd.DataFrame) -> Iterator[str]:
    columns = list(frame.columns)
    for row in frame.astype(object).itertuples(index=False, name=None):
        yield json.dumps({c: plain(v) for c, v in zip(columns, row, strict=True)}, ensure_ascii=False) + "\n"


def write_table(fmt: str, source: Path, frame: pd.DataFrame, schema: pa.Schema, target: Path) -> Path:
    if fmt == "parquet":
        return write_atomic(target, lambda tmp: pq.write_table(pq.read_table(source), tmp))
    if fmt == "csv":
        cells = csv_frame(frame, schema)
        return write_atomic(target, lambda tmp: cells.to_csv(tmp, index=False, lineterminator=CSV_EOL))

    def write_jsonl(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(jsonl_lines(frame))

    return write_atomic(target, write_jsonl)


def owned_files(out: Path) -> set[Path]:
    """The files a previous export wrote in `out`: the resources its `datapackage.json` lists, and itself."""
    package = out / PACKAGE_FILE
    try:
        descriptor = json.loads(package.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {package, *(out / Path(r["path"]).name for r in descriptor.get("resources", []) if "path" in r)}


def export(curated: Path, out: Path, fmt: str, *, force: bool = False) -> list[Path]:
    """Write every curated table to `out` in `fmt`, then `datapackage.json` describing them.

    A folder that is not empty is refused unless `force`; then the files of the previous export that this
    one does not write again (another format, a table gone) are removed, and nothing else is touched."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    tables = curated_tables(curated)
    if out.is_dir() and any(out.iterdir()) and not force:
        raise FileExistsError(f"{out}: not empty (pass --force to replace the export in it, or choose another --out)")
    previous = owned_files(out) if out.is_dir() else set()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    resources: dict[str, tuple[pa.Schema, list[str] | None, dict[str, Any]]] = {}
    if fmt == "duckdb":
        tmp = build_duckdb_beside(tables, out / DUCKDB_NAME)
        os.replace(tmp, out / DUCKDB_NAME)
        written.append(out / DUCKDB_NAME)
    for name, source in tables.items():
        schema, frame = pq.read_schema(source), pd.read_parquet(source)
        props = {"path": DUCKDB_NAME if fmt == "duckdb" else f"{name}.{fmt}", **RESOURCE_PROPS[fmt]}
        if fmt == "duckdb":
            props["table"] = name
        else:
            written.append(write_table(fmt, source, frame, schema, out / props["path"]))
        resources[name] = (schema, primary_key(name, frame), props)
    description = "Curated fact tables extracted from French articles on AI infrastructure."
    if fmt == "csv":
        description += " " + CSV_NOTE
    descriptor = package_descriptor(resources, description=description, list_note=LIST_NOTES[fmt])
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    written.append(write_atomic(out / PACKAGE_FILE, lambda tmp: tmp.write_text(text, encoding="utf-8")))
    for stale in previous - set(written):
        stale.unlink(missing_ok=True)
    return written


# --- reading an export back --------------------------------------------------------------------------

def from_text(value: str, kind: str) -> Any:
    """One CSV cell back to its value (empty cells are missing values)."""
    if value == "":
        return None
    converters: dict[str, Callable[[str], Any]] = {
        "integer": int, "number": float, "boolean": lambda v: v == "true",
        "array": json.loads, "string": restore, "datetime": pd.Timestamp,
    }
    return converters.get(kind, str)(value)


def read_csv(path: Path, fields: list[dict[str, Any]]) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.DataFrame({f["name"]: [from_text(v, f["type"]) for v in raw[f["name"]]] for f in fields},
                        columns=[f["name"] for f in fields])


def read_jsonl(path: Path, fields: list[dict[str, Any]]) -> pd.DataFrame:
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        for f in fields:
            if f["type"] == "datetime" and row[f["name"]] is not None:
                row[f["name"]] = pd.Timestamp(row[f["name"]])
    return pd.DataFrame(rows, columns=[f["name"] for f in fields])


def read_export(out: Path) -> dict[str, pd.DataFrame]:
    """Every table of an export, read back with the types its `datapackage.json` declares."""
    descriptor = json.loads((out / PACKAGE_FILE).read_text(encoding="utf-8"))
    readers: Mapping[str, Callable[[dict[str, Any]], pd.DataFrame]] = {
        "parquet": lambda r: pd.read_parquet(out / r["path"]),
        "duckdb": lambda r: read_duckdb_table(out / r["path"], r["table"]),
        "csv": lambda r: read_csv(out / r["path"], r["schema"]["fields"]),
        "jsonl": lambda r: read_jsonl(out / r["path"], r["schema"]["fields"]),
    }
    return {r["name"]: readers[r["format"]](r) for r in descriptor["resources"]}
