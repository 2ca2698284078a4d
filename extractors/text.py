"""The text-normalisation toolkit every extractor shares: one definition of a space, an apostrophe,
a folded key and a phrase trie, so a word in a data file is matched the same way by every grammar.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is not imported by the text-only users of this toolkit
    from spacy.tokens import Doc

# Any whitespace but a line break (NBSP, narrow NBSP, thin space, tab...): a figure, a name or a
# date never runs across lines unless a grammar says so.
HSPACE = r"[^\S\n]"
# Thousands separators in a written number ("1 250 000"): a space, NBSP or narrow NBSP, never a tab.
GROUP_SPACE = "[ \u00a0\u202f]"
# Every character French web text uses as an apostrophe.
APOSTROPHES = "'’ʼ`"
APOSTROPHE = f"[{APOSTROPHES}]"
_TO_PLAIN_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))


_TEXT_KEY = "infrafacts_text"
_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]")


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc: the property joins every token on each access, and every extractor
    reads the whole text. Kept in `doc.user_data`; `remember_text` stores the string the doc was made from."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Let `doc_text` answer with `text`, the string `doc` was made from (equal to `doc.text`)."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def normalize_phrase(text: str) -> str:
    """Apostrophes as ', any run of spaces as one space, no edge spaces (case kept): the lookup key
    of a matched phrase in a data table."""
    return " ".join(text.translate(_TO_PLAIN_APOSTROPHE).split())


class _Unmarked(dict[int, str]):
    """`str.translate` table: each character as NFKD decomposes it, without its combining marks. NFKD
    decomposes character by character and only reorders the combining marks dropped here, so translating
    a text equals decomposing it whole; each character is worked out once, on first sight."""

    def __missing__(self, code: int) -> str:
        kept = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        self[code] = kept
        return kept


_UNMARKED = _Unmarked()


def without_marks(text: str) -> str:
    """`text` decomposed (NFKD) without its combining marks ("Élysée" -> "Elysee", "ﬁ" -> "fi"), case kept."""
    return text.translate(_UNMARKED)


@lru_cache(maxsize=1 << 16)  # the same names are folded again and again (org rules: ~1,000 calls per article)
def fold_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key ("Gaia-X" -> "gaia x"): how names are compared,
    by the organisation rules and by the scorer (SCORING.md)."""
    if text.isascii():  # the same key without the per-character pass: no accents, casefold is lower
        return " ".join(_NOT_ASCII_ALNUM.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


def trie_regex(entries: Iterable[tuple[Sequence[str], str]]) -> str:
    """One regex alternation for many phrases, factorised on common prefixes.

    Each entry is (the phrase as regex atoms, what must follow where it ends). `re` tries an
    alternation branch by branch at every position, so a flat list of hundreds of phrases is slow
    over a whole article; a prefix tree keeps matching near-linear. Longer phrases are tried first.
    """
    trie: dict[str, dict] = {}
    for atoms, end in entries:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = end  # type: ignore[assignment]
    return _emit(trie)[0]


def _emit(node: dict[str, dict]) -> tuple[str, int]:
    """The regex of a trie node and the node's depth (returned with it, not walked again per parent: the org
    gazetteer's trie is ~5,000 nodes and is built in every worker before its first article)."""
    children = sorted(((key, *_emit(node[key])) for key in node if key), key=lambda child: -child[2])
    branches = [key + regex for key, regex, _ in children]
    if "" in node:
        branches.append(node[""])  # type: ignore[arg-type]  # the phrase ending here, after the longer ones
    regex = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return regex, 1 + max((depth for _, _, depth in children), default=0)

# Characters that change nothing a reader sees: format characters (zero-width spaces and joiners, bidi
# marks, soft hyphens, byte-order marks, tags) and NUL. Inside "4\u200b0 milliards" they would split a
# number or a word for every grammar, so extractors are given the text without them (`VisibleText`).
_INVISIBLE = "\x00" + "".join(
    chr(c) for c in (*range(0x10000), *range(0xE0000, 0xE0080)) if unicodedata.category(chr(c)) == "Cf"
)
_INVISIBLE_RE = re.compile(f"[{re.escape(_INVISIBLE)}]")
_INVISIBLE_SET = frozenset(_INVISIBLE)  # a set test over the text is 6x faster than the regex finding nothing


class VisibleText:
    """`original` without its invisible characters, and the way back: offsets found in `text` map to
    offsets in `original` that cover the same visible characters."""

    __slots__ = ("original", "removed_at", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        # Where, in `text`, each removed character was (non-decreasing): the k-th one at its index - k.
        self.removed_at = [] if _INVISIBLE_SET.isdisjoint(original) else [
            m.start() - k for k, m in enumerate(_INVISIBLE_RE.finditer(original))]
        self.text = _INVISIBLE_RE.sub("", original) if self.removed_at else original

    def position(self, index: int) -> int:
        """Where the character at `text[index]` is in `original`."""
        return index + bisect.bisect_right(self.removed_at, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The range of `original` holding `text[start:end]` (invisible characters inside it included)."""
        if not self.removed_at:
            return start, end
        if end <= start:
            return (self.position(start),) * 2
        return self.position(start), self.position(end - 1) + 1
