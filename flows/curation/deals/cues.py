"""The deal cue words (`extractors/data/deals.json`) and how a text is searched for them.

Texts and cues are folded (`extractors.text.fold_key`: lower case, no accents, apostrophes and
hyphens as spaces); a cue matches at the start of a word, so `invest` matches "investira" (or,
with `whole`, only as whole words: "il" is not "illustre").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from extractors.rules import load_json
from extractors.text import fold_key


@cache
def rules() -> dict[str, Any]:
    return load_json("deals.json")


@cache
def _pattern(cues: tuple[str, ...], whole: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(fold_key(c)) for c in sorted(cues, key=len, reverse=True) if fold_key(c))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})" + (r"(?![a-z0-9])" if whole else ""))


@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """`fold_key(text)`, remembered: every unit of a sentence searches it for a dozen cue lists."""
    return fold_key(text)


def found(text: str, cues: Iterable[str], *, whole: bool = False) -> re.Match[str] | None:
    """The first cue in `text` (raw or folded), or None; `whole`: cues are whole words, not prefixes."""
    cues = tuple(cues)
    return _pattern(cues, whole).search(folded(text)) if cues else None


def first_label(text: str, table: Sequence[tuple[str, Sequence[str]]]) -> str | None:
    """The label of the first (label, cues) row with a cue in `text`."""
    return next((label for label, cues in table if found(text, cues)), None)
