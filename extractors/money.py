"""Money mentions: amounts in digits or words, with currency, scale, range, qualifier and per-unit.

One compiled grammar runs over `doc.text`; each match is then validated and normalised
(GUIDELINES.md, money). Amounts with a scale word but no currency of their own ("3 milliards pour
Iliad") are kept only when the context says money, and take the currency of the most recent
explicit amount.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from extractors.money_tables import figures_under
from extractors.numbers import (
    NUMBER,
    QUALIFIED_END,
    QUALIFIED_START,
    SCALE,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SPACE,
    VAGUE_HEADS,
    PhraseTable,
    alternation,
    finditer_near,
    glued_scale,
    literal_trigger,
    opener_start,
    parse_number,
    qualifier_of,
    range_parts,
    scale_factor,
    times,
)
from extractors.records import MoneyMention
from extractors.rules import load_json
from extractors.spans import Bounds, drop_overlaps, sentence_bounds
from extractors.text import doc_text

_DATA = load_json("money.json")
_CURRENCIES = load_json("currencies.json")["currencies"]
CURRENCY_SYMBOLS = PhraseTable({s: code for code, c in _CURRENCIES.items() for s in c["symbols"]})
_SHARED_NAMES = load_json("currencies.json")["shared_names"]
_PLACE_RES = {
    code: re.compile(alternation(places)) for code, places in load_json("currencies.json")["shared_name_places"].items()
}
# A name several currencies share ("francs", "dirhams") maps to all their codes; the article decides (_resolve_shared).
CURRENCY_WORDS = PhraseTable(
    {n: code for code, c in _CURRENCIES.items() for n in c["names"]}
    | {n: tuple(codes) for n, codes in _SHARED_NAMES.items()}
)
# Shared names are tried last, so that "francs CFA" is read whole and never as "francs".
_CUR_NAME = (
    f"(?:{alternation(n for c in _CURRENCIES.values() for n in c['names'])}|{alternation(_SHARED_NAMES)})"
)
VAGUE_SCALES = PhraseTable(_DATA["vague_scale_words"])
PER_UNITS = PhraseTable(_DATA["per"])
PER_ADJECTIVES = PhraseTable(_DATA["per_adjectives"])
_OPENERS = _DATA["range_openers"]

_S = SPACE
_DE = f"(?:(?i:de){_S}+|(?i:d)['’]{_S}*)"
_OPEN, _SEP = range_parts(_OPENERS, _DATA["range_separators"])
_CUR_SYMBOL = CURRENCY_SYMBOLS.pattern()
# An ISO-style code glued to a scale abbreviation: "38,2 MCHF", "30 MDH", "12 MEUR".
_GLUED_CODE = alternation(
    [s for c in _CURRENCIES.values() for s in c["symbols"] if s.isalpha() and s.isupper()], glued=True
)
_SCALE = f"(?:{SCALE}|{glued_scale(_GLUED_CODE)})"
_CUR_AFTER = (
    f"(?:{_DE}(?:{_CUR_NAME}|{_CUR_SYMBOL})|{_CUR_SYMBOL}|{_CUR_NAME}"
    f"|{_GLUED_CODE})"
)
_PER = (
    rf"{_S}*{alternation(_DATA['per_connectors'])}{_S}*"
    rf"(?:{alternation(_DATA['per_determiners'])}{_S}*)?(?P<per>{PER_UNITS.pattern()})"
    rf"|{_S}+(?i:pour){_S}+{alternation(_DATA['per_pour_determiners'])}{_S}*"
    rf"(?P<per_pour>{alternation(_DATA['per_pour_units'])})"
    rf"|{_S}+(?P<per_adj>{PER_ADJECTIVES.pattern()})"
    rf"|{_S}+{alternation(_DATA['per_articles'])}{_S}*(?P<per_art>{PER_UNITS.pattern()})"
    rf"(?!{_S}+{alternation(_DATA['per_article_exclusions'])})"
)
# "le million d'euros", "la barre du milliard de dollars": one million, one billion.
_ONE = rf"(?<![\w])(?i:le|du|au)(?={_S}+(?i:milliard|million)(?![\w]))"
_ONE_RE = re.compile(r"(?i:le|du|au)")
# A "+" glued to the figure, before it or before its scale, is web shorthand for "more than" ("+30 Md€", "$1,5+ Mds").
_AMOUNT = (
    rf"(?:(?P<c1>{_CUR_SYMBOL}){_S}*)?(?P<sign>(?<![\w.,])[-−+](?=\d))?(?P<n1>{NUMBER}|{_ONE})(?P<plus>\+(?!{_S}*\d))?(?:{_S}*(?P<s1>{_SCALE}))?"
    rf"(?P<range>(?:{_S}*(?P<cur1>{_CUR_AFTER}))?{_S}*(?P<sep>{_SEP})"
    rf"{_S}*(?P<c2>{_CUR_SYMBOL})?{_S}*(?P<n2>{NUMBER})(?:{_S}*(?P<s2>{_SCALE}))?)?"
    rf"(?P<half>{_S}+(?i:et){_S}+(?i:demi))?"
)
_VAGUE = rf"(?:(?P<vhead>{VAGUE_HEADS.pattern()}){_S}+)?(?P<vscale>{VAGUE_SCALES.pattern()})"
MONEY_RE = re.compile(
    rf"{QUALIFIED_START}{_OPEN}?"
    rf"(?:{_VAGUE}|{_AMOUNT})"
    rf"(?:{_S}*(?P<cur>{_CUR_AFTER}))?"
    rf"(?:{_S}+{alternation(_DATA['tax_markers'])})?"
    rf"(?:{_PER})?"
    rf"{QUALIFIED_END}"
)
# Every money mention holds a scale word or a currency.
_TRIGGERS = (
    literal_trigger([*SCALE_WORDS.phrases, *VAGUE_SCALES.phrases, *CURRENCY_SYMBOLS.phrases, *CURRENCY_WORDS.phrases]),
    re.compile(_GLUED_CODE),
)
# The same grammar without ranges: the fallback when a matched range does not hold.
_SINGLE_RE = re.compile(MONEY_RE.pattern.replace("(?P<range>", "(?P<range>(?!)", 1))

# What follows "de" after an amount with no currency: a money noun, a word that is no noun, or else.
_AFTER_DE_RE = re.compile(
    rf"{_S}*{_DE}(?:(?P<money>{alternation(_DATA['money_nouns'])})|(?P<skip>{alternation(_DATA['de_non_nouns'])})"
    r"|\w)"
)
_MONEY_CUE_RE = re.compile(rf"{alternation(c + '*' for c in _DATA['money_cues'])}[^.;:!?\n]*$")
_MONEY_CUE_AFTER_RE = re.compile(rf"{_S}*,?{_S}*{alternation(_DATA['money_cues_after'])}")
_CUE_WINDOW = 40  # about six words: the cue governs the amount, not the sentence
# A money word as the label of the amount: "(investissement : un peu plus de 6 millions)".
_MONEY_LABEL_RE = re.compile(rf"{alternation(c + '*' for c in _DATA['money_cues'])}{_S}*:{_S}*$")
# "en millions d'euros": a unit of measure, not an amount; above a table, the unit of its figures.
_UNIT_OF_MEASURE_RE = re.compile(rf"(?<![\w])(?i:en){_S}+$")
_UNIT_HEADER_RE = re.compile(
    rf"(?<![\w])(?i:en){_S}+(?:(?P<scale>{SCALE_WORDS.pattern()}|{VAGUE_SCALES.pattern()}){_S}*{_DE}(?P<name>{_CUR_NAME})"
    rf"|(?P<abbr>{_SCALE}){_S}*(?P<symbol>{_CUR_SYMBOL}))\)?{_S}*$",
    re.MULTILINE,
)
# A price closing its clause: "prendra en charge une partie des infrastructures, pour environ 250 millions."
_PRICE_BEFORE_RE = re.compile(rf"(?<!\w){alternation(_DATA['price_prepositions'])}{_S}*$")
_CLAUSE_END_RE = re.compile(rf"{_S}*(?:[.;!?)»\n]|$)")
_SHARE_PRICE_RE = re.compile(alternation(_DATA["share_price_nouns"]))
# A price level after a move in per cent: "SK Hynix a gagné 3 %, à 241 500 wons", "a pris 1,9 % ..., à 912,40 €".
_SHARE_MOVE_RE = re.compile(rf"\d{_S}*%[^.;:!?\d]{{0,40}}\bà{_S}*$")
_RATE_UNITS = frozenset(_DATA["subject_rate_units"])
_CLOSING_RE = re.compile(rf"\b{alternation(_DATA['closing_verbs'])}{_S}+à{_S}*$")
_UNIT_SUBJECT_RE = re.compile(
    rf"(?<!\w)(?i:l['’]|le{_S}+|la{_S}+)(?P<unit>{PER_UNITS.pattern()})(?!\w)(?:[^.;:!?\d]|(?<=[A-Za-z])\d+){{0,60}}?"
    rf"\b{alternation(_DATA['unit_price_verbs'])}\b[^.;:!?\d]{{0,30}}$"
)
# The gap between an amount with a unit and the next one that takes it ("..., contre près de 90 euros").
_CARRY_GAP_RE = re.compile(
    rf"[^\d.;:!?\n]{{0,40}}?\b{alternation(_DATA['per_carry_comparisons'])}{_S}*"
    rf"|{_S}*{alternation(_DATA['per_carry_separators'])}{_S}*"
)
_CHANGE_RE = re.compile(rf"{alternation(_DATA['change_verbs'])}(?:{_S}+[^\s\d]+){{0,2}}{_S}*$")
# A per-unit adjective earlier in the clause: "le forfait mensuel démarre à 1 500 €".
_ADJECTIVE_BEFORE_RE = re.compile(rf"(?P<adj>{PER_ADJECTIVES.pattern()})[^.;:!?\d]{{0,40}}$")
_EACH_RE = re.compile(rf"\b(?i:chaque){_S}+(?P<unit>{PER_UNITS.pattern()})[^.;:!?]*$")
_BOILERPLATE_RE = re.compile(alternation(_DATA["boilerplate_line_cues"]))
_BOILERPLATE_MAX_WORDS = 30
# A currency named a few words after an amount that has none: "12 milliards : c'est, en dollars, le montant ...".
_STATED_AFTER_RE = re.compile(rf"[^\d.;!?\n]{{0,20}}?\b(?i:en){_S}+(?P<cur>{_CUR_NAME})")
_SCALE_RE = re.compile(SCALE)


# An ISO code, or the codes a shared name may mean until the article decides ("francs": CHF or XOF).
_Currency = str | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class _Amount:
    """A validated grammar match, before its currency is resolved."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    currency: _Currency
    qualifier: str | None
    per: str | None
    magnitude: float | None
    stated: str | None = None  # the currency named just after an amount that has none of its own


def extract_money(doc: Doc) -> list[MoneyMention]:
    """Every money mention of the doc, in reading order, none overlapping."""
    text = doc_text(doc)
    amounts = [a for m in finditer_near(MONEY_RE, _TRIGGERS, text) for a in _read(text, m)]
    amounts += _table_amounts(text)
    kept = {(a.start, a.end): a for a in amounts}
    chosen = _resolve_shared(text, [kept[span] for span in drop_overlaps(kept) if not _in_boilerplate(text, *span)])
    explicit = [a for a in chosen if a.currency is not None]
    sentence = sentence_bounds(doc)
    money, pending = list(explicit), [a for a in chosen if a.currency is None]
    while pending:  # an amount accepted as money makes its sentence a money sentence for the others
        more = [a for a in pending if _is_implied_money(text, a, money, sentence)]
        if not more:
            break
        money += more
        pending = [a for a in pending if a not in more]
    return _carried_per(text, [_mention(text, amount, explicit, sentence) for amount in chosen if amount in money])


def _table_amounts(text: str) -> list[_Amount]:
    """The figures of a table under "(en millions d'euros)": amounts in that unit, currency not in the cell."""
    amounts = []
    for header, start, end in figures_under(text, _UNIT_HEADER_RE):
        scale = header.group("scale") or header.group("abbr")
        factor = float(VAGUE_SCALES.get(scale) or scale_factor(scale))  # "milliers" is only a plural scale
        currency = _first_code(_currency_after(header.group("name") or header.group("symbol")))
        number = parse_number(text[start:end].lstrip("-−+"), scaled=True, decimal_comma=True)
        if number is None or currency is None:
            continue
        sign = -1.0 if text[start] in "-−" else 1.0
        amounts.append(_Amount(start=start, end=end, value=times(sign * number, factor), low=None,
                               high=None, currency=None, qualifier=None, per=None, magnitude=None, stated=currency))
    return amounts


def _resolve_shared(text: str, amounts: list[_Amount]) -> list[_Amount]:
    """A shared name ("640 millions de francs") takes the first of its codes the article names explicitly
    ("85 millions de francs suisses" earlier or later), else the one whose places it names most ("Maroc":
    dirhams are MAD), else the first one listed."""
    named = {a.currency for a in amounts if isinstance(a.currency, str)}

    def pick(codes: tuple[str, ...]) -> str:
        explicit = next((code for code in codes if code in named), None)
        if explicit is not None:
            return explicit
        places = {code: len(_PLACE_RES[code].findall(text)) if code in _PLACE_RES else 0 for code in codes}
        return max(codes, key=lambda code: places[code])  # the first listed on ties

    return [replace(a, currency=pick(a.currency)) if isinstance(a.currency, tuple) else a for a in amounts]


def _in_boilerplate(text: str, start: int, end: int) -> bool:
    """On a short subscription or paywall line ("Offre découverte : 1 € le premier mois")."""
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]
    return len(line.split()) <= _BOILERPLATE_MAX_WORDS and _BOILERPLATE_RE.search(line) is not None


def _read(text: str, match: re.Match[str]) -> list[_Amount]:
    """Validate one grammar match; a range that does not hold is read as its two amounts."""
    if match.group("range") is not None and not _range_holds(match):
        # "début 2025 à 47 milliards", "10 milliards d'euros à 20 milliards d'euros"
        first = _SINGLE_RE.match(text, match.start())
        second = MONEY_RE.match(text, match.start("c2") if match.group("c2") else match.start("n2"))
        amounts = [a for part in (first, second) if part is not None for a in _read(text, part)]
        if _is_change(text, match) and first is not None and len(amounts) == 1 and amounts[0].currency:
            # "passée de 18 000 à 26 000 euros": the first amount is in the second one's currency
            bare = _exact(text, first, None)  # ... and per the same unit ("... à 26 000 euros par mois")
            amounts = [replace(bare, per=bare.per or amounts[0].per), *amounts] if bare is not None else amounts
        return amounts
    amount = _read_one(text, match)
    return [] if amount is None else [amount]


def _read_one(text: str, match: re.Match[str]) -> _Amount | None:
    currency = _currency(match)
    if match.group("vscale") is not None:
        return _vague(match, currency)
    scale1, scale2 = match.group("s1"), match.group("s2")
    if currency is None and _abbreviated(scale1, scale2):
        return None
    if currency is None and not (scale1 or scale2):
        return None
    amount = _exact(text, match, currency)
    if amount is not None and currency is None:
        stated = _STATED_AFTER_RE.match(text, amount.end)
        if stated is not None:
            return replace(amount, stated=_first_code(_currency_after(stated.group("cur"))))
    return amount


def _first_code(currency: _Currency) -> str | None:
    return currency[0] if isinstance(currency, tuple) else currency


def _is_change(text: str, match: re.Match[str]) -> bool:
    """'de X à Y' after a verb of change ("est passée de 18 000 à 26 000 euros") is two amounts."""
    opened = opener_start(match, _OPENERS, match.group("sep"))
    return opened is not None and _CHANGE_RE.search(text, max(0, opened - 40), opened) is not None


def _range_holds(match: re.Match[str]) -> bool:
    if _is_change(match.string, match):
        return False
    if match.group("s1") and not match.group("s2"):
        return False  # "5 milliards à 10 ans": the second figure is something else
    if match.group("cur1") and not _currency_repeated(match):
        return False  # "10 milliards d'euros à 20 milliards" is two amounts unless "de/entre ... €"
    low, high = _bounds(match)
    return low is not None and high is not None and low < high


def _bounds(match: re.Match[str]) -> tuple[float | None, float | None]:
    scale1, scale2 = match.group("s1"), match.group("s2")
    n1 = _first_figure(match, scaled=bool(scale1 or scale2))
    n2 = parse_number(match.group("n2"), scaled=bool(scale2), decimal_comma=_french_figure(match))
    if n1 is None or n2 is None:
        return None, None
    return times(n1, scale_factor(scale1 or scale2)), times(n2, scale_factor(scale2))


def _first_figure(match: re.Match[str], *, scaled: bool) -> float | None:
    if _ONE_RE.fullmatch(match.group("n1")):
        return 1.0  # "le million d'euros"
    return parse_number(match.group("n1"), scaled=scaled, decimal_comma=_french_figure(match))


def _french_figure(match: re.Match[str]) -> bool:
    """A figure with its currency after it is written the French way: "9,875 $" is 9.875 ("$1,000" is 1000)."""
    return match.group("c1") is None and match.group("c2") is None


def _abbreviated(*scales: str | None) -> bool:
    return any(s in SCALE_ABBREVIATIONS for s in scales if s)


def _currency_repeated(match: re.Match[str]) -> bool:
    """A currency after each bound ("entre 5 M€ et 10 M€") makes a range only after an opener."""
    opened = opener_start(match, _OPENERS, match.group("sep")) is not None
    return opened and _currency_after(match.group("cur1")) == _currency_after(match.group("cur"))


def _currency(match: re.Match[str]) -> _Currency:
    for group in ("c1", "c2"):
        if match.group(group):
            return CURRENCY_SYMBOLS.get(match.group(group))
    return _currency_after(match.group("cur") or match.group("cur1"))


def _currency_after(found: str | None) -> _Currency:
    if not found:
        return None
    word = re.sub(r"^(?i:de\s+|d['’]\s*)", "", found)
    return CURRENCY_SYMBOLS.get(word) or CURRENCY_WORDS.get(word)


def _vague(match: re.Match[str], currency: _Currency) -> _Amount | None:
    if match.group("vhead") is None and currency is None:
        return None  # a bare "milliards" is money only with its currency ("à milliards de dollars")
    scale_at = match.start("vscale")
    if match.group("vhead") is None and _UNIT_OF_MEASURE_RE.search(match.string, max(0, scale_at - 12), scale_at):
        return None  # "(en millions d'euros)"
    first = next(group for group in ("qual", "vhead", "vscale") if match.group(group))
    start = match.start(first)
    return _Amount(
        start=start, end=match.end(), value=None, low=None, high=None, currency=currency,
        qualifier="vague", per=_per(match), magnitude=float(VAGUE_SCALES.get(match.group("vscale"))),
    )


def _exact(text: str, match: re.Match[str], currency: _Currency) -> _Amount | None:
    start = _start(match)
    if match.group("range") is not None:
        low, high = _bounds(match)
        value = None
    else:
        scale = match.group("s1")
        number = _first_figure(match, scaled=bool(scale))
        if number is None:
            return None
        half = 0.5 if match.group("half") and scale else 0.0
        sign = -1.0 if match.group("sign") in ("-", "−") else 1.0  # "Résultat net : -2,1 M€"
        value, low, high = times(sign * (number + half), scale_factor(scale)), None, None
    in_brackets = text[max(0, start - 3) : start].rstrip().endswith("(")  # "(+3 Mds€ sur un an)" is a change
    plus = match.group("plus") or (match.group("sign") == "+" and not in_brackets)
    qualifier = qualifier_of(text, match, start) or ("more_than" if plus else None)
    return _Amount(
        start=start, end=match.end(), value=value, low=low, high=high, currency=currency,
        qualifier=qualifier, per=_per(match), magnitude=None,
    )


def _start(match: re.Match[str]) -> int:
    """The span start: qualifier words are in it, a range opener only if the range is there."""
    if match.group("qual"):
        return match.start("qual")
    opened = opener_start(match, _OPENERS, match.group("sep"))
    if opened is not None:
        return opened
    return match.start("c1") if match.group("c1") else match.start("sign") if match.group("sign") else match.start("n1")


def _per(match: re.Match[str]) -> str | None:
    if match.group("per"):
        return PER_UNITS.get(match.group("per"))
    if match.group("per_adj"):
        return PER_ADJECTIVES.get(match.group("per_adj"))
    if match.group("per_art"):
        return PER_UNITS.get(match.group("per_art"))
    if match.group("per_pour"):
        return PER_UNITS.get(match.group("per_pour"))
    return None


def _is_implied_money(text: str, amount: _Amount, money: list[_Amount], sentence: Bounds) -> bool:
    """A scale amount with no currency of its own is money only when the context says so.

    "des milliards d'investissements" is money, "des milliards de transistors" is not; with no
    noun after it, a money word just before or another money amount in the same sentence decides.
    """
    if amount.stated is not None or _MONEY_CUE_AFTER_RE.match(text, amount.end):
        return True
    after = _AFTER_DE_RE.match(text, amount.end)
    if after is not None and not after.group("skip"):
        return bool(after.group("money"))
    window = max(0, amount.start - _CUE_WINDOW)
    if _MONEY_CUE_RE.search(text, window, amount.start) or _MONEY_LABEL_RE.search(text, window, amount.start):
        return True
    priced = _PRICE_BEFORE_RE.search(text, max(0, amount.start - 20), amount.start)
    if priced and _CLAUSE_END_RE.match(text, amount.end):
        return True
    # another money amount in its paragraph (a line): "Le Département participe à hauteur de 6 millions ... ; la
    # CAFPF prend en charge l'extension du réseau, pour 2,5 millions."
    first, last = sentence(amount.start, amount.end)
    line_end = text.find("\n", amount.end)
    first, last = min(first, text.rfind("\n", 0, amount.start) + 1), max(last, len(text) if line_end < 0 else line_end)
    return any(first <= e.start and e.end <= last for e in money if e is not amount)


def _context_currency(text: str, amount: _Amount, explicit: list[_Amount], first: int, last: int) -> str | None:
    """The currency of an amount that has none: the article's currency context.

    The nearest explicit currency before it in its sentence, else one later in the sentence, else the
    most recent one in its paragraph (line), else the article's most frequent currency (ties: the most
    recent). "640 millions" after "d'euros" two paragraphs up, with one "$" amount in between, is euros.
    """
    earlier = [e for e in explicit if e.end <= amount.start]
    later = [e for e in explicit if amount.end <= e.start and e.end <= last]
    paragraph = text.rfind("\n", 0, amount.start) + 1
    for found in ([e for e in earlier if e.start >= first], later[:1], [e for e in earlier if e.start >= paragraph]):
        if found:
            return found[-1].currency
    if not explicit:
        return None
    counts = Counter(e.currency for e in explicit)
    top = max(counts.values())
    recent = [e.currency for e in earlier if counts[e.currency] == top]
    return recent[-1] if recent else next(e.currency for e in explicit if counts[e.currency] == top)


def _implied_per(text: str, amount: _Amount, first: int) -> str | None:
    """What an amount is per when the sentence says it before the amount: a unit amount after "l'action",
    "le titre"... or after a move in per cent is a price per share; "Chaque baie ... rapporte 20 000 euros"."""
    each = _EACH_RE.search(text, first, amount.start)
    if each is not None:
        return PER_UNITS.get(each.group("unit"))
    adjective = _ADJECTIVE_BEFORE_RE.search(text, first, amount.start)
    if adjective is not None:
        return PER_ADJECTIVES.get(adjective.group("adj"))
    if _SCALE_RE.search(text, amount.start, amount.end):
        return None
    unit = _UNIT_SUBJECT_RE.search(text, first, amount.start)
    if unit is not None and PER_UNITS.get(unit.group("unit")) in _RATE_UNITS:
        return PER_UNITS.get(unit.group("unit"))
    if amount.value is None:
        return None
    if _SHARE_PRICE_RE.search(text, first, amount.start) or _SHARE_MOVE_RE.search(text, first, amount.start) \
            or _CLOSING_RE.search(text, first, amount.start):
        return "share"
    return None


def _carried_per(text: str, mentions: list[MoneyMention]) -> list[MoneyMention]:
    """A unit amount with no unit takes the unit of the amount just before it in its sentence when only a
    comparison or a list separator stands between them ("70 € le MWh, contre près de 90 euros")."""
    out: list[MoneyMention] = []
    for mention in mentions:
        before = out[-1] if out else None
        if mention.per is None and before is not None and before.per is not None \
                and before.sentence == mention.sentence and not _SCALE_RE.search(mention.text) \
                and _CARRY_GAP_RE.fullmatch(text, before.end, mention.start):
            mention = replace(mention, per=before.per)
        out.append(mention)
    return out


def _mention(text: str, amount: _Amount, explicit: list[_Amount], sentence: Bounds) -> MoneyMention:
    currency, is_explicit = amount.currency, amount.currency is not None
    first, last = sentence(amount.start, amount.end)
    if currency is None:
        currency = amount.stated or _context_currency(text, amount, explicit, first, last)
    return MoneyMention(
        start=amount.start, end=amount.end, text=text[amount.start : amount.end], sentence=text[first:last],
        value=amount.value, low=amount.low, high=amount.high, currency=currency,
        explicit_currency=is_explicit, qualifier=amount.qualifier,  # type: ignore[arg-type]
        per=amount.per or _implied_per(text, amount, first), magnitude=amount.magnitude,
    )
