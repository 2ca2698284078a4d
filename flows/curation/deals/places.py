"""Where a deal is: its `site` (places as written) and `country` (ISO 3166-1 alpha-2).

Places are read from the deal's sentence with the gazetteer `extractors/data/places.tsv`: French
regions, départements and the communes of known sites, states of other countries, and every country
by its French name (CLDR). Names match whole words, folded, longest first. The site is the places
below country level in reading order ("Lyon; Marseille"), their region as `site_aliases`; the
country is the one all those places lie in, else the one country the sentence names ("en France"),
else null (none, or several). A deal on a whole company (funding round, acquisition) has no place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.rules import load_tsv
from extractors.text import fold_key

COMPANY_KINDS = frozenset({"funding", "acquisition"})


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    level: str
    region: str


@cache
def gazetteer() -> dict[str, Place]:
    """Folded name -> place; the first row of a name wins (French places before countries)."""
    out: dict[str, Place] = {}
    for row in load_tsv("places.tsv"):
        name, country, level, region = (*row, "")[:4]
        out.setdefault(fold_key(name), Place(name, country, level, region))
    return out


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(gazetteer(), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z0-9])")


def places_in(text: str) -> list[Place]:
    """The gazetteer places named in `text`, in reading order, each once."""
    found = [gazetteer()[m.group(0)] for m in _pattern().finditer(fold_key(text))]
    return list(dict.fromkeys(found))


def site_and_country(text: str, kind: str) -> tuple[str | None, list[str], str | None]:
    """(site, site_aliases, country) of a deal stated in `text` (module docstring)."""
    if kind in COMPANY_KINDS:
        return None, [], None
    places = places_in(text)
    local = [p for p in places if p.level != "country"]
    countries = {p.country for p in local} or {p.country for p in places}
    site = "; ".join(p.name for p in local) or None
    aliases = list(dict.fromkeys(p.region for p in local if p.region and p.region != p.name))
    return site, aliases, countries.pop() if len(countries) == 1 else None
