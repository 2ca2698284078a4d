"""The one way the report reads an article's text: the text the extractors saw, which mention offsets index."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

TEXTS_DIR = "texts"  # curated/texts/<article_id>.txt: the decoded text, when the run stores it


def stored_text_path(curated_dir: Path, article_id: str) -> Path:
    return curated_dir / TEXTS_DIR / f"{article_id}.txt"


def article_text(curated_dir: Path, article: Mapping[str, Any]) -> str | None:
    """The stored text when the run kept one, else the input file as UTF-8 (None when neither is readable)."""
    stored = stored_text_path(curated_dir, str(article["article_id"]))
    path = stored if stored.exists() else Path(str(article["path"]))
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError):
        return None
