"""Date mentions: calendar expressions with an explicit year, month name or day (GUIDELINES.md, date),
and, when the article's own date is known, expressions relative to it ("hier", "jeudi dernier",
"l'an prochain", "il y a deux ans", "le 6 février dernier"; `relative` on the mention).

One compiled regex finds candidates over the text: an optional outer modifier ("d'ici", "depuis"),
an optional preposition ("au", "à la"), an optional inner modifier ("début", "mi-", "fin") and a
core (range, full or numeric date, decade, semester/quarter/season with or without a year, month +
year, day + month, year, year in words, month). Each candidate is checked (a bare year must read as
a year, not an amount or a name) and normalised by rule; a day, month or period without a year
takes it from the article's date and dernier/prochain or the verb tense (else from its paragraph).
A second regex over the same vocabulary finds the relative expressions; both read their words from
data/dates.json.

dateparser only does the arithmetic of "il y a N ans/mois", "dans N ans", "d'ici N ans" on the
article's date (number words are turned into digits first: it misses "quinze", "vingt"). It was
measured on the matched spans of this module's test tables and lost to the grammar everywhere else:
right on 29 of 79 relative expressions ("jeudi dernier", "l'an prochain", "d'ici trois ans": None),
15 of 76 days or months without a year (no dernier/prochain or tense), 21 of 41 issue-14 forms (no
ranges, "octobre de 2023" None, "juin '04" read as 4 June); and it always returns a full datetime
where the grammar knows the granularity. It is never run over a whole article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import dateparser
from spacy.tokens import Doc
from text_to_num import text2num

from extractors.records import DateMention
from extractors.rules import load_json
from extractors.spans import sentence_bounds, sentence_lookup
from extractors.text import APOSTROPHE as APOS
from extractors.text import HSPACE as _HSPACE
from extractors.text import doc_text, normalize_phrase

SP = rf"(?:{_HSPACE}+(?:\n{_HSPACE}*)?|\n{_HSPACE}*)"  # spaces, across at most one line break
UNKNOWN_YEAR = "XXXX"
REFERENCE_YEAR = date.today().year  # two-digit years of an undated article are read against it


def _data() -> dict[str, Any]:
    return load_json("dates.json")


def norm(text: str) -> str:
    """Lower case, apostrophes as ', any run of spaces as one space."""
    return normalize_phrase(text).lower()


def _phrase(phrase: str) -> str:
    """Regex for a vocabulary phrase: ' matches both apostrophes, a space any spaces."""
    parts = [re.escape(word).replace("'", APOS) for word in phrase.split(" ")]
    return SP.join(parts)


def _alt(phrases: list[str] | dict[str, Any]) -> str:
    return "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))


def _after_phrase(phrase: str) -> str:
    """Separator after a prefix phrase: none needed after an apostrophe."""
    return rf"{SP}?" if phrase.endswith("'") else SP


def _prefix_alt(phrases: list[str] | dict[str, Any]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(f"{_phrase(p)}{_after_phrase(p)}" for p in ordered)


@cache
def _vocab() -> dict[str, str]:
    d = _data()
    months = _alt({**d["months"], **d["month_abbrevs"]})
    rel = d["relative"]
    return {
        "YEAR": r"(?:1[89]|20)\d\d",
        "MONTH": rf"(?:{months})(?!\w)",
        "DAY": r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])(?!\d)",
        "WEEKDAY": _alt(d["weekdays"]),
        "ORD": _alt([*d["ordinals"], *d["last_ordinals"]]),
        "SEASON": _alt(d["seasons"]),
        "CODE": _alt(d["period_codes"]),
        "SEM": _alt(d["semester_words"]),
        "QUAR": _alt(d["quarter_words"]),
        "OUTER": _prefix_alt(d["outer_mods"]),
        "PREP": _prefix_alt(d["preps"]),
        "INNER": _alt(d["inner_mods"]),
        "LAST": _alt(rel["last"]),
        "NEXT": _alt(rel["next"]),
        "THIS": _alt(rel["this"]),
        "RELYEAR": _alt([p for p in rel["years"] if p.startswith("l'")]),
        "DECW": _alt(d["decade_words"]),
        "YW": rf"(?:{_alt(d['year_word_heads'])})(?:(?:-|{SP})(?:{_alt(d['year_word_tails'])}))*",
        "YY": rf"(?:{APOS}\d\d|\d\d(?!\d|[,.]\d|{_HSPACE}\d))",  # "mars 97", "juin '04"
    }


def _core_patterns() -> list[str]:
    """The alternatives of the core, most specific first (the first that matches wins)."""
    v = _vocab()
    y, m, day, wd = v["YEAR"], v["MONTH"], v["DAY"], v["WEEKDAY"]
    dash = rf"{_HSPACE}*[-–—]{_HSPACE}*"
    im = rf"(?:(?:{v['INNER']})(?:-|{SP}))?"  # "entre fin 2024 et mi-2025": the range has no mod
    return [
        # a range of days first: its first bound is a full date on its own
        rf"(?:entre{SP}(?:le{SP})?)?(?P<rd1>{day}){SP}(?:(?P<rm9>{m}){SP}(?:(?P<ry10>{y}){SP})?)?"
        rf"(?:au|à|et(?:{SP}le)?|{dash}){SP}?(?P<rd2>{day}){SP}(?P<rm10>{m})"
        rf"(?:{SP}(?P<ry7>{y}))?",
        # full dates
        rf"(?:(?:{wd}){SP})?(?P<fd>{day}){SP}(?P<fm>{m}),?{SP}(?P<fy>{y})",
        rf"(?P<em>{m}){SP}(?P<ed>{day}),?{SP}(?P<ey>{y})",
        rf"(?P<nd>{day})(?P<ns>[/.-])(?P<nm>0?[1-9]|1[0-2])(?P=ns)(?P<ny>{y}|\d\d(?!\d))",
        rf"(?P<iy>{y})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])",
        rf"(?P<nmm>0[1-9]|1[0-2])/(?P<nmy>{y})",  # 11/2024
        rf"(?P<iym>{y})-(?P<imm>0[1-9]|1[0-2])(?![\d-])",  # 2024-11 (not a year range: 11 < 24)
        # ranges
        rf"(?P<rb>entre){SP}{im}(?:(?P<rm1>{m}){SP})?(?P<ry1>{y}){SP}et{SP}{im}(?:(?P<rm2>{m}){SP})?"
        rf"(?P<ry2>{y})",
        rf"(?P<rb2>entre){SP}(?P<rm3>{m}){SP}et{SP}(?P<rm4>{m}){SP}(?P<ry3>{y})",
        rf"(?P<rf>de|du){SP}{im}(?:(?P<rm5>{m}){SP})?(?P<ry4>{y}){SP}(?:à|au|jusqu{APOS}(?:en|à|au)){SP}"
        rf"{im}(?:(?P<rm6>{m}){SP})?(?P<ry5>{y})",
        rf"(?:de{SP})?(?P<rm7>{m})(?:{SP}à{SP}|{dash})(?P<rm8>{m}){SP}(?P<ry6>{y})",
        rf"(?P<ry8>{y})(?:{dash}|/)(?P<ry9>{y}|\d\d(?!\d))",
        # decades
        rf"(?:(?:les|des){SP})?années{SP}(?P<dec>(?:1[89]|20)\d0|[2-9]0)(?!\d)",
        rf"(?:(?:les|des){SP})?années{SP}(?P<decw>{v['DECW']})(?![\w-])",  # les années quatre-vingt
        # semester, quarter, season + year
        rf"(?:(?P<po>{v['ORD']}){SP}(?P<pw>{v['SEM']}|{v['QUAR']})|(?P<pw2>{v['SEM']}){SP}(?P<po2>\d)"
        rf"|(?P<pc>{v['CODE']})|(?P<ps>{v['SEASON']}))(?:{SP}|-)(?:(?:de|du){SP}|d{APOS}{SP}?)?"
        rf"(?:l{APOS}année{SP})?(?P<py>{y})",
        rf"(?P<py2>{y}){SP}(?P<pc2>{v['CODE']})(?!\w)",  # 2025 T2
        # a semester, quarter or season without a year: the year comes from the article's date
        rf"(?P<qo>{v['ORD']}){SP}(?P<qw>{v['SEM']}|{v['QUAR']})(?!\w)(?:{SP}(?:de{SP}|d{APOS}{SP}?)"
        rf"(?P<qrel>{v['RELYEAR']}))?",
        rf"(?P<qt>{v['THIS']}){SP}(?P<qs>{v['SEASON']})(?!\w)",
        rf"(?P<qc>{v['CODE']})(?!\w)",  # au T2
        rf"(?P<qs2>{v['SEASON']})(?!\w)",  # l'été dernier, au printemps prochain, d'ici l'été
        # month + year, day + month, year, month
        rf"(?P<mm>{m}),?{SP}(?:(?:de{SP})?l{APOS}année{SP}|de{SP})?(?P<my>{y}|{v['YY']})",
        rf"(?:(?:{wd}){SP})?(?P<dd>{day}){SP}(?P<dm>{m})",
        rf"(?P<yy>{y})",
        r"(?P<oy>1[0-7]\d\d)(?!\d)",  # en 1750: only after a preposition
        rf"(?P<yw>{v['YW']})(?![\w-])",  # deux mille vingt-sept
        rf"(?P<mo>{m})",
    ]


@cache
def date_regex() -> re.Pattern[str]:
    v = _vocab()
    inner = (rf"(?P<inner>{v['INNER']})(?:-|{SP})(?:(?:de|du){SP}|d{APOS}{SP}?)?"
             rf"(?:(?:l{APOS}{SP}?)?année{SP})?")
    cores = "|".join(f"(?:{c})" for c in _core_patterns())
    pattern = (
        rf"(?<![\w])(?:(?P<outer>{v['OUTER']}))?(?:(?P<prep>{v['PREP']}))?(?:{inner})?"
        rf"(?P<core>{cores})(?:{SP}(?P<dir>{v['LAST']}|{v['NEXT']})(?!\w))?"
    )
    return re.compile(pattern, re.IGNORECASE)


_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
# The same without the e-mail branch, for a text without "@": that branch then never matches, and trying it
# backtracks through every word of the text.
_WEB_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_RIGHT_BAD = re.compile(rf"[\w°]|[.,]\d|{_HSPACE}?[%‰€$£¥]|[-/]\d")
_LEFT_GLUED = re.compile(r"[\w@#/$€£°_]")  # "$2025", "n°2025", "/2025"
_LEFT_JOINED = re.compile(r"[-.+]")  # "GPT-2025", "v1.2025" (but "(2025", "« 2025")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    value: str  # may start with XXXX until the year is resolved
    mod: str | None
    direction: str | None = None  # "last" / "next": "le 28 octobre dernier", "le 1er avril prochain"
    shift: int | None = None  # years from the article's own year ("au premier semestre de l'année prochaine")
    relative: bool = False  # resolved against the article's own date
    period: str | None = None  # of a period without a year ("au printemps prochain"): its season/quarter


def _month(word: str) -> int:
    d, w = _data(), norm(word)
    return int(d["months"][w] if w in d["months"] else d["month_abbrevs"][w])


def full_year(year: str, pivot: int) -> str:
    """A year as four digits: '97' -> '1997', "'04" -> '2004'; a two-digit year is 20YY when that is
    at most `pivot` + 10 (pivot: the article's year), else 19YY (GUIDELINES.md)."""
    digits = year.lstrip("'’")
    if len(digits) == 4:
        return digits
    return str(2000 + int(digits) if 2000 + int(digits) <= pivot + 10 else 1900 + int(digits))


def _day(word: str) -> int:
    w = norm(word)
    return 1 if w in {"1er", "1re", "premier"} else int(w)


def _two(n: int) -> str:
    return f"{n:02d}"


def _ym(year: str, month: str | None) -> str:
    return f"{year}-{_two(_month(month))}" if month else year


def _full_year(first: str, second: str) -> str | None:
    """Second bound of a year range; '2025-26' -> '2026'. None if not after the first."""
    full = first[:2] + second if len(second) == 2 else second
    return full if int(full) > int(first) else None


def _range_value(g: dict[str, str | None]) -> str | None:
    """Normalised value of a range core, or None when the groups are not a range."""
    if g["ry1"]:
        return f"{_ym(g['ry1'], g['rm1'])}/{_ym(g['ry2'], g['rm2'])}" if int(g["ry2"]) > int(g["ry1"]) else None
    if g["rb2"]:
        return f"{_ym(g['ry3'], g['rm3'])}/{_ym(g['ry3'], g['rm4'])}"
    if g["ry4"]:
        return f"{_ym(g['ry4'], g['rm5'])}/{_ym(g['ry5'], g['rm6'])}" if int(g["ry5"]) > int(g["ry4"]) else None
    if g["rm7"]:
        return f"{_ym(g['ry6'], g['rm7'])}/{_ym(g['ry6'], g['rm8'])}"
    if g["rd1"]:
        year = g["ry7"] or UNKNOWN_YEAR
        first = f"{_ym(g['ry10'] or year, g['rm9'] or g['rm10'])}-{_two(_day(g['rd1']))}"
        second = f"{_ym(year, g['rm10'])}-{_two(_day(g['rd2']))}"
        return f"{first}/{second}" if first < second or UNKNOWN_YEAR in first + second else None
    if g["ry8"]:
        second = _full_year(g["ry8"], g["ry9"])
        return f"{g['ry8']}/{second}" if second else None
    return ""


def _core_value(g: dict[str, str | None], pivot: int) -> tuple[str, str | None] | None:
    """(value, period mod) of the core; None when the text is not a valid date. `pivot` is the year
    two-digit years are read against."""
    ranged = _range_value(g)
    if ranged != "":
        return (ranged, None) if ranged else None
    if g["fd"]:
        return f"{_ym(g['fy'], g['fm'])}-{_two(_day(g['fd']))}", None
    if g["ed"]:
        return f"{_ym(g['ey'], g['em'])}-{_two(_day(g['ed']))}", None
    if g["nd"]:
        if len(g["ny"]) == 2 and g["ns"] == "-":
            return None  # "12-05-25" reads as a code more often than a date
        return f"{full_year(g['ny'], pivot)}-{_two(int(g['nm']))}-{_two(_day(g['nd']))}", None
    if g["nmm"]:
        return f"{g['nmy']}-{g['nmm']}", None
    if g["iym"]:
        return f"{g['iym']}-{g['imm']}", None
    if g["iy"]:
        return f"{g['iy']}-{g['im']}-{g['id']}", None
    if g["decw"]:
        return str(_data()["decade_words"][norm(g["decw"])]), None
    if g["oy"]:
        return g["oy"], None
    if g["yw"]:
        year = _words_year(g["yw"])
        return (year, None) if year else None
    if g["dec"]:
        dec = g["dec"]
        return (f"19{dec[0]}X" if len(dec) == 2 else f"{dec[:3]}X"), None
    if g["py"]:
        mod = _period_mod(g)
        return (g["py"], mod) if mod else None
    if g["py2"]:
        return g["py2"], str(_data()["period_codes"][norm(g["pc2"])])
    if g["qw"]:
        mod = _ordinal_period(g["qo"], None, g["qw"])
        return (UNKNOWN_YEAR, mod) if mod else None
    if g["qs"] or g["qs2"]:
        return UNKNOWN_YEAR, str(_data()["seasons"][norm(g["qs"] or g["qs2"])])
    if g["qc"]:
        return UNKNOWN_YEAR, str(_data()["period_codes"][norm(g["qc"])])
    if g["mm"]:
        return _ym(full_year(g["my"], pivot), g["mm"]), None
    if g["dm"]:
        return f"{_ym(UNKNOWN_YEAR, g['dm'])}-{_two(_day(g['dd']))}", None
    if g["yy"]:
        return g["yy"], None
    return _ym(UNKNOWN_YEAR, g["mo"]), None


def _words_year(words: str) -> str | None:
    """'deux mille vingt-sept' -> '2027' (text_to_num reads French number words)."""
    try:
        year = int(text2num(norm(words), "fr"))
    except ValueError:
        return None
    return str(year) if 1000 <= year <= 2199 else None


def _period_mod(g: dict[str, str | None]) -> str | None:
    d = _data()
    if g["ps"]:
        return str(d["seasons"][norm(g["ps"])])
    if g["pc"]:
        return str(d["period_codes"][norm(g["pc"])])
    return _ordinal_period(g["po"], g["po2"], g["pw"] or g["pw2"])


def _ordinal_period(order_text: str | None, order_digit: str | None, period: str | None) -> str | None:
    """H1/H2/Q1..Q4 of "premier semestre", "4e trimestre", "semestre 2"; None if out of range."""
    d = _data()
    word = norm(period or "")
    order_word = norm(order_text or "")
    if order_word in d["last_ordinals"]:
        order = 2 if word in d["semester_words"] else 4
    else:
        order = int(order_digit) if order_digit else int(d["ordinals"].get(order_word, 0))
    if word in d["semester_words"] and order in (1, 2):
        return f"H{order}"
    if word in d["quarter_words"] and 1 <= order <= 4:
        return f"Q{order}"
    return None


def _words_before(text: str, start: int, n: int) -> str:
    """The last n words before `start` on the same line, normalised."""
    line = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]
    return " ".join(norm(line).split()[-n:])


def _next_word(text: str, end: int) -> str:
    match = re.match(rf"{_HSPACE}*(\S+)", text[end : end + 40])
    return match.group(1).rstrip(".,;:!?)»\"") if match else ""


def _prev_token(text: str, start: int) -> str:
    match = re.search(rf"(\S+){_HSPACE}+$", text[max(0, start - 40) : start])
    return match.group(1) if match else ""


def _unit_after(text: str, end: int) -> bool:
    """A number ending at `end` followed by a unit or a count noun ("2026 GPU", "2030 MW")."""
    low = norm(_next_word(text, end))
    return low in _data()["units_after"] or low[:1] in {"%", "€", "$"}


_YEAR_SHAPED = re.compile(r"(?:1[89]|20)\d\d")
_NUMBER_AFTER = re.compile(rf"{_HSPACE}*(?:(?:et|à|ou){_HSPACE}+)?(\d[\d.,]*)")
_NUMBER_BEFORE = re.compile(rf"(?<![\d.,])([\d.,]*\d)(?:{_HSPACE}?(?:et|à|ou|,))?{_HSPACE}+$")


def _number_after(text: str, end: int) -> bool:
    """A non-year number follows: digit groups or a numeric range ("2000 à 2500", "1994 000")."""
    match = _NUMBER_AFTER.match(text, end, end + 16)
    return bool(match and not _YEAR_SHAPED.fullmatch(match.group(1).rstrip(".,")))


def _number_before(text: str, start: int) -> bool:
    """A non-year number precedes ("1 500 à 2000", "3 2025"); a list of years is fine."""
    match = _NUMBER_BEFORE.search(text[max(0, start - 16) : start])
    return bool(match and not _YEAR_SHAPED.fullmatch(match.group(1)))


def _amount_or_name_before(text: str, start: int, bare: bool) -> bool:
    """A year-shaped number that reads as an amount, a code or part of a name from what precedes it."""
    d = _data()
    before = {_words_before(text, start, n) for n in (1, 2, 3)}
    if before & set(d["bad_before"]) or before & set(d["amount_before"]):
        return True
    if _number_before(text, start):
        return True
    if not bare:
        return False
    prev = _prev_token(text, start)
    # a capital anywhere: "Windows 2000", "iOS 2025", "RTX 2080"
    return bool(re.fullmatch(r"[\w-]*[A-ZÀ-Ý][\w-]*", prev) and norm(prev) not in d["name_ok_before"])


def _plural_after(text: str, end: int) -> bool:
    """Followed by a plural noun ("2000 serveurs"), unless the word is a common function word."""
    nxt = _next_word(text, end)
    return bool(re.fullmatch(r"[a-zà-ÿ]+[sx]", nxt) and nxt not in _data()["plural_ok_after"])


def _boundaries_ok(text: str, start: int, end: int) -> bool:
    left = text[start - 1] if start else ""
    if left and _LEFT_GLUED.match(left):
        return False
    if left and _LEFT_JOINED.match(left) and start >= 2 and text[start - 2].isalnum():
        return False
    return not _RIGHT_BAD.match(text[end : end + 2])


def _mod(m: re.Match[str], period_mod: str | None) -> str | None:
    d = _data()
    outer = d["outer_mods"].get(norm(m.group("outer") or ""))
    inner = d["inner_mods"].get(norm(m.group("inner") or ""))
    return outer or inner or period_mod


def _candidate(m: re.Match[str], text: str, pivot: int = REFERENCE_YEAR) -> Candidate | None:
    g = m.groupdict()
    parsed = _core_value(g, pivot)
    if parsed is None:
        return None
    value, period_mod = parsed
    start, end = m.span()
    direction = None
    if g["dir"]:
        if UNKNOWN_YEAR in value:
            direction = "last" if norm(g["dir"]) in _data()["relative"]["last"] else "next"
        else:
            end = m.end("core")  # "2025 dernier" is not a relative date: the year is given
    if not _boundaries_ok(text, start, end):
        return None
    has_prefix = bool(g["outer"] or g["prep"] or g["inner"])
    if g["mo"] and not g["mo"][0].islower():
        return None  # "Mars" the planet; a month without a year is written in lower case
    if g["mo"] and (not has_prefix or norm(g["mo"]) not in _data()["months"]):
        return None  # "en sept jours": a bare month is a full name ("en déc." too) after a preposition
    if g["qw"] and not (has_prefix or _words_before(text, start, 1) == "du"):
        return None  # "deuxième trimestre" alone is an ordinal noun phrase; "au deuxième trimestre" a date
    if (g["oy"] or g["yw"]) and not g["outer"]:
        return None  # "1750", "deux mille" alone are amounts; "en 1750", "d'ici deux mille trente" dates
    if g["my"] and len(g["my"]) < 4 and (_unit_after(text, end) or _plural_after(text, end)):
        return None  # "en mars 15 entreprises"
    if text[end - 1].isdigit() and _unit_after(text, end):
        return None
    year_shaped = bool(g["yy"] or g["ry8"] or (g["ry1"] and not (g["rm1"] or g["rm2"])))
    bare = not has_prefix and bool(g["yy"])
    if year_shaped and not has_prefix and (
        _amount_or_name_before(text, start, bare) or _number_after(text, end)
    ):
        return None
    if g["yy"] and _plural_after(text, end):
        return None
    if g["qc"] and not (has_prefix and g["qc"].isupper()):
        return None
    if g["qs2"] and not (direction or _data()["outer_mods"].get(norm(g["outer"] or "")) in {"by", "since"}):
        return None  # "en été" is any summer; "l'été dernier", "d'ici l'été" one of them
    if g["pc"] and not g["pc"].isupper():
        return None  # "t3", "s1": codes are written in capitals
    shift = _data()["relative"]["years"][norm(g["qrel"])] if g["qrel"] else None
    period = period_mod if value == UNKNOWN_YEAR else None
    if g["qw"] and norm(g["qo"]) in _data()["last_ordinals"] and not g["qrel"]:
        direction = "latest"  # "au dernier trimestre": the latest one over, not the year's fourth
    return Candidate(start, end, value, _mod(m, period_mod), direction, shift, period=period)


# Every date contains an anchor: a year-shaped number, a month name or "années". The full regex
# only runs in a window around each anchor (prefixes reach back less than _REACH characters, a
# match runs less than _TAIL characters past its first anchor): same matches as finditer over
# the whole text, several times faster.
_REACH = 70
_TAIL = 90


@cache
def _anchor_regex() -> re.Pattern[str]:
    # the leading class lets the scan skip most positions cheaply (15x faster than without)
    d, v = _data(), _vocab()
    words = [*d["months"], *d["month_abbrevs"], *d["semester_words"], *d["quarter_words"], *d["seasons"],
             *d["year_word_heads"], *d["period_codes"]]
    initials = "".join(sorted({w[0] for w in words} | {"a", "0", "1", "2", "3"}))
    return re.compile(rf"\b(?=[{initials}])(?:(?:1\d|20)\d\d(?!\d)|{v['YW']}|\d\d?[/.]\d\d?[/.]\d\d(?!\d)|{v['MONTH']}"
                      rf"|années|{v['SEM']}|{v['QUAR']}|{v['SEASON']}|(?-i:{v['CODE'].upper()})\b)", re.IGNORECASE)


def _matches(text: str, regex: re.Pattern[str] | None = None,
             anchors: re.Pattern[str] | None = None) -> Iterator[re.Match[str]]:
    regex, cursor = regex or date_regex(), 0
    for anchor in (anchors or _anchor_regex()).finditer(text):
        if anchor.start() < cursor:
            continue
        m = regex.search(text, max(cursor, anchor.start() - _REACH), anchor.end() + _TAIL)
        if m:
            cursor = m.end()
            yield m


@cache
def _see_also_regex() -> re.Pattern[str]:
    """A "Lire aussi" heading line (group `alone`), or a "Lire aussi : <title>" line."""
    heads = _alt(_data()["see_also_headings"])
    return re.compile(rf"^{_HSPACE}*(?:{heads})(?:(?P<alone>{_HSPACE}*[:»>]?{_HSPACE}*$)|{_HSPACE}*:.*$)",
                      re.IGNORECASE | re.MULTILINE)


_BLANK_LINE = re.compile(r"\n[ \t\u00a0\u202f]*(?:\n|$)")


def _link_lists(text: str) -> list[tuple[int, int]]:
    """Character ranges of "Lire aussi" link lists (GUIDELINES.md: boilerplate): a heading line and
    the lines after it up to the next blank line, or a "Lire aussi : <title>" line."""
    spans = []
    for m in _see_also_regex().finditer(text):
        if m.group("alone") is None:
            spans.append(m.span())
            continue
        blank = _BLANK_LINE.search(text, m.end())
        spans.append((m.start(), blank.start() if blank else len(text)))
    return spans


def _joins_range(a: Candidate, b: Candidate, text: str) -> bool:
    """"du 1er janvier 2026 au 31/12/2037", "entre le 2 avril 2024 et le 30 juin 2026": two dates
    of the same granularity, the first opened by du/entre, the second joined by au/et."""
    d = _data()
    if a.mod or b.mod or "/" in a.value + b.value or UNKNOWN_YEAR in a.value + b.value:
        return False
    if len(a.value) != len(b.value) or a.value >= b.value:
        return False
    opened = {_words_before(text, a.start, n) for n in (1, 2)} & set(d["range_openers"])
    joint = norm(text[a.end : b.start])  # "et", or nothing when b starts with its preposition "au"
    lead = norm(text[b.start : b.end]).split(" ")[0]
    return bool(opened) and (joint in d["range_joiners"] or (not joint and lead in d["range_joiners"]))


def _merge_ranges(cands: list[Candidate], text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in cands:
        if out and _joins_range(out[-1], cand, text):
            first = out.pop()
            cand = replace(first, end=cand.end, value=f"{first.value}/{cand.value}")
        out.append(cand)
    return out


def _candidates(text: str, pivot: int = REFERENCE_YEAR) -> list[Candidate]:
    skip = [u.span() for u in (_URL_RE if "@" in text else _WEB_RE).finditer(text)] + _link_lists(text)
    found = []
    for m in _matches(text):
        if any(s < m.end() and m.start() < e for s, e in skip):
            continue
        cand = _candidate(m, text, pivot)
        if cand is not None:
            found.append(cand)
    return _merge_ranges(found, text)


def _year_of(value: str) -> str | None:
    last = value.split("/")[-1]
    return last[:4] if last[:4].isdigit() else None


Tense = Callable[[int, int], str | None]


def _published_parts(published: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of the article's date; month and day may be unknown."""
    if not published or not published[:4].isdigit():
        return None
    parts = [int(p) for p in published.split("-")[:3]]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _year_from_published(cand: Candidate, pub: tuple[int, int | None, int | None], tense: str | None) -> int:
    """The year of a day or month named without one (GUIDELINES.md, relative dates): "dernier" -> the
    latest strictly before the article's date, "prochain" -> the next strictly after, else by tense
    (past -> on or before, future -> on or after), else the article's year."""
    year, pub_month, pub_day = pub
    if cand.shift is not None:
        return year + cand.shift
    first = cand.value.split("/")[0]
    if pub_month is None or (first == UNKNOWN_YEAR and cand.period is None):
        return year
    if first == UNKNOWN_YEAR:  # a period: dernier/prochain, or "d'ici l'été" (the next one not over)
        begin, finish = _data()["period_months"][str(cand.period)]
        if cand.direction == "last":
            return year if finish < pub_month else year - 1
        if cand.direction == "next" or cand.mod in {"by", "since"}:
            return year if (begin > pub_month or (cand.mod and finish >= pub_month)) else year + 1
        return year
    else:
        month = int(first[5:7])
        day = int(first[8:10]) if len(first) > 7 and pub_day is not None else None
        here, then = (month, day or 0), (pub_month, pub_day if day is not None and pub_day else 0)
        after, before = here > then, here < then
    if cand.direction == "last":
        return year if before else year - 1
    if cand.direction == "next":
        return year if after else year + 1
    if tense == "past" and after:
        return year - 1
    if tense == "future" and before:
        return year + 1
    return year


def _latest_period(cand: Candidate, pub: tuple[int, int | None, int | None]) -> Candidate:
    """"au dernier trimestre" / "au dernier semestre": the latest one that ended before the article's
    month (Q4 of the year before for an article of February)."""
    year, month = pub[0], pub[1] or 1
    size = 6 if str(cand.period).startswith("H") else 3
    index = (month - 1) // size  # the current period, 0-based; the latest over is the one before
    if index == 0:
        year, index = year - 1, 12 // size
    mod = f"{'H' if size == 6 else 'Q'}{index}"
    value = cand.value.replace(UNKNOWN_YEAR, str(year))
    return replace(cand, value=value, mod=cand.mod if cand.mod != cand.period else mod, period=mod, relative=True)


def _resolve_years(cands: list[Candidate], text: str, published: str | None, tense: Tense) -> list[Candidate]:
    """Give a day or month without a year its year: from the article's date and the tense when the
    date is known (GUIDELINES.md, relative dates), else the nearest preceding explicit year of its
    paragraph. A period without a year ("au deuxième trimestre") is dropped when neither is known."""
    pub = _published_parts(published)
    out: list[Candidate] = []
    last_year: str | None = None
    last_para = -1
    for cand in cands:
        para = text.rfind("\n", 0, cand.start)
        if para != last_para:
            last_year, last_para = None, para
        if UNKNOWN_YEAR in cand.value:
            if pub and cand.direction == "latest":
                cand = _latest_period(cand, pub)
            elif pub:
                year = str(_year_from_published(cand, pub, tense(cand.start, cand.end)))
                cand = replace(cand, value=cand.value.replace(UNKNOWN_YEAR, year), relative=True)
            elif last_year and cand.shift is None:
                cand = replace(cand, value=cand.value.replace(UNKNOWN_YEAR, last_year))
            elif cand.value == UNKNOWN_YEAR or cand.shift is not None:
                continue
        else:
            last_year = _year_of(cand.value) or last_year
        out.append(cand)
    return out


def _tense_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    t = _data()["tense"]
    return frozenset(t["future_words"]), frozenset(t["past_words"]), tuple(t["future_suffixes"])


_WORD_RE = re.compile(r"\w+")


def tense_finder(text: str, bounds: Callable[[int, int], tuple[int, int]]) -> Tense:
    """The tense of the verb nearest a span in its sentence, from word cues (no morphology in the
    pipeline): "a", "ont", "avait" -> past; "doit", "prévu", a future or conditional ending -> future."""
    future_words, past_words, suffixes = _tense_words()

    def cue(word: str) -> str | None:
        w = word.lower()
        if w in past_words:
            return "past"
        if w in future_words or (len(w) > 4 and w.endswith(suffixes) and not w.endswith("ara")):
            return "future"
        return None

    def tense(start: int, end: int) -> str | None:
        """The nearest cue before the span (the verb the date complements), else the nearest after."""
        lo, hi = bounds(start, end)
        before = [c for w in _WORD_RE.finditer(text, lo, start) if (c := cue(w.group()))]
        if before:
            return before[-1]
        after = (cue(w.group()) for w in _WORD_RE.finditer(text, end, hi))
        return next((c for c in after if c), None)

    return tense


@cache
def _relative_regex() -> re.Pattern[str]:
    """Expressions anchored on the article's date: "hier", "l'an prochain", "le mois dernier",
    "jeudi dernier", "il y a deux ans", "d'ici trois ans", with the same prefixes as dates."""
    v, rel = _vocab(), _data()["relative"]
    inner = rf"(?P<inner>{v['INNER']})(?:-|{SP})(?:(?:de|du){SP}|d{APOS}{SP}?)?"
    count = rf"\d{{1,2}}|{_alt(rel['counts'])}"
    cores = [
        rf"(?P<xd>{_alt(rel['days'])})",
        rf"(?P<xy>{_alt(rel['years'])})",
        rf"(?(inner)(?P<xyi>{_alt(rel['year_with_mod'])})|(?!))",  # "l'année" only in "fin de l'année"
        rf"(?P<xm>{_alt(rel['months'])})",
        rf"(?:(?P<wthis>{v['THIS']}){SP})?(?P<wd>{v['WEEKDAY']})(?:{SP}(?P<wdir>{v['LAST']}|{v['NEXT']}))?"
        rf"(?!\w)(?!{SP}?\d)",
        rf"(?:(?P<clead>{_alt(rel['count_leads'])}){SP})?(?P<cn>{count}){SP}(?P<cu>{_alt(rel['count_units'])})",
    ]
    alts = "|".join(f"(?:{c})" for c in cores)
    return re.compile(rf"(?<![\w'’-])(?:(?P<outer>{v['OUTER']}))?(?:(?P<prep>{v['PREP']}))?(?:{inner})?"
                      rf"(?P<core>{alts})(?![\w-])", re.IGNORECASE)


@cache
def _relative_anchors() -> re.Pattern[str]:
    """Words every relative expression contains (the regex runs in a window around each)."""
    rel = _data()["relative"]
    words = [*rel["days"], *_data()["weekdays"], *rel["count_units"], "année", "an", "mois"]
    return re.compile(rf"(?<!\w)(?:{_alt(words)})(?!\w)", re.IGNORECASE)


def _weekday_date(pub: date, weekday: int, direction: str) -> date:
    """The weekday's date: "last" strictly before `pub`, "next" strictly after, "onbefore" on or before."""
    back = (pub.weekday() - weekday) % 7
    if direction == "next":
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    return pub - timedelta(days=back or (7 if direction == "last" else 0))


def _count_value(phrase: str, unit: str, pub: date) -> str | None:
    """"il y a 2 ans", "dans 18 mois" resolved by dateparser (the calendar arithmetic on the
    article's date, months overflowing into years), kept at the unit's granularity."""
    parsed = dateparser.parse(phrase, languages=["fr"], settings={
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day), "PREFER_DATES_FROM": "current_period"})
    if parsed is None:
        return None
    return f"{parsed.year}" if unit == "years" else f"{parsed.year}-{parsed.month:02d}"


def _relative_value(m: re.Match[str], text: str, pub: tuple[int, int | None, int | None],
                    tense: Tense) -> str | None:
    """Calendar value of a relative expression, or None when it is not one (or the article's date is
    not precise enough to resolve it)."""
    g, rel = m.groupdict(), _data()["relative"]
    year, month, day = pub
    today = date(year, month, day) if month and day else None
    if g["xy"] or g["xyi"]:
        return str(year + (rel["years"][norm(g["xy"])] if g["xy"] else 0))
    if g["xm"] and month:
        shifted = year * 12 + month - 1 + rel["months"][norm(g["xm"])]
        return f"{shifted // 12}-{shifted % 12 + 1:02d}"
    if g["cn"]:
        outer = norm(g["outer"] or "")
        if not g["clead"] and _data()["outer_mods"].get(outer) != "by":
            return None  # "pendant deux ans", "depuis trois ans": durations
        unit = rel["count_units"][norm(g["cu"])]
        lead = norm(g["clead"] or "dans")
        count = rel["counts"].get(norm(g["cn"]), g["cn"])  # digits: dateparser misses "quinze", "vingt"
        return _count_value(f"{lead} {count} {'ans' if unit == 'years' else 'mois'}", unit, today or
                            date(year, month or 7, 1))
    if today is None:
        return None
    if g["xd"]:
        word = norm(g["xd"])
        if norm(_next_word(text, m.end())) in rel["day_bad_after"] or \
                _words_before(text, m.start(), 1) in rel["day_bad_before"]:
            return None  # "hier encore", "l'IA de demain": figurative
        if word == "aujourd'hui" and not _today_is_the_day(text, m.start()):
            return None
        return (today + timedelta(days=rel["days"][word])).isoformat()
    if g["wd"]:
        before = {_words_before(text, m.start("core"), n) for n in (1, 2)}
        if before & set(rel["weekday_bad_before"]) or norm(_next_word(text, m.end())) in rel["weekday_bad_after"]:
            return None  # "chaque lundi", "le lundi", "du lundi au vendredi": recurring
        weekday = _data()["weekdays"].index(norm(g["wd"]))
        wdir = norm(g["wdir"] or "")
        if wdir:
            direction = "last" if wdir in rel["last"] else "next"
        else:
            direction = "next" if tense(m.start(), m.end()) == "future" else "onbefore"
        return _weekday_date(today, weekday, direction).isoformat()
    return None


def _today_is_the_day(text: str, start: int) -> bool:
    """"a annoncé aujourd'hui", "signe aujourd'hui": the article's day, after an event verb; not
    "Aujourd'hui, les centres...", "le monde d'aujourd'hui", "le futur se joue aujourd'hui" (nowadays)."""
    prev = _words_before(text, start, 1)
    return bool(prev) and prev.startswith(tuple(_data()["relative"]["today_verb_stems"]))


def _relative_candidates(text: str, published: str | None, tense: Tense,
                         taken: list[Candidate]) -> list[Candidate]:
    """Relative expressions not inside a calendar date already found; none when the date is unknown."""
    pub = _published_parts(published)
    if pub is None:
        return []
    found = []
    skip = [(c.start, c.end) for c in taken] + _link_lists(text)
    for m in _matches(text, _relative_regex(), _relative_anchors()):
        if any(s < m.end() and m.start() < e for s, e in skip):
            continue
        value = _relative_value(m, text, pub, tense)
        if value is not None:
            found.append(Candidate(m.start(), m.end(), value, _mod(m, None), relative=True))
    return found


def extract_dates(doc: Doc, *, published: str | None = None) -> list[DateMention]:
    """Date mentions of `doc`, sorted by start. `published` (the article's own date, by default read
    from its dateline) resolves relative expressions and gives the year of a day, month or period
    named without one; without it those keep their paragraph's year or XXXX, and relative
    expressions are not mentions (GUIDELINES.md, relative dates)."""
    text = doc_text(doc)
    published = published or find_published(text)
    pub = _published_parts(published)
    cands = _candidates(text, pub[0] if pub else REFERENCE_YEAR)
    tense = tense_finder(text, sentence_bounds(doc))
    cands = _resolve_years(cands, text, published, tense)
    cands = sorted([*cands, *_relative_candidates(text, published, tense, cands)], key=lambda c: c.start)
    sentence = sentence_lookup(doc, text)
    return [
        DateMention(
            start=c.start, end=c.end, text=text[c.start : c.end],
            sentence=sentence(c.start, c.end), date_value=c.value, date_mod=c.mod, relative=c.relative,
        )
        for c in cands
    ]


_HEAD_CHARS = 600
_HEAD_LINES = 15
_PUBLISHED_TAIL = re.compile(rf"(?:{_HSPACE}*(?:[-–—|·•(]|à{_HSPACE}+\d|\d{{1,2}}\s*[h:]|par\b).*)?\s*$",
                             re.IGNORECASE)
_PUBLISHED_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


@cache
def _published_lead() -> re.Pattern[str]:
    """What may precede a dateline date on its line: nothing, a publication word ("Publié le"), a
    press dateline's place ("Lyon, le", "PARIS,", "Saint-Denis (Réunion),") or an author byline
    ("Par Sophie Martin -")."""
    words = _alt(_data()["published_words"])
    place = rf"(?-i:[A-ZÀ-Ý][\w’'-]*(?:[ -][\w’'-]+){{0,3}}(?:{_HSPACE}*\([^)\n]{{1,30}}\))?,){_HSPACE}*(?:le{SP})?"
    byline = rf"(?:.*\b(?:{words})(?:{SP}(?:le|du|en))?)"
    name = r"(?-i:[A-ZÀ-Ý][\w’'.-]*)"
    # "Par Jean Dupont -"
    author = rf"(?:(?:{_alt(_data()['byline_words'])}){SP}{name}(?:{SP}{name}){{0,3}}{_HSPACE}*[-–—|,·•])"
    return re.compile(rf"(?:{place}|{author}|{byline})?[\s:|·•—–-]*", re.IGNORECASE)


def find_published(text: str) -> str | None:
    """The article's own date from a dateline or byline near the top ("Publié le 13 mai 2025",
    "mai 13, 2025", "13/05/2025 à 10h32"), as YYYY-MM-DD or YYYY-MM; None if there is none."""
    head = "\n".join(text[:_HEAD_CHARS].split("\n")[:_HEAD_LINES])
    for m in _matches(head):
        cand = _candidate(m, head)
        if cand is None or m.group("outer") or m.group("inner") or not _PUBLISHED_VALUE.fullmatch(cand.value):
            continue
        line_start = head.rfind("\n", 0, m.start()) + 1
        line_end = head.find("\n", m.end())
        lead = head[line_start : m.start()]
        tail = head[m.end() : len(head) if line_end < 0 else line_end]
        if _published_lead().fullmatch(lead) and _PUBLISHED_TAIL.fullmatch(tail):
            return cand.value
    return None
