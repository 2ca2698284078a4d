"""An article's text with every mention highlighted by type, rendered by spaCy's displaCy (`style="ent"`,
`manual=True`, character offsets). Each highlight carries its normalised fields as a tooltip and an
anchor `#m-<start>` that the tables' `sources` links point at.

displaCy draws one layer of spans: a mention overlapping an earlier one is not highlighted (it is still
listed beside the text, with the same anchor).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.displacy.render import EntityRenderer

from flows.review.table_view import text_of

# The mention columns that place a mention rather than describe it.
PLACE_COLUMNS = ("article_id", "type", "start", "end", "text", "sentence")
PALETTE = ("#fde68a", "#a7f3d0", "#bfdbfe", "#fbcfe8", "#ddd6fe", "#fed7aa", "#c7d2fe", "#bbf7d0")
TEMPLATE = (
    '<mark class="entity m-{label}" id="m-{start}" data-type="{label}" title="{tip}" '
    'style="background: {bg}">{text}<span class="entity-label">{label}</span></mark>'
)

Row = Mapping[str, Any]


@dataclass(frozen=True)
class Highlighted:
    html: str
    shown: frozenset[int]  # starts of the highlighted mentions (the others get their anchor in the list)


def colours(types: Sequence[str]) -> dict[str, str]:
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}


def details(row: Row) -> list[tuple[str, str]]:
    """The normalised fields of a mention that have a value, in column order."""
    return [(k, text_of(v)) for k, v in row.items() if k not in PLACE_COLUMNS and text_of(v) not in ("", "false")]


def tooltip(row: Row, deal: str | None = None, described: list[tuple[str, str]] | None = None) -> str:
    """`described`: the row's `details`, when already computed."""
    parts = [f"{row['type']}: {row['text']}", *(f"{k} = {v}" for k, v in (described or details(row)))]
    if deal:
        parts.append(f"deal: {deal}")
    return "\n".join(parts)


def layer(rows: Iterable[Row]) -> list[Row]:
    """Mentions that do not overlap an earlier (or longer, at the same start) one."""
    out: list[Row] = []
    end = -1
    for row in sorted(rows, key=lambda r: (int(r["start"]), -int(r["end"]))):
        if int(row["start"]) >= end:
            out.append(row)
            end = int(row["end"])
    return out


def highlight(text: str, rows: Sequence[Row], types: Sequence[str],
              deals: Mapping[int, str] | None = None,
              described: Sequence[list[tuple[str, str]]] | None = None) -> Highlighted:
    """`text` as HTML with the mentions `rows` (offsets into `text`) marked; `deals`: start -> deal summary;
    `described`: each row's `details`, when the caller has them already."""
    deals = deals or {}
    detail_of = {id(r): d for r, d in zip(rows, described, strict=True)} if described is not None else {}
    shown = layer(rows)
    spans = [
        {
            "start": int(r["start"]), "end": int(r["end"]), "label": str(r["type"]),
            "params": {"start": int(r["start"]),
                       "tip": html.escape(tooltip(r, deals.get(int(r["start"])), detail_of.get(id(r))))},
        }
        for r in shown
    ]
    spans.sort(key=lambda span: (span["start"], span["end"]))  # as displacy.render(manual=True) orders them
    markup = renderer(tuple(types)).render([{"text": text, "ents": spans, "title": None}]).strip()
    return Highlighted(html=markup, shown=frozenset(int(r["start"]) for r in shown))


@cache
def renderer(types: tuple[str, ...]) -> EntityRenderer:
    """displaCy's entity renderer, made once: `displacy.render` builds one per call, reading spaCy's colour
    registry each time (a tenth of an article page)."""
    return EntityRenderer(options={"template": TEMPLATE, "colors": colours(types)})
