"""Power mentions: electrical power figures (W to TW, symbols or words), converted to gigawatts.

One compiled grammar over `doc.text` (GUIDELINES.md, power). Energy (MWh), compute (FLOPS) and
units with no figure ("des mégawatts stables", "par gigawatt") are not power figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc

from extractors.numbers import (
    NUMBER,
    QUALIFIED_END,
    QUALIFIED_START,
    SPACE,
    VAGUE_HEADS,
    PhraseTable,
    alternation,
    finditer_near,
    literal_trigger,
    opener_start,
    parse_number,
    qualifier_of,
    range_parts,
    times,
)
from extractors.records import PowerMention
from extractors.rules import load_json
from extractors.spans import Bounds, drop_overlaps, sentence_bounds
from extractors.text import doc_text

_DATA = load_json("power.json")
UNITS = PhraseTable(_DATA["units"])
VAGUE_UNITS = PhraseTable(_DATA["vague_units"])
# "des mégawatts stables" is a bare unit word, not a vague figure (GUIDELINES.md).
POWER_VAGUE_HEADS = PhraseTable(
    {k: v for k, v in VAGUE_HEADS.table.items() if k not in _DATA["vague_heads_excluded"]}
)
_OPENERS = _DATA["range_openers"]

_S = SPACE
_OPEN, _SEP = range_parts(_OPENERS, _DATA["range_separators"])
_UNIT = UNITS.pattern()
POWER_RE = re.compile(
    rf"{QUALIFIED_START}{_OPEN}?"
    rf"(?:(?P<vhead>{POWER_VAGUE_HEADS.pattern()}){_S}+(?P<vunit>{VAGUE_UNITS.pattern()})"
    rf"|(?P<n1>{NUMBER}){_S}*(?:"
    rf"(?P<u1>{_UNIT})(?P<range>{_S}*(?P<sep>{_SEP}){_S}*(?P<n2>{NUMBER}){_S}*(?P<u2>{_UNIT}))?"
    rf"|(?P<srange>{_S}*(?P<ssep>{_SEP}){_S}*(?P<sn2>{NUMBER}){_S}*(?P<su2>{_UNIT}))))"
    rf"{QUALIFIED_END}"
)
_TRIGGER_RE = literal_trigger(UNITS.phrases)
_DENOMINATOR_RE = re.compile(rf"(?:{alternation(_DATA['denominators'])}){_S}*$")
_DENOMINATOR_WINDOW = 12
_ARTICLE_NUMBERS = PhraseTable(dict.fromkeys(_DATA["article_numbers"], True))
_PRICE_RE = re.compile(rf"(?:{alternation(_DATA['price_words'])})[^\d.;:!?\n]{{0,20}}$")
_PRICE_WINDOW = 40


def extract_power(doc: Doc) -> list[PowerMention]:
    """Every power mention of the doc, in reading order, none overlapping."""
    text, sentence = doc_text(doc), sentence_bounds(doc)
    found = {
        (m.start, m.end): m
        for match in finditer_near(POWER_RE, _TRIGGER_RE, text)
        for m in _read(text, match, sentence)
    }
    return [found[span] for span in drop_overlaps(found)]


def _read(text: str, match: re.Match[str], sentence: Bounds) -> list[PowerMention]:
    mention = partial(_mention, text, sentence)
    start = _start(match)
    if _is_denominator(text, match, start):
        return []
    if match.group("vunit") is not None:
        magnitude = times(POWER_VAGUE_HEADS.get(match.group("vhead")), UNITS.get(match.group("vunit")))
        return [mention(start, match.end(), qualifier="vague", magnitude=magnitude)]
    qualifier = qualifier_of(text, match, start)
    if not (match.group("range") or match.group("srange")):
        return _figure(match, start, match.end(), qualifier, mention)
    low, high = _range(match)
    if low is not None and high is not None:
        return [mention(start, match.end(), low_gw=low, high_gw=high, qualifier=qualifier)]
    # Not a range ("5 GW à 2 MW", "de 2025 à 5 GW"): each figure that carries a unit.
    second = POWER_RE.match(text, match.start("n2") if match.group("range") else match.start("sn2"))
    rest = [] if second is None else _read(text, second, sentence)
    alone = match.start("qual") if match.group("qual") else match.start("n1")  # no range opener
    first = _figure(match, alone, match.end("u1"), qualifier, mention) if match.group("u1") else []
    return first + rest


def _figure(match: re.Match[str], start: int, end: int, qualifier: str | None,
            mention: Callable[..., PowerMention]) -> list[PowerMention]:
    value = parse_number(match.group("n1"))
    if value is None:
        return []
    return [mention(start, end, value_gw=times(value, UNITS.get(match.group("u1"))), qualifier=qualifier)]


def _is_denominator(text: str, match: re.Match[str], start: int) -> bool:
    """The unit of a price: "par gigawatt", "combien coûte un gigawatt"."""
    if _DENOMINATOR_RE.search(text, max(0, start - _DENOMINATOR_WINDOW), start):
        return True
    return bool(
        match.group("n1") and _ARTICLE_NUMBERS.get(match.group("n1"))
        and _PRICE_RE.search(text, max(0, start - _PRICE_WINDOW), start)
    )


def _range(match: re.Match[str]) -> tuple[float | None, float | None]:
    if match.group("range"):
        n1, n2 = parse_number(match.group("n1")), parse_number(match.group("n2"))
        u1, u2 = UNITS.get(match.group("u1")), UNITS.get(match.group("u2"))
    elif match.group("srange"):
        n1, n2 = parse_number(match.group("n1")), parse_number(match.group("sn2"))
        u1 = u2 = UNITS.get(match.group("su2"))
    else:
        return None, None
    if n1 is None or n2 is None or n1 * u1 >= n2 * u2:
        return None, None
    return times(n1, u1), times(n2, u2)


def _start(match: re.Match[str]) -> int:
    """The span start: qualifier words are in it, a range opener only if the range is there."""
    if match.group("qual"):
        return match.start("qual")
    opened = opener_start(match, _OPENERS, match.group("sep") or match.group("ssep"))
    if opened is not None:
        return opened
    return match.start("vhead") if match.group("vhead") else match.start("n1")


def _mention(text: str, sentence: Bounds, start: int, end: int, **values: float | str | None) -> PowerMention:
    first, last = sentence(start, end)
    return PowerMention(
        start=start, end=end, text=text[start:end], sentence=text[first:last],
        **values,  # type: ignore[arg-type]
    )
