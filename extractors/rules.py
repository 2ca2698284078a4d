"""Rule data: the one way extractors load the files in `extractors/data/` (read once per process)."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

# The package directory, not importlib.resources: `extractors` can resolve as a namespace package
# under pytest (tests/extractors has no __init__.py) and files() fails there.
DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_json(name: str) -> dict[str, Any]:
    """A JSON rule file; keys starting with `_` are comments for people and ignored by the grammars."""
    data: dict[str, Any] = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return data


@cache
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated rule file without blank lines and `#` comments, one tuple of cells per row."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    rows = csv.reader((ln for ln in lines if ln.strip() and not ln.startswith("#")), delimiter="\t")
    return tuple(tuple(row) for row in rows)
