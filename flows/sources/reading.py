"""Finding and reading input files (the only place that reads the raw folder).

Every discovered file ends as an `Article` or a `Rejected` with a reason a user can act on; nothing is
dropped silently. Checks, in order: readable, not too large, decodable by the reader of its format (see
`READERS`), not empty, French. A reader per format sits behind one interface (`base.Reader`): adding a
format is one reader class added to `READERS`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from flows.sources.base import Article, Reader, Rejected, Unusable
from flows.sources.language import language_reason
from flows.sources.safety import open_regular, read_capped, shown
from flows.sources.text import TextReader

READERS: tuple[Reader, ...] = (TextReader(),)
# Larger files are refused before reading; a 20 MB article is processed in paragraph chunks.
MAX_ARTICLE_BYTES = 256 * 1024 * 1024


def reader_for(path: Path, readers: Sequence[Reader] = READERS) -> Reader | None:
    suffix = path.suffix.lower()
    return next((r for r in readers if suffix in r.suffixes), None)


def discover(raw_dir: Path, readers: Sequence[Reader] = READERS) -> list[Path]:
    """Every entry directly in `raw_dir` named for a reader, in a stable order: files, and also links
    (dangling or not), FIFOs, devices and folders, which get a row saying why they are not read."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such directory (pass --raw DIR with your .txt articles)")
    return sorted(p for p in raw_dir.iterdir() if reader_for(p, readers) is not None)


def article_id_of(path: Path) -> str:
    return shown(path.stem)


def read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or why they cannot be had (only regular files in the raw folder are read)."""
    try:
        fd = open_regular(path)
        return fd if isinstance(fd, str) else read_capped(fd, MAX_ARTICLE_BYTES)
    except FileNotFoundError:
        return "disappeared: no such file when it was read (deleted or moved during the run, or a dangling link)"
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"


def text_reason(text: str) -> str | None:
    if not text.strip():
        return "empty: no text to extract from"
    return language_reason(text)


def read_article(path: Path, readers: Sequence[Reader] = READERS) -> Article | Rejected:
    """Read one file; any reason it cannot be processed becomes a `Rejected` naming that reason."""
    article_id = article_id_of(path)
    data = read_bytes(path)
    if isinstance(data, str):
        return Rejected(article_id, shown(str(path)), None, data)
    digest = hashlib.sha256(data).hexdigest()
    reader = reader_for(path, readers)
    if reader is None:
        return Rejected(article_id, shown(str(path)), digest, f"unknown format {path.suffix!r}: no reader takes it")
    try:
        text = reader.decode(data)
    except Unusable as exc:
        return Rejected(article_id, shown(str(path)), digest, str(exc))
    reason = text_reason(text)
    if reason is not None:
        return Rejected(article_id, shown(str(path)), digest, reason)
    return Article(article_id, shown(str(path)), digest, text)


def read_articles(paths: Iterable[Path]) -> list[Article | Rejected]:
    """Read every file; the same bytes under a second name become `duplicate of <first id>` and are not
    extracted again, so a fact is never counted twice nor looks confirmed by a copy of its own article."""
    items: list[Article | Rejected] = []
    first: dict[str, str] = {}
    for path in paths:
        item = read_article(path)
        if isinstance(item, Article):
            original = first.setdefault(item.sha256, item.article_id)
            if original != item.article_id:
                item = Rejected(item.article_id, item.path, item.sha256, f"duplicate of {original} (identical bytes)")
        items.append(item)
    return items
