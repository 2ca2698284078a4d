"""French number parsing shared by the money and power extractors.

Figures in digits ("1,25", "4.5", "1 250 000" with normal, no-break or thin spaces, "1,250,000")
or in words ("cinq", "deux cent cinquante", via text2num), and scale words or abbreviations
("milliard", "mille milliards", "billion", "Md", "M", "k", "bn"). Also the regex building blocks
both grammars share, so that a phrase in a data file is matched the same way everywhere.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from typing import Any

from text_to_num import text2num

from extractors.rules import load_json
from extractors.text import APOSTROPHE, APOSTROPHES, GROUP_SPACE, HSPACE, normalize_phrase, trie_regex

# A figure never spans two lines.
SPACE = HSPACE

# Thousands grouped by spaces ("1 250 000"), by commas ("1,250,000") or by dots ("1.250.000"),
# else plain digits; then an optional decimal part. Never starts inside a word or a number (H100).
DIGITS = (
    r"(?<![\w.,])(?:"
    rf"\d{{1,3}}(?:{GROUP_SPACE}\d{{3}})+(?!\d)"
    r"|\d{1,3}(?:,\d{3}){2,}(?!\d)|\d{1,3}(?:,\d{3})+(?=\.\d)"
    r"|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d{1,3}(?:\.\d{3})+(?=,\d)"
    r"|\d+"
    r")(?:[.,]\d+)?"
)

# After a phrase's first character: no letter before it (a digit may be: "4GW", "5bn").
_NO_LETTER_BEFORE_FIRST = r"(?<![^\W\d].)"
_LETTER_BEFORE_FIRST = r"(?<=[^\W\d].)"  # a code glued to the scale before it ("MCHF")
_WORD_END = r"(?![\w])"


def phrase_pattern(phrase: str) -> str:
    """Regex for one data-file phrase (see `alternation`)."""
    return alternation([phrase])


def alternation(phrases: Iterable[str], *, glued: bool = False) -> str:
    """One regex for data-file phrases: either apostrophe, any run of spaces, case as each says.

    A phrase with an uppercase letter (GW, Md, USD) matches with its exact case; others ignore
    case. Word-like phrases get boundaries so "an" never matches inside "plan" or "ans"; "*"
    stands for the rest of a word ("dépass*"). The phrases share a prefix tree: `re` tries an
    alternation branch by branch at every position, so a flat list of 60 phrases is slow on a
    whole article. Longer phrases are preferred. `glued`: each phrase must follow a letter instead
    ("CHF" in "38,2 MCHF").
    """
    entries = []
    for phrase in {p for p in phrases if p and not p.startswith("_")}:
        exact = any(c.isupper() for c in phrase)
        end = _WORD_END if phrase[-1].isalnum() or phrase.endswith("*") else ""
        rest = [_char_pattern(ch, exact) for ch in phrase[1:]]
        entries += [([first, *rest], end) for first in _first_keys(phrase[0], exact, glued)]
    return f"(?:{trie_regex(entries)})"


def _first_keys(ch: str, exact: bool, glued: bool = False) -> list[str]:
    """The first character as plain literals (both cases when case is ignored).

    `re` then scans for the set of first characters instead of trying every position; the
    "no letter before" test comes right after that character.
    """
    cases = [ch] if exact or ch.upper() == ch.lower() or len(ch.upper()) > 1 else [ch.lower(), ch.upper()]
    after = _LETTER_BEFORE_FIRST if glued else _NO_LETTER_BEFORE_FIRST if ch.isalnum() else ""
    return [re.escape(c) + after for c in cases]


def _char_pattern(ch: str, exact: bool) -> str:
    if ch == "*":
        return r"\w*"
    if ch in APOSTROPHES:
        return APOSTROPHE
    if ch == " ":
        return f"{SPACE}+"
    upper, lower = ch.upper(), ch.lower()
    if not exact and upper != lower and len(upper) == 1:
        return f"[{lower}{upper}]"
    return re.escape(ch)


_NUMBER_WORDS = (
    "zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante",
    "cinquante", "soixante", "cent", "cents", "mille",
)
_WORD = alternation(_NUMBER_WORDS)
# "et" joins number words only before un/une/onze ("vingt et un"); "cinq et six" is two figures.
WORDS = rf"{_WORD}(?:(?:-|{SPACE}+)(?:[eE][tT](?:-|{SPACE}+)(?=(?i:un|une|onze)\b))?{_WORD})*"
NUMBER = f"(?:{DIGITS}|{WORDS})"


class PhraseTable:
    """A data table looked up by matched text: exact-case keys first (M vs m), then any case.

    Apostrophe and space variants of a phrase fold to the same key.
    """

    def __init__(self, table: dict[str, Any]) -> None:
        items = [(k, v) for k, v in table.items() if not k.startswith("_")]
        self.table = dict(items)
        self.phrases = list(self.table)
        self._exact = {normalize_phrase(k): v for k, v in items if any(c.isupper() for c in k)}
        self._loose = {normalize_phrase(k).lower(): v for k, v in items}

    def get(self, text: str) -> Any:
        key = normalize_phrase(text)
        if key in self._exact:
            return self._exact[key]
        return self._loose.get(key.lower())

    def pattern(self) -> str:
        return alternation(self.phrases)


_MONEY = load_json("money.json")
SCALE_WORDS = PhraseTable(_MONEY["scale_words"])
SCALE_ABBREVIATIONS: dict[str, float] = {k: float(v) for k, v in _MONEY["scale_abbreviations"].items()}
SCALE_WORD = SCALE_WORDS.pattern()
_ABBREVIATIONS = "(?:" + "|".join(re.escape(a) for a in sorted(SCALE_ABBREVIATIONS, key=len, reverse=True)) + ")"
# An abbreviation is glued to a currency or the end of the figure ("Md€", "5bn", "M$").
SCALE_ABBREVIATION = _ABBREVIATIONS + r"(?![\w])"


def glued_scale(followed_by: str) -> str:
    """A scale abbreviation glued to a word that follows it ("MCHF", "MEUR": millions of francs, of euros)."""
    return f"{_ABBREVIATIONS}(?={followed_by})"

SCALE = f"(?:{SCALE_WORD}|{SCALE_ABBREVIATION})"

_AMOUNT_RE = re.compile(rf"({NUMBER})(?:{SPACE}*({SCALE}))?")
_SPACES = re.compile(r"\s")  # NBSP and thin NBSP included


def parse_digits(text: str, *, scaled: bool = False, decimal_comma: bool = False) -> float:
    """A figure written in digits, French or English style.

    With both "," and "." the last one is the decimal mark. A single mark followed by exactly three
    digits groups thousands ("$1,000", "1.000 €") unless a scale word follows ("1,250 milliard"), or,
    for a comma, unless the caller knows the figure is written the French way (`decimal_comma`: "9,875 $").
    """
    s = _SPACES.sub("", text)
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        group = "." if decimal == "," else ","
        return float(s.replace(group, "").replace(decimal, "."))
    for mark in ",.":
        if mark in s:
            head, _, tail = s.rpartition(mark)
            grouped = len(tail) == 3 and not scaled and head != "0" and not (decimal_comma and mark == ",")
            if s.count(mark) > 1 or grouped:
                return float(s.replace(mark, ""))
            return float(f"{head}.{tail}")
    return float(s)


def parse_words(text: str) -> float | None:
    """A figure in French words ("cinq", "deux cent cinquante", "une"), None if it is not one."""
    words = _SPACES.sub(" ", text.lower()).strip()
    try:
        return float(text2num(words, "fr"))
    except ValueError:
        return None


def parse_number(text: str, *, scaled: bool = False, decimal_comma: bool = False) -> float | None:
    """A figure in digits or words; `scaled` (a scale word follows) and `decimal_comma` decide "1,250"."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        return parse_digits(text, scaled=scaled, decimal_comma=decimal_comma)
    return parse_words(text)


def scale_factor(word: str | None) -> float:
    """The multiplier of a scale word or abbreviation (1.0 for none)."""
    if not word:
        return 1.0
    if word in SCALE_ABBREVIATIONS:
        return SCALE_ABBREVIATIONS[word]
    return float(SCALE_WORDS.get(word) or 1.0)


def times(number: float, factor: float) -> float:
    """number × factor without binary noise: 1650 × 0.001 is 1.65, not 1.6500000000000001."""
    return float(f"{number * factor:.12g}")


def parse_amount(text: str) -> float | None:
    """A figure with an optional scale: "1,25 milliard" -> 1.25e9, "4,5 Md" -> 4.5e9, "cinq" -> 5."""
    match = _AMOUNT_RE.fullmatch(text.strip())
    if match is None:
        return None
    number, scale = match.groups()
    value = parse_number(number, scaled=bool(scale))
    return None if value is None else times(value, scale_factor(scale))


# --- Grammar pieces shared by the money and power extractors ---------------------------------

_QUALIFIERS = load_json("qualifiers.json")
QUALIFIERS_BEFORE = PhraseTable(_QUALIFIERS["before"])
QUALIFIERS_AFTER = PhraseTable(_QUALIFIERS["after"])
VAGUE_HEADS = PhraseTable(_QUALIFIERS["vague_heads"])
# A figure's grammar sits between these: qualifier words before it (in the span, group `qual`,
# never starting inside a word) and after it (group `qafter`).
QUALIFIED_START = rf"(?<![\w])(?:(?P<qual>{QUALIFIERS_BEFORE.pattern()}){SPACE}*)?"
# An after-qualifier is never followed by another figure: "5 M€ + 3 M€" is a sum, "€450M+" is more than.
QUALIFIED_END = rf"(?:{SPACE}*,?{SPACE}*(?P<qafter>{QUALIFIERS_AFTER.pattern()})(?!{SPACE}*\d))?"
# A lead verb qualifies the figure that follows it in the same clause, with no other figure between.
_LEAD_RE = re.compile(
    "(?:" + "|".join(f"(?P<{q}>{alternation(verbs)})" for q, verbs in _QUALIFIERS["lead"].items()) + ")"
    + r"[^\d.;:!?\n]{0,60}$"
)
_LEAD_WINDOW = 80


def range_parts(openers: list[dict[str, list[str]]], separators: list[str]) -> tuple[str, str]:
    """Regex for a range opener and for the separators allowed after it ("entre ... et", "de ... à").

    Returns (opener, separator). The opener sets a group `open<i>` that the separator tests: after
    an opener its own separators are allowed as well as the plain ones ("de 50-60 M€"), with no
    opener only the plain ones ("3 et 4" is no range without "entre").
    """
    opener = "|".join(f"(?P<open{i}>{alternation(o['openers'])})" for i, o in enumerate(openers))
    separator = alternation(separators)
    for i in reversed(range(len(openers))):
        separator = f"(?(open{i}){alternation([*openers[i]['separators'], *separators])}|{separator})"
    return f"(?:(?:{opener}){SPACE}*)", separator


def opener_start(match: re.Match[str], openers: list[dict[str, list[str]]], separator: str | None) -> int | None:
    """Where the range opener starts, if one matched and the range uses its separator ("entre 3 et 4").

    "de 50-60 M€" keeps "de" out of the span: it introduces the amount, not the range.
    """
    if separator is None:
        return None
    for i, spec in enumerate(openers):
        if match.group(f"open{i}") is not None:
            own = PhraseTable(dict.fromkeys(spec["separators"], True))
            return match.start(f"open{i}") if own.get(separator) else None
    return None


def lead_qualifier(text: str, start: int) -> str | None:
    """The qualifier of a lead verb earlier in the clause ("approche ... la barre du $1 trillion")."""
    found = _LEAD_RE.search(text, max(0, start - _LEAD_WINDOW), start)
    return None if found is None else found.lastgroup


def qualifier_of(text: str, match: re.Match[str], start: int) -> str | None:
    """The qualifier of a grammar match: words before (`qual`), after (`qafter`), or a lead verb."""
    if match.group("qual"):
        return QUALIFIERS_BEFORE.get(match.group("qual"))
    if match.group("qafter"):
        return QUALIFIERS_AFTER.get(match.group("qafter"))
    return lead_qualifier(text, start)


def literal_trigger(phrases: Iterable[str]) -> re.Pattern[str]:
    """A fast, loose regex for the first word of any phrase: where a mention may be."""
    return re.compile(alternation({re.split(r"[ '’]", p, maxsplit=1)[0] for p in phrases}))


def finditer_near(grammar: re.Pattern[str], trigger: re.Pattern[str] | Sequence[re.Pattern[str]], text: str,
                  reach: int = 100) -> list[re.Match[str]]:
    """`grammar.finditer(text)`, run only within `reach` characters of a `trigger` match.

    Every mention contains a trigger (a unit, a scale or currency word), and the full grammar is
    too slow to try at every position of an article: this keeps the extractors well under the
    cost of the spaCy parse. Lookbehinds still see the text before each window. Several triggers are
    scanned one by one (one alternation of them all loses `re`'s first-character scan).
    """
    triggers = [trigger] if isinstance(trigger, re.Pattern) else trigger
    hits = heapq.merge(*(t.finditer(text) for t in triggers), key=lambda hit: hit.start())
    matches: list[re.Match[str]] = []
    windows: list[list[int]] = []
    for hit in hits:
        lo, hi = max(0, hit.start() - reach), min(len(text), hit.end() + reach)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        matches.extend(grammar.finditer(text, lo, hi))
    return matches
