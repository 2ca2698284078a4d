"""The registry of fact types: everything the pipeline needs to know about one kind of fact.

A fact type is its mention record class (`records.py`), its extractor, the fact table its mentions
are curated into and how ("figure", "event" or "name" deduplication, `flows/curation/dedup.py`), and
how it is scored against gold (SCORING.md). The `mentions` columns and dtypes, the fact tables, the
exports, the Data Package and `evaluate` are all derived from the registry, so adding a fact type is
one record class, one extractor and one `register` call (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from functools import cache
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from extractors.records import CONTRACT_COLUMNS, Mention

Dedup = Literal["figure", "event", "name"]
Scoring = Literal["span", "name"]

# Columns every mention has, before any type's own.
BASE_DTYPES: dict[str, str] = {
    "article_id": "string", "type": "string", "start": "int64", "end": "int64", "text": "string", "sentence": "string",
}
BASE_DOCS: dict[str, str] = {
    "article_id": "Article id: the file name without `.txt`.",
}


@dataclass(frozen=True, slots=True)
class Context:
    """What an extractor may need besides the Doc, passed in by the caller (never fetched)."""

    published: str | None = None  # the article's own date (YYYY-MM-DD or YYYY-MM), when known
    parser: Language | None = None  # a dependency parser for party attachment; None: no parties


Extractor = Callable[[Doc, Context], Iterable[Mention]]


@dataclass(frozen=True, slots=True)
class Check:
    """One field compared with the gold: a predicted column, its gold field, and how they must agree."""

    column: str
    gold: str
    number: bool = False  # compared with a relative tolerance (else: equal, null = null)


@dataclass(frozen=True)
class FactType:
    """One kind of fact (money, power, date, org, ...)."""

    record: type[Mention]
    extract: Extractor
    table: str  # the curated fact table
    description: str  # of the fact table (Data Package)
    dedup: Dedup
    key: tuple[str, ...]  # the normalised fields that identify a fact
    numbers: tuple[str, ...] = ()  # figure facts: the numeric fields (all null: a vague figure, never merged)
    scoring: Scoring = "span"
    values: tuple[Check, ...] = ()  # must agree for a matched mention to count end-to-end
    attributes: tuple[Check, ...] = ()  # attribute accuracy over matched mentions

    @property
    def name(self) -> str:
        return self.record.type

    @property
    def has_parties(self) -> bool:
        """Whether the party step attaches organisations to this type's mentions."""
        return "parties" in self.columns

    @property
    def columns(self) -> dict[str, str]:
        """This type's own mention columns with their pandas dtypes, in record order."""
        return dict(_record_columns(self.record))

    def column_docs(self) -> dict[str, str]:
        return {f.name: f.metadata["doc"] for f in fields(self.record) if "doc" in f.metadata}


@cache
def _record_columns(record: type[Mention]) -> tuple[tuple[str, str], ...]:
    """A record class's own columns and dtypes: read once, as `get_type_hints` evaluates every annotation
    (`extract_mentions` asks which types have parties for each article)."""
    hints = typing.get_type_hints(record)
    return tuple((f.name, dtype_of(hints[f.name])) for f in fields(record) if f.name not in BASE_DTYPES)


def dtype_of(hint: Any) -> str:
    """The pandas dtype of a record field, from its type hint (Optional allowed)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return dtype_of(args[0])
    origin = typing.get_origin(hint) or hint
    if origin is Literal or origin is str:
        return "string"
    dtypes = {bool: "boolean", int: "Int64", float: "float64", tuple: "object", list: "object"}
    if origin not in dtypes:
        raise TypeError(f"no column dtype for a record field of type {hint!r}")
    return dtypes[origin]


class Registry:
    """Fact types by name, in registration order (which is the order of columns, tables and reports)."""

    def __init__(self, fact_types: Iterable[FactType] = ()) -> None:
        self._types: dict[str, FactType] = {}
        for fact_type in fact_types:
            self.register(fact_type)

    def register(self, fact_type: FactType) -> FactType:
        if fact_type.name in self._types:
            raise ValueError(f"fact type {fact_type.name!r} is already registered")
        if fact_type.table in {t.table for t in self}:
            raise ValueError(f"fact table {fact_type.table!r} is already used by another fact type")
        self._types[fact_type.name] = fact_type
        return fact_type

    def unregister(self, name: str) -> None:
        del self._types[name]

    def __iter__(self) -> Iterator[FactType]:
        return iter(list(self._types.values()))

    def __getitem__(self, name: str) -> FactType:
        return self._types[name]

    def names(self) -> tuple[str, ...]:
        return tuple(self._types)

    def tables(self) -> tuple[str, ...]:
        return tuple(t.table for t in self)

    def by_table(self) -> dict[str, FactType]:
        return {t.table: t for t in self}

    def mention_dtypes(self) -> dict[str, str]:
        """Every `mentions` column with its dtype: CONTRACT.md's first, in its order, then the others."""
        found: dict[str, str] = dict(BASE_DTYPES)
        for fact_type in self:
            for column, dtype in fact_type.columns.items():
                if found.setdefault(column, dtype) != dtype:
                    raise TypeError(f"column {column!r} has two dtypes: {found[column]} and {dtype}")
        ordered = [c for c in CONTRACT_COLUMNS if c in found] + [c for c in found if c not in CONTRACT_COLUMNS]
        return {c: found[c] for c in ordered}

    def mention_columns(self) -> tuple[str, ...]:
        return tuple(self.mention_dtypes())

    def column_docs(self) -> Mapping[str, str]:
        docs = dict(BASE_DOCS)
        for fact_type in self:
            for column, text in fact_type.column_docs().items():
                docs.setdefault(column, text)
        return docs
