"""Discovering and reading input articles (the only place that reads `raw/`)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

ARTICLE_GLOB = "*.txt"


@dataclass(frozen=True, slots=True)
class Article:
    """An article read successfully; `text` is exactly `open(path, encoding="utf-8").read()`."""

    article_id: str
    path: str
    sha256: str
    text: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input file that could not be used, and why (it still gets an `articles` row)."""

    article_id: str
    path: str
    sha256: str | None
    reason: str


def discover(raw_dir: Path) -> list[Path]:
    """The `*.txt` files directly in `raw_dir`, in a stable order."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such directory (pass --raw DIR with your .txt articles)")
    return sorted(p for p in raw_dir.glob(ARTICLE_GLOB) if p.is_file() or p.is_symlink())


def article_id_of(path: Path) -> str:
    return path.stem


def decode_text(data: bytes) -> str:
    """Decode UTF-8 with universal newlines, exactly as `open(path, encoding="utf-8").read()` does,
    so that offsets computed on the result are offsets into what users get from that call."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


def read_article(path: Path) -> Article | Rejected:
    """Read one file; any reason it cannot be processed becomes a `Rejected` naming that reason."""
    article_id = article_id_of(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejected(article_id, str(path), None, f"unreadable: {exc.strerror or exc}")
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        return Rejected(article_id, str(path), digest, f"not UTF-8 text (byte {exc.start}: {exc.reason})")
    if not text.strip():
        return Rejected(article_id, str(path), digest, "empty: no text to extract from")
    return Article(article_id, str(path), digest, text)
