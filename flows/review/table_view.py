"""Any curated table as display rows, driven by its columns: a column added to a table shows up in the
report without code changes. `sources` (`article_id:start`) and `article_ids` cells become links to the
article pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from markupsafe import Markup, escape

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
    """A table ready for the page: its `body` is the rendered `<tbody>` rows (`rows_html`)."""

    name: str
    columns: tuple[str, ...]
    rows: int
    body: Markup
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
    if type(value) is str:  # most cells: the checks below would return it unchanged
        return value
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
    if type(value) is str and column not in LINK_COLUMNS:  # most cells: what the general path gives them
        return Cell(text=value, sort=value)
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


def cell_html(cell: Cell) -> str:
    """One `<td>`: links, or the text with itself as tooltip (a long text is cut by the stylesheet)."""
    numeric = ' class="num"' if cell.numeric else ""
    if cell.links:
        inner = "<br>".join(f'<a class="source" href="{escape(link.href)}">{escape(link.text)}</a>'
                            for link in cell.links)
    else:
        text = escape(cell.text)
        inner = f'<span title="{text}">{text}</span>'
    return f'<td data-sort="{escape(cell.sort)}"{numeric}>{inner}</td>'


def column_html(column: str, values: Iterable[Any], prefix: str = "") -> list[str]:
    """The `<td>` of every value of one column; cells repeat a lot (types, currencies, units), so each
    distinct hashable value is rendered once."""
    cache: dict[tuple[type, Any], str] = {}
    out = []
    for value in values:
        key = (type(value), value)  # 1, 1.0 and True are equal keys, but not the same cell
        try:
            html = cache.get(key)
        except TypeError:  # a list cell
            out.append(cell_html(cell(column, value, prefix)))
            continue
        if html is None:
            html = cache[key] = cell_html(cell(column, value, prefix))
        out.append(html)
    return out


def rows_html(frame: pd.DataFrame, columns: Sequence[str], prefix: str = "") -> Markup:
    """The table's rows as HTML, built column by column (a 5,000-row table of 20 columns in a fraction of
    a second; the same markup a per-cell template loop gave in seconds)."""
    cells = [column_html(column, frame[column].tolist(), prefix) for column in columns]
    return Markup("".join(f"<tr>{''.join(row)}</tr>\n" for row in zip(*cells, strict=True)))


def table_view(name: str, frame: pd.DataFrame, *, description: str = "", prefix: str = "",
               columns: Iterable[str] | None = None) -> TableView:
    """Every column of `frame` (or `columns`, in that order, when they exist), one cell per value."""
    shown = tuple(c for c in (columns or frame.columns) if c in frame.columns)
    return TableView(name=name, columns=shown, rows=len(frame), body=rows_html(frame, shown, prefix),
                     description=description)
