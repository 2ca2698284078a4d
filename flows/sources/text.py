"""The plain-text readers: `*.txt` and `*.md`, taken exactly as decoded (for a UTF-8 file, exactly what
`open(path, encoding="utf-8").read()` returns), so offsets index the file's own text.

Page boilerplate in a saved page (paywall prompts, share lines, link lists...) is not removed from the text,
only excluded from extraction (`boilerplate.py`); markup is neither stripped nor rewritten.
"""

from __future__ import annotations

import re

from flows.sources.base import Document, Metadata
from flows.sources.encoding import decode_bytes

SAMPLE_CHARS = 50_000
_HTML = re.compile(
    r"<!doctype\s+html|<html[\s>]|</?(?:head|body|div|p|span|a|br|script|style|meta|table|li|h[1-6])\b[^<>]*>",
    re.IGNORECASE,
)
# A doctype or <html> tag makes a text HTML at once; otherwise this many opening or closing tags do.
MIN_HTML_TAGS = 5
TITLE_MAX_CHARS = 200
_TITLE_MARKUP = re.compile(r"^[#*_>\s]+|[*_\s]+$")


class TextReader:
    """`.txt` files: the text as decoded; chosen by name (any other format's content wins over it)."""

    name = "txt"
    suffixes: tuple[str, ...] = (".txt",)

    def claims(self, text: str) -> bool:
        return False

    def documents(self, text: str) -> list[Document]:
        return [Document(text, Metadata(format=self.name))]  # title: the first line outside boilerplate


class MarkdownReader(TextReader):
    """`.md` files: like `.txt`; link targets and images are excluded from extraction as boilerplate."""

    name = "md"
    suffixes: tuple[str, ...] = (".md", ".markdown")


def decode_text(data: bytes) -> str:
    """Decode UTF-8 with universal newlines, exactly as `open(path, encoding="utf-8").read()` does."""
    return decode_bytes(data, "utf-8")


def first_line_title(text: str) -> str | None:
    """The first non-empty line, without Markdown heading or emphasis marks, when it is title-sized."""
    for line in text.lstrip("\ufeff").split("\n"):
        title = _TITLE_MARKUP.sub("", line)
        if title:
            return title if len(title) <= TITLE_MAX_CHARS else None
    return None


def looks_like_html(text: str) -> bool:
    tags = _HTML.findall(text[:SAMPLE_CHARS])
    return any(t.lower().startswith(("<!doctype", "<html")) for t in tags) or len(tags) >= MIN_HTML_TAGS
