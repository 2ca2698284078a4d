"""Reviewed corrections (`review/corrections.csv`), applied on every run after extraction and before
dedup, so a fix survives re-runs and `reprocess --all`.

A correction names a table, a target, an action and, for `set`, a field and a value:
- `mentions` + `article_id:start`: `reject` the mention(s) there, or `set` one of their fields;
- a fact table (`money`, `power`, `dates`, ...) or `deals` + any of the row's `sources` (`article_id:start`):
  `reject` every mention of that fact or deal, or `set` a field. A mention column (`value`, `currency`,
  `parties`, ...) is set on the row's mentions, so dedup and deals see the fixed value; any other column of
  the table (e.g. a deal's `kind`) is set on the finished row;
- `organisations` + a canonical name: `merge` it into `value` (its mentions and every `parties` list),
  `alias` (organisation mentions written `value` become that organisation), `reject` it (its mentions and
  its place in `parties`), or `set` a field of its mentions; `split` + `article_id:start` gives that one
  mention the canonical name `value`.

Every row a correction changes gets `reviewed = true` (a fact or deal when one of its mentions did). A
correction whose target no longer exists is reported with the reason, never dropped silently; `log` holds
one row per change, or one `unmatched` row, for `infrafacts review` and the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np
import pandas as pd

from extractors.fact_types import FACT_TYPES
from flows.cells import missing, names
from flows.curation.deals import DEALS_TABLE
from flows.curation.deals.build import FIGURE_TYPES

REVIEWED = "reviewed"
LOG_TABLE = "corrections"
ACTIONS = ("reject", "set", "merge", "alias", "split")
LOG_COLUMNS = ("line", "on_table", "target", "action", "field", "new_value", "note",
               "article_id", "start", "type", "before", "after", "outcome")
SOURCE = re.compile(r"^(?P<article>.+):(?P<start>\d+)$")
ORGS = "organisations"
UNMATCHED = "unmatched: "

Tables = dict[str, pd.DataFrame]
Position = tuple[str, int]


@dataclass(frozen=True)
class Correction:
    line: int  # line in the corrections file, for messages
    table: str  # fields in the order of the file's columns
    target: str
    action: str
    field: str = ""
    value: str = ""
    note: str = ""


@dataclass
class Corrected:
    mentions: pd.DataFrame
    tables: Tables
    log: list[dict[str, Any]] = field(default_factory=list)

    def unmatched(self) -> list[str]:
        return [f"{str(row['outcome']).removeprefix(UNMATCHED)} ({row['target']}, line {row['line']})"
                for row in self.log if str(row["outcome"]).startswith(UNMATCHED)]

    def log_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.log, columns=list(LOG_COLUMNS)).astype(
            {"line": "int64", "start": "Int64", **{c: "string" for c in LOG_COLUMNS if c not in ("line", "start")}}
        )


def position(target: str) -> Position | None:
    match = SOURCE.match(target)
    return (match["article"], int(match["start"])) if match else None


def positions_of(sources: Any) -> set[Position]:
    return {p for s in names(sources) if (p := position(s)) is not None}


def convert(value: str, dtype: Any) -> Any:
    """A corrections-file string as a cell of the column's dtype (lists: `;`-separated; empty: missing)."""
    text = value.strip()
    if str(dtype) == "object":
        return tuple(part.strip() for part in text.split(";") if part.strip())
    if not text:
        return None
    if pd.api.types.is_bool_dtype(dtype):
        return text.lower() in ("true", "1", "yes")
    if pd.api.types.is_numeric_dtype(dtype):
        return float(text)
    return text


def _shown(value: Any) -> str:
    if isinstance(value, tuple | list | np.ndarray):
        return "; ".join(names(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if missing(value) else str(value)


class _Run:
    """One application of the corrections: the mentions being corrected and the log being written."""

    def __init__(self, mentions: pd.DataFrame) -> None:
        self.mentions = mentions.copy(deep=False)  # copy-on-write (pandas 3): the caller's frame is never changed
        self.mentions[REVIEWED] = False
        self.log: list[dict[str, Any]] = []
        self.reviewed_rows: dict[str, set[Position]] = {}  # finished-table rows set directly, by table

    def record(self, c: Correction, outcome: str, row: Mapping[str, Any] | None = None,
               before: Any = None, after: Any = None) -> None:
        place = {} if row is None else {k: row[k] for k in ("article_id", "start", "type")}
        self.log.append({
            "line": c.line, "on_table": c.table, "target": c.target, "action": c.action, "field": c.field,
            "new_value": c.value, "note": c.note, "article_id": place.get("article_id"),
            "start": None if place.get("start") is None else int(place["start"]),
            "type": place.get("type"), "before": _shown(before), "after": _shown(after), "outcome": outcome,
        })

    def unmatched(self, c: Correction, reason: str) -> None:
        self.record(c, UNMATCHED + reason)

    def at(self, where: set[Position], types: Sequence[str] | None = None) -> pd.Series:
        keys = pd.Series(list(zip(self.mentions["article_id"], self.mentions["start"], strict=True)),
                         index=self.mentions.index)
        mask = keys.isin(where)
        return mask & self.mentions["type"].isin(types) if types is not None else mask

    def reject(self, c: Correction, mask: pd.Series) -> None:
        for _, row in self.mentions[mask].iterrows():
            self.record(c, "rejected", row, before=row["text"])
        self.mentions = self.mentions[~mask]

    def set(self, c: Correction, mask: pd.Series, column: str, value: Any) -> None:
        for index, row in self.mentions[mask].iterrows():
            self.mentions.at[index, column] = value
            self.mentions.at[index, REVIEWED] = True
            self.record(c, "changed", row, before=row[column], after=value)

    def rename_party(self, c: Correction, old: str, new: str | None) -> None:
        """`old` -> `new` in every `parties` list (None: removed)."""
        for index, row in self.mentions.iterrows():
            parties = names(row.get("parties"))
            if old in parties:
                after = tuple(dict.fromkeys(new if p == old else p for p in parties if new is not None or p != old))
                self.mentions.at[index, "parties"] = after
                self.mentions.at[index, REVIEWED] = True
                self.record(c, "changed", row, before=parties, after=after)


def _figure_types(table: str) -> list[str]:
    """The mention types whose rows make up a row of `table`."""
    if table == DEALS_TABLE:
        return list(FIGURE_TYPES)
    fact_type = FACT_TYPES.by_table().get(table)
    return [fact_type.name] if fact_type else []


def _record_fields(types: Sequence[str]) -> set[str]:
    """Columns the mention records of `types` carry (a deal's `kind` is not an organisation's `kind`)."""
    records = {t.name: t.record for t in FACT_TYPES}
    return {f.name for t in types if t in records for f in fields(records[t])}


def _check(c: Correction, known_tables: set[str]) -> str | None:
    if c.action not in ACTIONS:
        return f"unknown action {c.action!r} (expected one of {', '.join(ACTIONS)})"
    if c.table not in known_tables:
        return f"unknown table {c.table!r}"
    if c.action == "set" and not c.field:
        return "`set` needs a field"
    if c.action in ("merge", "alias", "split") and (c.table != ORGS or not c.value.strip()):
        return f"`{c.action}` applies to organisations and needs a value"
    return None


def apply_mention_level(run: _Run, c: Correction) -> None:
    """Corrections on `mentions` and `organisations`."""
    org = run.mentions["type"] == FACT_TYPES.by_table()[ORGS].name if c.table == ORGS else None
    where = position(c.target)
    if c.table == "mentions" or c.action == "split":
        mask = run.at({where}) if where else pd.Series(False, index=run.mentions.index)
        if org is not None:
            mask &= org
    elif c.action == "alias":
        mask = org & (run.mentions["text"].str.casefold() == c.value.strip().casefold())
    else:
        mask = org & (run.mentions["canonical"] == c.target)
    if not mask.any():
        run.unmatched(c, "no such mention" if c.table == "mentions" or c.action in ("split", "alias")
                      else f"no organisation {c.target!r}")
        return
    if c.action == "reject":
        run.reject(c, mask)
        if c.table == ORGS and where is None:
            run.rename_party(c, c.target, None)
    elif c.action == "set":
        if c.field not in run.mentions.columns:
            run.unmatched(c, f"mentions have no column {c.field!r}")
            return
        run.set(c, mask, c.field, convert(c.value, run.mentions[c.field].dtype))
    else:  # merge, split: the name in `value`; alias: the target's name for mentions written `value`
        new = c.target if c.action == "alias" else c.value.strip()
        run.set(c, mask, "canonical", new)
        if c.action == "merge":
            run.rename_party(c, c.target, new)


def apply_row_level(run: _Run, c: Correction, tables: Tables, deferred: list[Correction]) -> None:
    """Corrections on a fact table or deals, resolved through the row's sources."""
    where = position(c.target)
    frame = tables.get(c.table)
    rows = [] if where is None or frame is None or "sources" not in frame.columns else [
        r for r in frame.to_dict("records") if where in positions_of(r["sources"])
    ]
    if not rows:
        run.unmatched(c, f"no {c.table} row with source {c.target}")
        return
    sources = set().union(*(positions_of(r["sources"]) for r in rows))
    types = _figure_types(c.table)
    mask = run.at(sources, types)
    if c.action == "reject":
        run.reject(c, mask)
    else:
        on_mentions = c.field in _record_fields(types) and c.field in run.mentions.columns
        if on_mentions:
            run.set(c, mask, c.field, convert(c.value, run.mentions[c.field].dtype))
        # A deal is built from its mentions by rules (roles, cues): a field the deals table has is also set
        # on the finished row, so the correction holds whatever the rules make of the corrected mentions.
        if not on_mentions or (c.table == DEALS_TABLE and c.field in frame.columns):
            deferred.append(c)


def set_on_rows(run: _Run, c: Correction, tables: Tables) -> None:
    """A column of the finished table that mentions do not have (a deal's `kind`, ...)."""
    frame = tables[c.table]
    if c.field not in frame.columns:
        run.unmatched(c, f"{c.table} has no column {c.field!r}")
        return
    where = position(c.target)
    assert where is not None  # row-level corrections were resolved through a source
    hits = [i for i, sources in frame["sources"].items() if where in positions_of(sources)]
    if not hits:
        run.unmatched(c, f"no {c.table} row with source {c.target} after the other corrections")
        return
    value = convert(c.value, frame[c.field].dtype)
    for i in hits:
        before = frame.at[i, c.field]
        frame.at[i, c.field] = value
        run.reviewed_rows.setdefault(c.table, set()).add(where)
        place = {"article_id": where[0], "start": where[1], "type": c.table}
        run.record(c, "changed", place, before=before, after=value)


def mark_reviewed(tables: Tables, mentions: pd.DataFrame, direct: Mapping[str, set[Position]]) -> Tables:
    """`reviewed` on each table: a row with a reviewed mention among its sources (organisations: by name)."""
    done = mentions[mentions[REVIEWED]]
    positions = set(zip(done["article_id"], done["start"], strict=True))
    canonicals = set(done["canonical"].dropna())
    out = {}
    for name, frame in tables.items():
        frame = frame.copy()
        hit = positions | direct.get(name, set())
        if "sources" in frame.columns:
            frame[REVIEWED] = [bool(positions_of(s) & hit) for s in frame["sources"]]
        elif "canonical" in frame.columns:
            frame[REVIEWED] = frame["canonical"].isin(canonicals)
        else:
            frame[REVIEWED] = False
        out[name] = frame
    return out


def apply_corrections(
    mentions: pd.DataFrame, corrections: Sequence[Correction], build: Callable[[pd.DataFrame], Tables]
) -> Corrected:
    """The mentions with every correction applied and the tables `build` (dedup + deals) makes of them."""
    run = _Run(mentions)
    known = {"mentions", *FACT_TYPES.tables(), DEALS_TABLE}
    row_level = []
    for c in corrections:
        problem = _check(c, known)
        if problem:
            run.unmatched(c, problem)
        elif c.table in ("mentions", ORGS):
            apply_mention_level(run, c)
        else:
            row_level.append(c)
    deferred: list[Correction] = []
    if row_level:
        first = build(run.mentions.drop(columns=[REVIEWED]))
        for c in row_level:
            apply_row_level(run, c, first, deferred)
    tables = build(run.mentions.drop(columns=[REVIEWED]))
    for c in deferred:
        set_on_rows(run, c, tables)
    mentions_out = run.mentions.reset_index(drop=True)
    log = sorted(run.log, key=lambda row: row["line"])  # in file order (row-level ones were applied last)
    return Corrected(mentions_out, mark_reviewed(tables, mentions_out, run.reviewed_rows), log)
