"""The record readers (`*.json`, `*.jsonl`, `*.ndjson`, or any file whose content is JSON or JSON Lines): articles
as scrapers write them, news-please style.

A `.json` file holds one record (an object) or a list of them; a JSON Lines file one record per line. A
record's text is its title, its description (the standfirst) and its main text (`maintext`, else `text`,
`content`, `body`, `article`), one per line, so offsets index that text, which is stored with the curated
tables. Metadata: `title`, `url`, `source_domain`/`source`/`site_name`, `language`, `date_publish`/
`published`/`date`, `authors`/`author`. A record of a list or a JSON Lines file is `<file stem>#<n>` (its
position, 1-based: the line number for JSON Lines) and is rejected alone when unusable.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from flows.sources.base import Document, Metadata, Unusable
from flows.sources.html import clean_lines, host_of

TEXT_FIELDS = ("maintext", "text", "content", "body", "article", "article_body", "articleBody")
DESCRIPTION_FIELDS = ("description", "summary", "lead", "standfirst")
SOURCE_FIELDS = ("source_domain", "source", "site_name", "sitename", "publisher", "domain")
DATE_FIELDS = ("date_publish", "published", "date_published", "datePublished", "publication_date", "pubdate",
               "date")
AUTHOR_FIELDS = ("authors", "author", "byline")
_DATE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
_FIRST_LINE = re.compile(r"\S[^\n]*")


class RecordReader:
    """`.json`: one record (an object) or a list of records."""

    name = "json"
    suffixes: tuple[str, ...] = (".json",)

    def claims(self, text: str) -> bool:
        body = text.lstrip("\ufeff \t\r\n")
        return body.startswith(("{", "[")) and loads_or_none(body) is not None

    def documents(self, text: str) -> list[Document]:
        try:
            value = json.loads(text.lstrip("\ufeff"))
        except ValueError as exc:
            raise Unusable(f"invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
        if isinstance(value, dict):
            return [record_document(value, None, None)]
        if isinstance(value, list) and value:
            return [record_document(item, str(n), canonical_hash(item)) for n, item in enumerate(value, 1)]
        raise Unusable("JSON without an article record (expected an object or a list of objects)")


class JsonLinesReader:
    """`.jsonl`: one record a line (`<stem>#<line number>`); a bad line is rejected alone."""

    name = "jsonl"
    suffixes: tuple[str, ...] = (".jsonl", ".ndjson")

    def claims(self, text: str) -> bool:
        first = _FIRST_LINE.search(text.lstrip("\ufeff"))
        return first is not None and isinstance(loads_or_none(first.group()), dict)

    def documents(self, text: str) -> list[Document]:
        return json_lines(text.lstrip("\ufeff").split("\n"))


def json_lines(lines: list[str]) -> list[Document]:
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        key, digest = str(number), hashlib.sha256(line.encode("utf-8", "surrogatepass")).hexdigest()
        try:
            value = json.loads(line)
        except ValueError as exc:
            out.append(Document("", Metadata(format="jsonl"), key, digest,
                                f"invalid JSON on line {number} (column {exc.colno}: {exc.msg})"))
            continue
        out.append(record_document(value, key, digest, fmt="jsonl"))
    return out


def loads_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def canonical_hash(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
                          ).hexdigest()


def first_string(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(v for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def record_document(record: Any, key: str | None, digest: str | None, fmt: str = "json") -> Document:
    if not isinstance(record, dict):
        return Document("", Metadata(format=fmt), key, digest, f"not an article record: a JSON {type(record).__name__}")
    main = first_string(record, TEXT_FIELDS)
    if main is None:
        fields = "/".join(TEXT_FIELDS[:3])
        return Document("", Metadata(format=fmt), key, digest, f"record without a text ({fields}...)")
    title, description = first_string(record, ("title",)), first_string(record, DESCRIPTION_FIELDS)
    parts = [p for p in (title, description) if p and p not in main[: len(p) + 200]]
    text = clean_lines("\n".join([*parts, main]))
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        reason = "record text holds unpaired surrogates (broken \\u escapes)"
        return Document("", Metadata(format=fmt), key, digest, reason)
    url = first_string(record, ("url", "link", "canonical_url"))
    published = iso_date(first_string(record, DATE_FIELDS))
    meta = Metadata(
        title=title, author=first_string(record, AUTHOR_FIELDS), url=url,
        source=first_string(record, SOURCE_FIELDS) or host_of(url),
        language=(first_string(record, ("language", "lang")) or "").lower()[:2] or None,
        published=published, published_from="metadata" if published else None, format=fmt,
    )
    return Document(text, meta, key, digest)


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD (or YYYY-MM) from an ISO-like date ("2025-05-19 09:31:00", "2025-05-19T09:31:00Z")."""
    match = _DATE.match(value or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"
