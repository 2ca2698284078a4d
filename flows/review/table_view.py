"""Any curated table as display rows, driven by its columns: a column added to a table shows up in the
report without code changes. `sources` (`article_id:start`) and `article_ids` cells become links to the
article pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from flows.cells import plain

SOURCE = re.compile(r"^(?P<article>.+):(?P<start>\d+)$")
LINK_COLUMNS = ("sources", "article_ids", "article_id")


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Cell:
    """What a table cell shows: text, or links; `sort` orders the column (numbers sort as numbers)."""

    text: str = ""
    links: tuple[Link, ...] = ()
    sort: str = ""
    numeric: bool = False


@dataclass(frozen=True)
class TableView:
    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    description: str = ""


def article_href(article_id: str, start: int | None = None, prefix: str = "") -> str:
    anchor = f"#m-{start}" if start is not None else ""
    return f"{prefix}articles/{article_id}.html{anchor}"


def source_link(source: str, prefix: str = "") -> Link:
    """`article_id:start` -> a link to that mention in its article page."""
    match = SOURCE.match(source)
    if match is None:
        return Link(source, "")
    return Link(source, article_href(match["article"], int(match["start"]), prefix))


def format_number(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e18:
        return f"{int(value):,}".replace(",", "\u202f")  # narrow no-break space groups digits, as in French
    return f"{value:.6g}"


def text_of(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(text_of(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    return str(value)


def cell(column: str, value: Any, prefix: str = "") -> Cell:
    value = plain(value)
    if column in LINK_COLUMNS and value is not None:
        items = value if isinstance(value, list) else [value]
        links = tuple(
            source_link(str(v), prefix) if column == "sources" else Link(str(v), article_href(str(v), prefix=prefix))
            for v in items
        )
        return Cell(text=text_of(value), links=links, sort=text_of(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Cell(text=text_of(value), sort=repr(float(value)), numeric=True)
    return Cell(text=text_of(value), sort=text_of(value))


def table_view(name: str, frame: pd.DataFrame, *, description: str = "", prefix: str = "",
               columns: Iterable[str] | None = None) -> TableView:
    """Every column of `frame` (or `columns`, in that order, when they exist), one Cell per value."""
    shown = tuple(c for c in (columns or frame.columns) if c in frame.columns)
    rows = tuple(
        tuple(cell(column, value, prefix) for column, value in zip(shown, record, strict=True))
        for record in frame[list(shown)].itertuples(index=False, name=None)
    )
    return TableView(name=name, columns=shown, rows=rows, description=description)
