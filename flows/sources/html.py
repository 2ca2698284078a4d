"""The web-page reader (`*.html`, `*.htm`, or any file whose content is an HTML page): trafilatura keeps
the article's main text and reads its metadata (title, author, site name, URL, publication date).

Navigation, footers, asides and most boxes are left out by trafilatura; what it keeps of a box ("Lire
aussi : ..." lines, a paywall prompt) is caught by the boilerplate lines (`boilerplate.py`). Offsets index
the text built here (the page's title when the main text does not start with it, then the main text), which
is stored with the curated tables.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import trafilatura

from flows.sources.base import Document, Metadata, Unusable
from flows.sources.text import looks_like_html

_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?(?P<a>[A-Za-z]{2,3})"""
    r"""|<meta\b[^>]*?(?:og:locale|content-language)["'][^>]*?content\s*=\s*["']?(?P<b>[A-Za-z]{2,3})""",
    re.IGNORECASE,
)
# Dates from the page's markup (meta tags, <time>, dated elements, URL), not a guess from its whole text.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# The title counts as already present when it is in the first lines of the main text.
TITLE_LINES = 3


class HtmlReader:
    name = "html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def claims(self, text: str) -> bool:
        return looks_like_html(text)

    def documents(self, text: str) -> list[Document]:
        page = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, date_extraction_params=DATE_PARAMS,
        )
        body = clean_lines(page.text if page is not None and page.text else "")
        if not body:
            raise Unusable("HTML page without a main text (trafilatura found no article body)")
        title = (page.title or "").strip() or None
        if title and title not in body.split("\n", TITLE_LINES)[:TITLE_LINES]:
            body = f"{title}\n{body}"
        meta = Metadata(
            title=title, author=page.author or None, url=page.url or None,
            source=page.sitename or page.hostname or host_of(page.url), language=declared_language(text),
            published=page.date or None, published_from="metadata" if page.date else None, format=self.name,
        )
        return [Document(body, meta)]


def clean_lines(text: str) -> str:
    """One paragraph a line, no trailing spaces, no blank lines at either end."""
    lines = (line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(lines).strip("\n")


def declared_language(html: str) -> str | None:
    match = _LANG.search(html[:20_000])
    return (match["a"] or match["b"]).lower() if match else None


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
