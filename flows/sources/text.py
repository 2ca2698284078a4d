"""The plain-text reader (`*.txt`): UTF-8 French text, taken exactly as `open(path, encoding="utf-8").read()`
returns it.

Rejected rather than repaired: binary data, UTF-16, other charsets and HTML, because offsets must index
the file's text exactly as that call returns it (CONTRACT.md), which decoding another charset or
stripping tags would break.
"""

from __future__ import annotations

import io
import re

from flows.sources.base import Unusable

# How much of the file the binary and HTML checks look at.
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


class TextReader:
    """`.txt` files: UTF-8 with universal newlines; binary, other charsets and HTML are refused."""

    suffixes: tuple[str, ...] = (".txt",)

    def decode(self, data: bytes) -> str:
        reason = binary_reason(data)
        if reason is not None:
            raise Unusable(reason)
        try:
            text = decode_text(data)
        except UnicodeDecodeError as exc:
            raise Unusable(undecodable_reason(data, exc)) from None
        reason = html_reason(text)
        if reason is not None:
            raise Unusable(reason)
        return text


def decode_text(data: bytes) -> str:
    """Decode UTF-8 with universal newlines, exactly as `open(path, encoding="utf-8").read()` does,
    so that offsets computed on the result are offsets into what users get from that call."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


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


