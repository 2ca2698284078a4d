"""The text-normalisation toolkit every extractor shares: one definition of a space, an apostrophe,
a folded key and a phrase trie, so a word in a data file is matched the same way by every grammar.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

# Any whitespace but a line break (NBSP, narrow NBSP, thin space, tab...): a figure, a name or a
# date never runs across lines unless a grammar says so.
HSPACE = r"[^\S\n]"
# Thousands separators in a written number ("1 250 000"): a space, NBSP or narrow NBSP, never a tab.
GROUP_SPACE = "[ \u00a0\u202f]"
# Every character French web text uses as an apostrophe.
APOSTROPHES = "'’ʼ`"
APOSTROPHE = f"[{APOSTROPHES}]"
_TO_PLAIN_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))


def normalize_phrase(text: str) -> str:
    """Apostrophes as ', any run of spaces as one space, no edge spaces (case kept): the lookup key
    of a matched phrase in a data table."""
    return " ".join(text.translate(_TO_PLAIN_APOSTROPHE).split())


def fold_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key ("Gaia-X" -> "gaia x"): how names are compared,
    by the organisation rules and by the scorer (SCORING.md)."""
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
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    children = sorted((k for k in node if k), key=lambda k: -_depth(node[k]))
    branches = [key + _emit(node[key]) for key in children]
    if "" in node:
        branches.append(node[""])  # type: ignore[arg-type]  # the phrase ending here, after the longer ones
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _depth(node: dict[str, dict]) -> int:
    return 1 + max((_depth(child) for key, child in node.items() if key), default=0)

