"""Where a deal is: its `site` (places as written) and `country` (ISO 3166-1 alpha-2).

Places are read from the deal's sentence with the gazetteer `extractors/data/places.tsv`: French
regions, départements and the communes of known sites, states of other countries, and every country
by its French name (CLDR). Names match whole words, longest first, without accents but with their
case ("une somme" is not the Somme). A country after "par" pays ("financé par les Émirats arabes
unis"), it is not where the deal is. The site is the places
below country level in reading order ("Lyon; Marseille"), their region as `site_aliases`; the
country is the one all those places lie in, else the one country the sentence names ("en France"),
else null (none, or several). The statistical LOC entities of the deal's sentences (extraction step)
add the places the gazetteer does not know, as written, to the site (their country stays unknown).
A deal on a whole company (funding round, acquisition) has no place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.rules import load_tsv
from extractors.text import without_marks
from flows.curation.deals.cues import rules

COMPANY_KINDS = frozenset({"funding", "acquisition"})


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    level: str
    region: str


_SPACED = re.compile(r"['’`\-]")
PAYER = re.compile(r"(?:^|\W)par (?:les |le |la |l )?$")


def plain(text: str) -> str:
    """Without accents, apostrophes and hyphens as spaces, single spaces; case kept."""
    return " ".join(_SPACED.sub(" ", without_marks(text)).split())


@cache
def gazetteer() -> dict[str, Place]:
    """Plain name -> place; the first row of a name wins (French places before countries)."""
    out: dict[str, Place] = {}
    for row in load_tsv("places.tsv"):
        name, country, level, region = (*row, "")[:4]
        out.setdefault(plain(name), Place(name, country, level, region))
    return out


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(gazetteer(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


@lru_cache(maxsize=1 << 14)  # an article's sentences are read for its main country and again per deal
def places_in(text: str) -> tuple[Place, ...]:
    """The gazetteer places named in `text`, in reading order, each once (payers left out)."""
    text = plain(text)
    found = [gazetteer()[m.group(0)] for m in _pattern().finditer(text)
             if not (gazetteer()[m.group(0)].level == "country" and PAYER.search(text[:m.start()]))]
    return tuple(dict.fromkeys(found))


def main_country(sentences: Iterable[str], share: float = 0.6) -> str | None:
    """The country most of an article's places lie in (at least `share` of them, named twice), else None."""
    counts = Counter(p.country for s in set(sentences) for p in places_in(s))
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= 2 and n / sum(counts.values()) >= share else None


ARTICLES = re.compile(r"^(?:la|le|les|l)\s+", re.IGNORECASE)


def unknown_places(entities: Iterable[str]) -> list[Place]:
    """LOC entities the gazetteer does not know (nor `not_sites`), as sites of unknown country."""
    wide = {plain(w) for w in rules()["not_sites"]}
    out = []
    for text in entities:
        name = ARTICLES.sub("", plain(text))
        if name and name[0].isupper() and name not in gazetteer() and name not in wide:
            out.append(Place(ARTICLES.sub("", text.strip()), "", "site", ""))
    return list(dict.fromkeys(out))


def site_and_country(text: str, kind: str, article_country: str | None = None, entities: Iterable[str] = ()
                     ) -> tuple[str | None, list[str], str | None]:
    """(site, site_aliases, country) of a deal stated in `text` (module docstring), `entities` the
    LOC entities of its sentences; an investment whose text names no place is in `article_country`,
    the article's main country, if any."""
    if kind in COMPANY_KINDS:
        return None, [], None
    places = places_in(text)
    local = [p for p in places if p.level != "country"] + unknown_places(entities)
    countries = {p.country for p in local if p.country} or {p.country for p in places}
    site = "; ".join(p.name for p in local) or None
    aliases = list(dict.fromkeys(p.region for p in local if p.region and p.region != p.name))
    if not places and not local and kind == "investment":
        return None, [], article_country
    return site, aliases, countries.pop() if len(countries) == 1 else None
