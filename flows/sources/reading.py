"""Finding and reading input files (the only place that reads the raw folder).

Every discovered file ends as `Article`s or `Rejected`s with a reason a user can act on; nothing is
dropped silently. Checks, in order: readable, not too large, decodable (`encoding.py`), the format (by
content first: a JSON or HTML content is read as such whatever the file's name; else by the name, see
`READERS`), then for each article the file holds: not empty, French. A reader per format sits behind one
interface (`base.Reader`): adding a format is one reader class added to `READERS`. Each article then gets
its publication date (`published.py`) and its boilerplate ranges (`boilerplate.py`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from flows.settings import Settings
from flows.sources.base import Article, Document, Metadata, Reader, Rejected, Unusable
from flows.sources.boilerplate import blanked, boilerplate_ranges
from flows.sources.encoding import decode
from flows.sources.html import HtmlReader
from flows.sources.language import language_reason
from flows.sources.published import published_date
from flows.sources.records import JsonLinesReader, RecordReader
from flows.sources.safety import open_regular, read_capped, safe_name
from flows.sources.text import MarkdownReader, TextReader, first_line_title

# Content claims are tried in this order (JSON, JSON Lines, HTML); plain text never claims, it is taken by name.
READERS: tuple[Reader, ...] = (RecordReader(), JsonLinesReader(), HtmlReader(), TextReader(), MarkdownReader())
# Larger files are refused before reading; a 20 MB article is processed in paragraph chunks.
MAX_ARTICLE_BYTES = 256 * 1024 * 1024


def suffix_of(path: Path) -> str:
    """The name's last suffix in lower case (`.TXT` is a `.txt`); a name that is only a suffix (`.txt`)
    has it too, unlike `Path.suffix`."""
    name = path.name
    return "." + name.rsplit(".", 1)[1].lower() if "." in name and not name.endswith(".") else ""


def reader_for(path: Path, readers: Sequence[Reader] = READERS) -> Reader | None:
    suffix = suffix_of(path)
    return next((r for r in readers if suffix in r.suffixes), None) if suffix else None


def discover(raw_dir: Path, readers: Sequence[Reader] = READERS) -> list[Path]:
    """Every entry directly in `raw_dir` named for a reader, in a stable order: files, and also links
    (dangling or not), FIFOs, devices and folders, which get a row saying why they are not read.
    `raw_dir` may also be one file."""
    if raw_dir.is_file():
        if reader_for(raw_dir, readers) is None:
            raise ValueError(f"{raw_dir}: no reader for {raw_dir.suffix or 'files without a suffix'!r} "
                             f"(takes {', '.join(s for r in readers for s in r.suffixes)})")
        return [raw_dir]
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such directory (pass --raw DIR with your .txt articles)")
    return sorted(p for p in raw_dir.iterdir() if reader_for(p, readers) is not None)


def article_id_of(path: Path) -> str:
    """The file name without its suffix (the whole name when nothing is left), made safe (`safe_name`)."""
    suffix = suffix_of(path)
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    return safe_name(stem or path.name)


def stored_path(path: Path) -> str:
    """What `articles.path` holds: the path relative to the raw folder (the file's name, as discovery does
    not descend into sub-folders; for `--raw FILE`, that file's name), made safe like an id, so the tables
    do not change when the raw folder is moved or mounted elsewhere."""
    return safe_name(path.name)


def read_bytes(path: Path, settings: Settings | None = None) -> bytes | str:
    """The file's bytes, or why they cannot be had (only regular files, and links as `follow_links` allows,
    are read; within `read_timeout`)."""
    settings = settings or Settings.from_env()
    try:
        fd = open_regular(path, settings.follow_links)
        return fd if isinstance(fd, str) else read_capped(fd, MAX_ARTICLE_BYTES, settings.read_timeout)
    except FileNotFoundError:
        return "disappeared: no such file when it was read (deleted or moved during the run, or a dangling link)"
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"


def text_reason(text: str) -> str | None:
    if not text.strip():
        return "empty: no text to extract from"
    return language_reason(text)


def choose_reader(path: Path, text: str, readers: Sequence[Reader] = READERS) -> Reader | None:
    """The reader of the file's name when its content fits it, else the first whose content claim holds,
    else the reader of the name (which then says what is wrong)."""
    by_name = reader_for(path, readers)
    if by_name is not None and by_name.claims(text):
        return by_name
    return next((r for r in readers if r.claims(text)), by_name)


def read_file(path: Path, readers: Sequence[Reader] = READERS) -> list[Article | Rejected]:
    """Every article in one file (one, or one per record), each an `Article` or a `Rejected` with its reason."""
    article_id = article_id_of(path)
    data = read_bytes(path)
    if isinstance(data, str):
        return [Rejected(article_id, stored_path(path), None, data)]
    digest = hashlib.sha256(data).hexdigest()
    encoding = reader = None
    try:
        text, encoding = decode(data)
        reader = choose_reader(path, text, readers)
        if reader is None:
            raise Unusable(f"unknown format {path.suffix!r}: no reader takes it")
        documents = reader.documents(text)
    except Unusable as exc:
        meta = Metadata(encoding=encoding, format=reader.name if reader else None)
        return [Rejected(article_id, stored_path(path), digest, str(exc), meta)]
    if not documents:
        return [Rejected(article_id, stored_path(path), digest, "empty: no article record in the file")]
    return [article_of(doc, path, digest, encoding) for doc in documents]


def article_of(doc: Document, path: Path, digest: str, encoding: str | None) -> Article | Rejected:
    article_id = article_id_of(path) if doc.key is None else f"{article_id_of(path)}#{doc.key}"
    digest = doc.sha256 or digest
    published, origin = published_date(doc.text, metadata=doc.meta.published, url=doc.meta.url)
    meta = replace(doc.meta, encoding=encoding, published=published, published_from=origin)
    reason = doc.reason or text_reason(doc.text)
    excluded = boilerplate_ranges(doc.text) if reason is None else ()
    visible = blanked(doc.text, excluded)
    if reason is None and not visible.strip():
        reason = "empty: only page boilerplate (menus, buttons, subscription prompts), no article text"
    meta = replace(meta, title=meta.title or first_line_title(visible))
    if reason is not None:
        return Rejected(article_id, stored_path(path), digest, reason, meta)
    return Article(article_id, stored_path(path), digest, doc.text, meta, excluded)


def read_article(path: Path, readers: Sequence[Reader] = READERS) -> Article | Rejected:
    """Read a file holding one article; any reason it cannot be processed becomes a `Rejected` naming it."""
    items = read_file(path, readers)
    if len(items) != 1:
        raise ValueError(f"{path} holds {len(items)} records: read it with read_file")
    return items[0]


def read_articles(paths: Iterable[Path]) -> list[Article | Rejected]:
    """Read every file; the same bytes under a second name become `duplicate of <first id>` and are not
    extracted again, so a fact is never counted twice nor looks confirmed by a copy of its own article.
    Two files with one id (`a.html` and `a.txt`) cannot both be kept: the later in the order of the paths
    is rejected under its whole file name."""
    items: list[Article | Rejected] = []
    first: dict[str, str] = {}
    paths_of: dict[str, str] = {}
    for path in paths:
        for item in read_file(path):
            if item.article_id in paths_of:  # the later file keeps its whole name as its id
                items.append(Rejected(Path(item.path).name, item.path, item.sha256,
                                      f"article id {item.article_id} is already {paths_of[item.article_id]}'s: "
                                      "rename one of the two files", item.meta))
                continue
            paths_of[item.article_id] = item.path
            if isinstance(item, Article):
                original = first.setdefault(item.sha256, item.article_id)
                if original != item.article_id:
                    item = Rejected(item.article_id, item.path, item.sha256,
                                    f"duplicate of {original} (identical bytes)", item.meta)
            items.append(item)
    return items
