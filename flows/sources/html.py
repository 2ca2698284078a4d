"""The web-page reader (`*.html`, `*.htm`, or any file whose content is an HTML page): trafilatura keeps
the article's main text and reads its metadata (title, author, site name, URL, publication date).

Navigation, footers, asides and most boxes are left out by trafilatura; what it keeps of a box ("Lire
aussi : ..." lines, a paywall prompt) is caught by the boilerplate lines (`boilerplate.py`). Offsets index
the text built here, which is stored with the curated tables: the title and the standfirst (the page's
description) when the main text lacks them (they are the article's own words, and trafilatura often leaves
them out of the body), then the main text, one paragraph a line.
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
_BY = re.compile(r"^\s*(?:par|by)\s+", re.IGNORECASE)
_DATE_WORDS = re.compile(r"\b(?:publi|mis à jour|mise à jour|modifi|actualis)", re.IGNORECASE)
# Dates from the page's markup (meta tags, <time>, dated elements, URL), not a guess from its whole text.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


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
        head = [line for line in (title, (page.description or "").strip()) if line and line not in body[:2000]]
        body = "\n".join([*head, body])
        meta = Metadata(
            title=title, author=author_of(page.author), url=page.url or None,
            source=page.sitename or page.hostname or host_of(page.url), language=declared_language(text),
            published=page.date or None, published_from="metadata" if page.date else None, format=self.name,
        )
        return [Document(body, meta)]


def clean_lines(text: str) -> str:
    """One paragraph a line, no trailing spaces, no blank lines at either end."""
    lines = (line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(lines).strip("\n")


def author_of(byline: str | None) -> str | None:
    """The author's name from trafilatura's byline ("Par Yann Le Goff; Publié le ; Mis à jour le")."""
    names = [_BY.sub("", part).strip() for part in (byline or "").split(";")]
    return "; ".join(n for n in names if n and not _DATE_WORDS.search(n)) or None


def declared_language(html: str) -> str | None:
    match = _LANG.search(html[:20_000])
    return (match["a"] or match["b"]).lower() if match else None


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
