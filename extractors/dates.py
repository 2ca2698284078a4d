"""Date mentions: calendar expressions with an explicit year, month name or day (GUIDELINES.md, date).

One compiled regex finds candidates over the text: an optional outer modifier ("d'ici", "depuis"),
an optional preposition ("au", "à la"), an optional inner modifier ("début", "mi-", "fin") and a
core (range, full date, decade, semester/quarter/season + year, month + year, day + month, year,
month). Each candidate is checked (a bare year must read as a year, not an amount or a name) and
normalised by rule; no dateparser call is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc

from extractors.records import DateMention
from extractors.rules import load_json
from extractors.spans import sentence_lookup
from extractors.text import APOSTROPHE as APOS
from extractors.text import HSPACE as _HSPACE
from extractors.text import normalize_phrase

SP = rf"(?:{_HSPACE}+(?:\n{_HSPACE}*)?|\n{_HSPACE}*)"  # spaces, across at most one line break
UNKNOWN_YEAR = "XXXX"


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
    months = _alt(d["months"])
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
    }


def _core_patterns() -> list[str]:
    """The alternatives of the core, most specific first (the first that matches wins)."""
    v = _vocab()
    y, m, day, wd = v["YEAR"], v["MONTH"], v["DAY"], v["WEEKDAY"]
    dash = rf"{_HSPACE}*[-–—]{_HSPACE}*"
    im = rf"(?:(?:{v['INNER']})(?:-|{SP}))?"  # "entre fin 2024 et mi-2025": the range has no mod
    return [
        # a range of days first: its first bound is a full date on its own
        rf"(?P<rd1>{day}){SP}(?:(?P<rm9>{m}){SP}(?:(?P<ry10>{y}){SP})?)?(?:au|à|{dash}){SP}?(?P<rd2>{day}){SP}(?P<rm10>{m})"
        rf"(?:{SP}(?P<ry7>{y}))?",
        # full dates
        rf"(?:(?:{wd}){SP})?(?P<fd>{day}){SP}(?P<fm>{m}){SP}(?P<fy>{y})",
        rf"(?P<em>{m}){SP}(?P<ed>{day}),?{SP}(?P<ey>{y})",
        rf"(?P<nd>{day})(?P<ns>[/.-])(?P<nm>0?[1-9]|1[0-2])(?P=ns)(?P<ny>{y})",
        rf"(?P<iy>{y})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])",
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
        # semester, quarter, season + year
        rf"(?:(?P<po>{v['ORD']}){SP}(?P<pw>{v['SEM']}|{v['QUAR']})|(?P<pw2>{v['SEM']}){SP}(?P<po2>\d)"
        rf"|(?P<pc>{v['CODE']})|(?P<ps>{v['SEASON']}))(?:{SP}|-)(?:(?:de|du){SP}|d{APOS}{SP}?)?"
        rf"(?:l{APOS}année{SP})?(?P<py>{y})",
        # month + year, day + month, year, month
        rf"(?P<mm>{m}){SP}(?:(?:de{SP})?l{APOS}année{SP})?(?P<my>{y})",
        rf"(?:(?:{wd}){SP})?(?P<dd>{day}){SP}(?P<dm>{m})",
        rf"(?P<yy>{y})",
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
        rf"(?P<core>{cores})"
    )
    return re.compile(pattern, re.IGNORECASE)


_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_RIGHT_BAD = re.compile(rf"[\w°]|[.,]\d|{_HSPACE}?[%‰€$£¥]|[-/]\d")
_LEFT_GLUED = re.compile(r"[\w@#/$€£°_]")  # "$2025", "n°2025", "/2025"
_LEFT_JOINED = re.compile(r"[-.+]")  # "GPT-2025", "v1.2025" (but "(2025", "« 2025")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    value: str  # may start with XXXX until the year is resolved
    mod: str | None


def _month(word: str) -> int:
    return int(_data()["months"][norm(word)])


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


def _core_value(g: dict[str, str | None]) -> tuple[str, str | None] | None:
    """(value, period mod) of the core; None when the text is not a valid date."""
    ranged = _range_value(g)
    if ranged != "":
        return (ranged, None) if ranged else None
    if g["fd"]:
        return f"{_ym(g['fy'], g['fm'])}-{_two(_day(g['fd']))}", None
    if g["ed"]:
        return f"{_ym(g['ey'], g['em'])}-{_two(_day(g['ed']))}", None
    if g["nd"]:
        return f"{g['ny']}-{_two(int(g['nm']))}-{_two(_day(g['nd']))}", None
    if g["iy"]:
        return f"{g['iy']}-{g['im']}-{g['id']}", None
    if g["dec"]:
        dec = g["dec"]
        return (f"19{dec[0]}X" if len(dec) == 2 else f"{dec[:3]}X"), None
    if g["py"]:
        mod = _period_mod(g)
        return (g["py"], mod) if mod else None
    if g["mm"]:
        return _ym(g["my"], g["mm"]), None
    if g["dm"]:
        return f"{_ym(UNKNOWN_YEAR, g['dm'])}-{_two(_day(g['dd']))}", None
    if g["yy"]:
        return g["yy"], None
    return _ym(UNKNOWN_YEAR, g["mo"]), None


def _period_mod(g: dict[str, str | None]) -> str | None:
    d = _data()
    if g["ps"]:
        return str(d["seasons"][norm(g["ps"])])
    if g["pc"]:
        return str(d["period_codes"][norm(g["pc"])])
    word = norm(g["pw"] or g["pw2"] or "")
    order_word = norm(g["po"] or "")
    if order_word in d["last_ordinals"]:
        order = 2 if word in d["semester_words"] else 4
    else:
        order = int(g["po2"]) if g["po2"] else int(d["ordinals"].get(order_word, 0))
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


def _candidate(m: re.Match[str], text: str) -> Candidate | None:
    g = m.groupdict()
    parsed = _core_value(g)
    if parsed is None:
        return None
    value, period_mod = parsed
    start, end = m.span()
    if not _boundaries_ok(text, start, end):
        return None
    has_prefix = bool(g["outer"] or g["prep"] or g["inner"])
    month_word = g["mo"] or g["dm"]
    if month_word and not month_word[0].islower():
        return None  # "Mars" the planet; a month without a year is written in lower case
    if g["mo"] and not has_prefix:
        return None
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
    if g["pc"] and not g["pc"].isupper():
        return None  # "t3", "s1": codes are written in capitals
    return Candidate(start, end, value, _mod(m, period_mod))


# Every date contains an anchor: a year-shaped number, a month name or "années". The full regex
# only runs in a window around each anchor (prefixes reach back less than _REACH characters, a
# match runs less than _TAIL characters past its first anchor): same matches as finditer over
# the whole text, several times faster.
_REACH = 70
_TAIL = 90


@cache
def _anchor_regex() -> re.Pattern[str]:
    # the leading class lets the scan skip most positions cheaply (15x faster than without)
    initials = "".join(sorted({w[0] for w in _data()["months"]} | {"a", "1", "2"}))
    return re.compile(rf"\b(?=[{initials}])(?:(?:1[89]|20)\d\d(?!\d)|{_vocab()['MONTH']}|années)",
                      re.IGNORECASE)


def _matches(text: str) -> Iterator[re.Match[str]]:
    regex, cursor = date_regex(), 0
    for anchor in _anchor_regex().finditer(text):
        if anchor.start() < cursor:
            continue
        m = regex.search(text, max(cursor, anchor.start() - _REACH), anchor.end() + _TAIL)
        if m:
            cursor = m.end()
            yield m


def _candidates(text: str) -> list[Candidate]:
    urls = [u.span() for u in _URL_RE.finditer(text)]
    found = []
    for m in _matches(text):
        if any(s < m.end() and m.start() < e for s, e in urls):
            continue
        cand = _candidate(m, text)
        if cand is not None:
            found.append(cand)
    return found


def _year_of(value: str) -> str | None:
    last = value.split("/")[-1]
    return last[:4] if last[:4].isdigit() else None


def _resolve_years(cands: list[Candidate], text: str, published: str | None) -> list[Candidate]:
    """Give a month without a year the nearest preceding explicit year of its paragraph, else the
    published year."""
    fallback = published[:4] if published and published[:4].isdigit() else None
    out: list[Candidate] = []
    last_year: str | None = None
    last_para = -1
    for cand in cands:
        para = text.rfind("\n", 0, cand.start)
        if para != last_para:
            last_year, last_para = None, para
        if UNKNOWN_YEAR in cand.value:
            year = last_year or fallback
            if year:
                cand = Candidate(cand.start, cand.end, cand.value.replace(UNKNOWN_YEAR, year), cand.mod)
        else:
            last_year = _year_of(cand.value) or last_year
        out.append(cand)
    return out


def extract_dates(doc: Doc, *, published: str | None = None) -> list[DateMention]:
    """Date mentions of `doc`, sorted by start. `published` (the article's own date) gives the year
    of a month named without one when the paragraph states none; by default it is read from the
    article's dateline."""
    text = doc.text
    published = published or find_published(text)
    cands = _resolve_years(_candidates(text), text, published)
    sentence = sentence_lookup(doc, text)
    return [
        DateMention(
            start=c.start, end=c.end, text=text[c.start : c.end],
            sentence=sentence(c.start, c.end), date_value=c.value, date_mod=c.mod,
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
    """What may precede a dateline date on its line: nothing, a publication word ("Publié le"), or a
    press dateline's place ("Lyon, le", "PARIS,", "Saint-Denis (Réunion),")."""
    words = _alt(_data()["published_words"])
    place = rf"(?-i:[A-ZÀ-Ý][\w’'-]*(?:[ -][\w’'-]+){{0,3}}(?:{_HSPACE}*\([^)\n]{{1,30}}\))?,){_HSPACE}*(?:le{SP})?"
    byline = rf"(?:.*\b(?:{words})(?:{SP}(?:le|du|en))?)"
    return re.compile(rf"(?:{place}|{byline})?[\s:|·•—–-]*", re.IGNORECASE)


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
