"""An article's publication date: from its metadata, else from a byline or dateline at the top of its text.

Order: the page's or record's metadata (`published_from` = `metadata`); else a publication byline in the
first lines ("Publié le 19/05/25 09:31", "Actualité publiée le 4 mars 2026", "Mis en ligne le…", "Par
Jeanne Martin, le 12 mars 2026", `byline`); else a dateline ("Lyon, le 4 mars 2026 —", "Le 24 mars 2022 à
13h50", `dateline`), or a masthead or rubric line ending with a full date ("LA LETTRE X — n° 87 — lundi 30
novembre 2026"), first with the patterns here, then with `extractors.dates.find_published`. A
publication date beats an update date ("Mis à jour le…" is only taken by the fallback, when nothing else
dates the article).

A byline without a year ("Par X, le 12 mars") takes the year of the article's URL (`/2026/03/`) when it
has one; else the year stays unknown: `XXXX-03-12`, the convention of `date_value` for a year not stated.
Only a date with its year is given to the extractors as the article's date.
"""

from __future__ import annotations

import re
from datetime import date

HEAD_LINES = 40
HEAD_CHARS = 4000
MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "février": 2, "fevr": 2, "févr": 2, "fev": 2, "fév": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "août": 8, "septembre": 9,
    "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "décembre": 12,
    "dec": 12, "déc": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"
_DATE = (
    rf"(?:{_WEEKDAY})?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\.?(?:\s+(?P<y>\d{{4}}))?(?!\d)"
    r"|(?P<d2>\d{1,2})[/.](?P<m2>\d{1,2})[/.](?P<y2>\d{4}|\d{2})(?!\d)"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?!\d)"
)
_S = r"[ \t\u00a0\u202f]"
# What may follow the date on its line: nothing, a time, a separator, an update note; never running prose
# ("Le 12 mars 2025, la société a…" opens a paragraph, it is not a dateline).
_TAIL = (rf"(?=(?:,?{_S}*(?:à{_S}*\d|\d{{1,2}}{_S}*[h:]|[-–—|·(•]|mis{_S}+à{_S}+jour|modifi|actualis)"
         rf"|[.:]?{_S}*$))")
BYLINES = (
    re.compile(rf"^{_S}*(?:[^\n]{{0,60}}?[|·•—–]{_S}*)?(?:[\w’'-]+{_S}+){{0,2}}?(?:publi[ée]e?s?|mise?{_S}+en{_S}+ligne|post[ée]e?){_S}+(?:(?:le|du){_S}+)?(?:{_DATE}){_TAIL}",
               re.IGNORECASE),
    # "Par X, le 12 mars 2026", also after a few words: "Propos recueillis par X, le…", "Texte rédigé par X -…"
    re.compile(rf"^{_S}*(?:[\w’'-]+{_S}+){{0,3}}?par{_S}+[^\n,]{{2,80}}?(?:,|{_S}[-–—|·]){_S}*(?:le{_S}+)?(?:{_DATE}){_TAIL}",
               re.IGNORECASE),
)
DATELINES = (
    re.compile(rf"^{_S}*(?-i:[A-ZÀ-Ý][\w’'-]*(?:[ -][\w’'-]+){{0,3}})(?:{_S}*\([^)\n]{{1,30}}\))?,{_S}+"
               rf"(?:le{_S}+)?(?:{_DATE}){_TAIL}", re.IGNORECASE),
    re.compile(rf"^{_S}*le{_S}+(?:{_DATE}){_TAIL}", re.IGNORECASE),
)
# A masthead or rubric line that ends with the date, after a separator and at most a short lead-in:
# "LA LETTRE X — n° 87 — lundi 30 novembre 2026", "MARCHÉS | Clôture du mardi 24 novembre 2026, 18h05".
# Taken only with its year, and only when no byline or dateline dates the article.
MASTHEADS = (
    re.compile(rf"^{_S}*[^\n]{{1,80}}?{_S}[|·•—–]{_S}*(?:(?:[\w’'-]+{_S}+)?(?:du|le|au){_S}+)?(?:{_DATE})"
               rf"(?=(?:,?{_S}*(?:à{_S}*)?\d{{1,2}}{_S}*[h:]\d{{0,2}})?{_S}*$)", re.IGNORECASE),  # then a time at most
)
_MARKUP = re.compile(r"^[*_#>\s]+|[*_\s]+$")
_URL_YEAR = re.compile(r"/(20\d\d|19\d\d)/")


def published_date(text: str, *, metadata: str | None = None, url: str | None = None) -> tuple[str | None, str | None]:
    """(date, where it came from): `metadata`, `byline`, `dateline`, or (None, None)."""
    if metadata:
        return metadata, "metadata"
    head = "\n".join(text.lstrip("\ufeff")[:HEAD_CHARS].split("\n")[:HEAD_LINES])
    lines = [_MARKUP.sub("", line) for line in head.split("\n")]  # "*Par X, le 12 mars 2026*" in Markdown
    for patterns, origin, need_year in ((BYLINES, "byline", False), (DATELINES, "dateline", False),
                                        (MASTHEADS, "dateline", True)):
        for pattern in patterns:
            for match in filter(None, map(pattern.search, lines)):
                value = date_value(match, url)
                if value and not (need_year and full_date(value) is None):
                    return value, origin
    from extractors.dates import find_published  # spaCy: not imported before `infrafacts run` needs it

    found = find_published(text)
    return (found, "dateline") if found and is_calendar_date(found) else (None, None)


def is_calendar_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    except (IndexError, ValueError):
        return False
    return True


def date_value(match: re.Match[str], url: str | None) -> str | None:
    """YYYY-MM-DD of a matched date (XXXX-MM-DD when no year is stated nor in the URL); None if impossible."""
    day = match["d"] or match["d2"] or match["d3"]
    month = MONTHS.get(match["m"].lower()) if match["m"] else int(match["m2"] or match["m3"])
    year = match["y"] or match["y2"] or match["y3"]
    if year and len(year) == 2:
        year = f"20{year}" if int(year) < 70 else f"19{year}"
    if year is None and url and (in_url := _URL_YEAR.search(url)):
        year = in_url.group(1)
    try:
        date(int(year or 2000), month, int(day))  # 2000: a leap year, so 29 February passes without one
    except (TypeError, ValueError):
        return None
    return f"{year or 'XXXX'}-{month:02d}-{int(day):02d}"


def full_date(value: str | None) -> str | None:
    """The date when its year is known (what extractors may resolve other dates against), else None."""
    return value if value and value[:4].isdigit() else None
