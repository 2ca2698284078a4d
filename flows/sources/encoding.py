"""Turning a file's bytes into text: which encoding, and when the detector is trusted.

The rule, in order:
1. A byte-order mark decides: UTF-8 (the mark is kept as U+FEFF, exactly as `open(path, encoding="utf-8")`
   keeps it), UTF-16 or UTF-32 (little or big endian).
2. No mark: NUL bytes beyond a stray one (more than `MAX_CONTROL_SHARE` of the sample) mean binary, with a
   hint when they look like UTF-16 without its mark; a few NULs in a valid UTF-8 text (a bad copy-paste,
   a truncated editor save) are kept as characters, which extraction ignores like other invisible ones. Bytes that
   decode as UTF-8 are UTF-8 (8-bit French text with accents is practically never valid UTF-8 by accident).
3. Otherwise charset-normalizer ranks the candidate charsets. Its verdict is trusted only when a Western
   European 8-bit reading (cp1252 / latin-1) is its best or as clean as its best (mess within
   `MESS_MARGIN`): on short French texts it often puts a sibling such as cp1250 or mac_latin2 first, which
   decode the same letters. Any other verdict (Cyrillic, Asian, none) is a rejection naming it. The
   decoded text must still pass the French check afterwards, which catches a wrong 8-bit guess.
   cp1252 and latin-1 only differ on bytes 0x80-0x9F (’ “ ” … € — in cp1252, control codes in latin-1):
   a file with such bytes is cp1252, one without is labelled latin-1 (both decode it identically).

Every decode uses universal newlines, as `open()` does, so offsets into a UTF-8 `.txt` file's text are
offsets into what `open(path, encoding="utf-8").read()` returns.
"""

from __future__ import annotations

import codecs
import io
import re

from charset_normalizer import from_bytes

from flows.sources.base import Unusable

SAMPLE_BYTES = 64 * 1024
# Control characters (other than tab, newlines, form feed) above this share mean "not text".
MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Longest marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
MESS_MARGIN = 0.02
_C1_BYTES = re.compile(rb"[\x80-\x9f]")


def decode_bytes(data: bytes, codec: str) -> str:
    """Decode with universal newlines, exactly as `open(path, encoding=codec).read()` does."""
    return io.TextIOWrapper(io.BytesIO(data), encoding=codec).read()


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the name of its encoding; raises `Unusable` with the reason."""
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            try:
                return checked(decode_bytes(data, codec)), label
            except UnicodeDecodeError as exc:
                raise Unusable(f"not {label} text despite its byte-order mark (byte {exc.start}: {exc.reason})") \
                    from None
    head = data[:SAMPLE_BYTES]
    if head.count(0) > MAX_CONTROL_SHARE * len(head):
        raise Unusable(nul_reason(head))
    try:
        return checked(decode_bytes(data, "utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        if b"\x00" in head:  # a few NULs are tolerated in UTF-8 text only: with other odd bytes, binary
            raise Unusable(nul_reason(head)) from None
        codec = legacy_codec(data, exc)
    return checked(decode_bytes(data, codec)), codec


def nul_reason(head: bytes) -> str:
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if max(odd, even) > 0.3 * len(head) / 2 and min(odd, even) < 0.05 * len(head) / 2:
        order = "LE" if odd > even else "BE"
        return (f"binary: looks like UTF-16 without a byte-order mark (convert it with "
                f"`iconv -f UTF-16{order} -t UTF-8`)")
    return "binary: NUL bytes, not a text file"


def checked(text: str) -> str:
    sample = text[:SAMPLE_BYTES]
    controls = len(_CONTROL.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise Unusable(f"binary: {controls} control characters in the first {len(sample)}, not a text file")
    return text


def legacy_codec(data: bytes, exc: UnicodeDecodeError) -> str:
    """cp1252 or latin-1 when the detector allows it (see the module rule); else `Unusable` naming its verdict."""
    matches = list(from_bytes(data[:SAMPLE_BYTES]))
    best = min((m.chaos for m in matches), default=None)
    western = [m for m in matches if m.encoding in WESTERN and best is not None and m.chaos <= best + MESS_MARGIN]
    if not western:
        found = matches[0].encoding if matches else None
        detected = f"detected {found}" if found else "no known charset fits"
        fix = f"convert it with `iconv -f {found} -t UTF-8`" if found else "re-save it as UTF-8"
        raise Unusable(f"not UTF-8 text (byte {exc.start}: {exc.reason}) and not cp1252/latin-1: {detected} ({fix})")
    if _C1_BYTES.search(data):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return "latin-1"
