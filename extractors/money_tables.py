"""Figures in a text table whose unit is stated above it: "Compte de résultat (en millions d'euros)" then
"| Chiffre d'affaires | 186,4 | 154,0 |". The layout part only: money.py says what a unit header is and
what the figures are worth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractors.numbers import DIGITS, SPACE

_ROW_RE = re.compile(r"[ \t]*\|.*")
_RULE_RE = re.compile(r"[ \t]*\|[\s|:\-]*\|[ \t]*")  # |---|---|
_CELL_RE = re.compile(rf"{SPACE}*(?P<figure>[-−+]?{DIGITS}){SPACE}*")
# A label with its own unit, or naming what is no amount: its row (or column) is not in the table's unit.
_OWN_UNIT_RE = re.compile(
    r"[(%]|\b(?i:date|année|mise en service|livraison|puissance|capacité|effectifs?|nombre|MW|GW|MWh|TWh)\b"
)
_LINES_BEFORE_TABLE = 2  # the header sits on the line just above the table, or one blank line further up


def figures_under(text: str, header: re.Pattern[str]) -> Iterator[tuple[re.Match[str], int, int]]:
    """(header match, start, end) of every cell that is only a figure, in the body of the table under a header.

    The body is the rows after the rule line (`|---|`), or after the first row when there is none; the first
    column holds labels and is skipped, and so is a row or a column whose label states its own unit
    ("Effectif (ETP)", "Marge (%)") or is no amount ("Mise en service", "Puissance").
    """
    for found in header.finditer(text):
        rows = _table_after(text, found.end())
        if not rows:
            continue
        ruled = [i for i, (start, end) in enumerate(rows) if _RULE_RE.fullmatch(text, start, end)]
        body = rows[ruled[0] + 1 :] if ruled else rows[1:]
        head = [_own_unit(text[a:b]) for a, b in _cells(text, *rows[0])] if ruled and ruled[0] > 0 else []
        for start, end in body:
            cells = _cells(text, start, end)
            if not cells or _own_unit(text[cells[0][0] : cells[0][1]]):
                continue
            for column, (cell_start, cell_end) in enumerate(cells[1:], start=1):
                if column < len(head) and head[column]:
                    continue
                cell = _CELL_RE.fullmatch(text, cell_start, cell_end)
                if cell is not None:
                    yield found, cell.start("figure"), cell.end("figure")


def _own_unit(label: str) -> bool:
    return _OWN_UNIT_RE.search(label) is not None


def _table_after(text: str, position: int) -> list[tuple[int, int]]:
    """The (start, end) of each row of the table that begins within two lines after `position`."""
    line_start = text.find("\n", position) + 1
    rows: list[tuple[int, int]] = []
    skipped = 0
    while 0 < line_start < len(text):
        end = text.find("\n", line_start)
        end = len(text) if end < 0 else end
        if _ROW_RE.fullmatch(text, line_start, end):
            rows.append((line_start, end))
        elif rows or skipped >= _LINES_BEFORE_TABLE - 1 or text[line_start:end].strip():
            break
        else:
            skipped += 1
        line_start = end + 1
    return rows


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bars = [i for i in range(start, end) if text[i] == "|"]
    return list(zip([b + 1 for b in bars], bars[1:], strict=False))
