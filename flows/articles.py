"""Discovering and reading input articles (the only place that reads `raw/`).

Every discovered file ends as an `Article` or a `Rejected` with a reason a user can act on; nothing
is dropped silently. Checks, in order: readable, not too large, not binary, UTF-8, not empty, not
HTML, French. Rejected rather than repaired, because offsets must index the file's text exactly as
`open(path, encoding="utf-8").read()` returns it (CONTRACT.md), which decoding another charset or
stripping tags would break.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ARTICLE_GLOB = "*.txt"
# Larger files are refused before reading; a 20 MB article is processed in paragraph chunks.
MAX_ARTICLE_BYTES = 256 * 1024 * 1024
# How much of the file the binary, HTML and language checks look at.
SAMPLE_BYTES = 64 * 1024
SAMPLE_CHARS = 50_000
# Control characters (other than tab, newlines, form feed) above this share mean "not text".
MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML = re.compile(
    r"<!doctype\s+html|<html[\s>]|</?(?:head|body|div|p|span|a|br|script|style|meta|table|li|h[1-6])\b[^<>]*>",
    re.IGNORECASE,
)
# A doctype or <html> tag rejects at once; otherwise this many opening or closing tags do.
MIN_HTML_TAGS = 5
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Frequent function words per language. Used only to catch clearly non-French files, so words that
# are also common French words ("on", "an", "or" in English) are left out.
_FUNCTION_WORDS: dict[str, str] = {
    "fr": """le les des du et est dans pour qui sur au aux avec ce ces cette il ils elle elles pas plus
        ou mais nous vous leur leurs sont été être une d l qu à où aussi selon dont fait entre très sa ses son
        même lors après avant chez sans sous depuis été avoir ont""",
    "en": """the of and to in is that for with as by it are was be this from at have has which
        will their they its were been would not but also said more than into about""",
    "de": """der die das und ist nicht mit den dem ein eine einen zu auf für von im sich auch werden
        wird sind hat oder bei nach wie dass""",
    "es": """el los las y del por con para una es lo como pero sus al más este esta fue son han sobre
        también entre desde según cuando donde muy hay ya año""",
    "it": """il di che gli della delle dei degli per con non sono è nel nella alla anche più come
        questo questa ha stato essere""",
    "pt": """os das dos em não uma com para mais como foi são pelo pela também seu sua ao à entre
        isso está""",
}


def disjoint_words(words: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each language's words minus those of any other language: a word shared by two languages
    ("de", "la", "en", "que") tells nothing about which one a text is in."""
    sets = {lang: frozenset(text.split()) for lang, text in words.items()}
    seen = Counter(w for vocab in sets.values() for w in vocab)
    return {lang: frozenset(w for w in vocab if seen[w] == 1) for lang, vocab in sets.items()}


FUNCTION_WORDS = disjoint_words(_FUNCTION_WORDS)
_WORD = re.compile(r"[^\W\d_]+")
# At least this many function-word hits in the winning language before any verdict (short texts pass).
MIN_LANGUAGE_HITS = 8
# Another language must beat French this many times over to reject (French articles quote English).
LANGUAGE_MARGIN = 3.0


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
    """The `*.txt` files directly in `raw_dir`, in a stable order (dangling symlinks included: they get a row)."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"{raw_dir}: no such directory (pass --raw DIR with your .txt articles)")
    return sorted(p for p in raw_dir.glob(ARTICLE_GLOB) if p.is_file() or p.is_symlink())


def article_id_of(path: Path) -> str:
    return path.stem


def decode_text(data: bytes) -> str:
    """Decode UTF-8 with universal newlines, exactly as `open(path, encoding="utf-8").read()` does,
    so that offsets computed on the result are offsets into what users get from that call."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


def read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or why they cannot be had."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return f"too large: {size} bytes > {MAX_ARTICLE_BYTES} (split the file into articles)"
        return path.read_bytes()
    except FileNotFoundError:
        return "disappeared: no such file when it was read (deleted or moved during the run, or a dangling link)"
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"


def binary_reason(data: bytes) -> str | None:
    head = data[:SAMPLE_BYTES]
    if head.startswith(UTF16_BOMS):
        return "not UTF-8 text: UTF-16 (convert it with `iconv -f UTF-16 -t UTF-8`)"
    if b"\x00" in head:
        return "binary: NUL bytes, not a text file"
    controls = len(_CONTROL.findall(head.decode("latin-1")))
    if controls > MAX_CONTROL_SHARE * len(head):
        return f"binary: {controls} control bytes in the first {len(head)}, not a text file"
    return None


def legacy_encoding(data: bytes) -> str:
    """The 8-bit charset a non-UTF-8 text file most likely uses: bytes 0x80–0x9F are printable
    (€ ’ “ …) in cp1252 and control codes in latin-1."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"


def undecodable_reason(data: bytes, exc: UnicodeDecodeError) -> str:
    encoding = legacy_encoding(data)
    return (f"not UTF-8 text (byte {exc.start}: {exc.reason}); looks like {encoding}: convert it with "
            f"`iconv -f {encoding} -t UTF-8` (offsets index the UTF-8 text)")


def html_reason(text: str) -> str | None:
    tags = _HTML.findall(text[:SAMPLE_CHARS])
    if any(t.lower().startswith(("<!doctype", "<html")) for t in tags) or len(tags) >= MIN_HTML_TAGS:
        return "HTML, not plain text: save the article as text (stripping tags here would break the offsets)"
    return None


def language_scores(text: str) -> Counter[str]:
    """Function-word hits per language over the start of the text."""
    words = Counter(w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS]))
    return Counter({lang: sum(words[w] for w in vocab) for lang, vocab in FUNCTION_WORDS.items()})


def language_reason(text: str) -> str | None:
    scores = language_scores(text)
    lang, hits = scores.most_common(1)[0]
    if lang == "fr" or hits < MIN_LANGUAGE_HITS or hits < LANGUAGE_MARGIN * scores["fr"]:
        return None
    return f"not French (looks like {lang}: {hits} {lang} function words vs {scores['fr']} French)"


def text_reason(text: str) -> str | None:
    if not text.strip():
        return "empty: no text to extract from"
    return html_reason(text) or language_reason(text)


def read_article(path: Path) -> Article | Rejected:
    """Read one file; any reason it cannot be processed becomes a `Rejected` naming that reason."""
    article_id = article_id_of(path)
    data = read_bytes(path)
    if isinstance(data, str):
        return Rejected(article_id, str(path), None, data)
    digest = hashlib.sha256(data).hexdigest()
    reason = binary_reason(data)
    if reason is None:
        try:
            text = decode_text(data)
        except UnicodeDecodeError as exc:
            reason = undecodable_reason(data, exc)
        else:
            reason = text_reason(text)
    if reason is not None:
        return Rejected(article_id, str(path), digest, reason)
    return Article(article_id, str(path), digest, text)


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
