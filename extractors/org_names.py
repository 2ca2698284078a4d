"""Organisation names: the alias table, the stoplist and canonicalisation (`canonical_name`).

Canonical rule, for any surface form (article-independent, deterministic):
1. strip elisions ("l’", "d’"), possessives ("’s"), quotes and legal suffixes ("SA", "Inc.", "GmbH"...);
2. fold the rest (case, accents, punctuation -> spaces) to a key;
3. a key in the alias table gives the table's display name ("Nvidia" -> "NVIDIA", "AWS" -> "Amazon
   Web Services");
4. otherwise the stripped surface is the name (a final "Group" kept: "Princeton Digital Group"), with every
   all-capitals word of five letters or more written capitalised ("HEXAVOLT" -> "Hexavolt"), so an unknown
   org's shouting and normal spellings get one name; shorter capitals stay as they are (acronyms such as "IBM", "AION").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.rules import load_json, load_tsv
from extractors.text import APOSTROPHES as APOS
from extractors.text import fold_key as fold

_ELISION = re.compile(rf"^(?:[lLdD]|[qQ]u|[jJ]usqu)[{APOS}]\s*")
_POSSESSIVE = re.compile(rf"[{APOS}]s?$")
_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:S\.?A\.?S?|SE|SARL|Inc\.?|Incorporated|Ltd\.?|Limited|Corp\.?|Co\.|GmbH|AG|LLC|L\.L\.C\.|"
    r"PLC|plc|N\.?V\.?|B\.?V\.?|S\.p\.A\.?|Group))+$"
)
# "Group" is part of the name after a descriptor word ("Partners Group", "Synergy Research Group").
_DESCRIPTOR_GROUP = re.compile(r"\b(?:Partners|Research|Capital|Investment|Media|Energy|Financial|Holding)\s+Group$")
_LEGAL_NOT_GROUP = re.compile(_LEGAL_SUFFIX.pattern.replace("|Group))", "))"))
_EDGE_JUNK = re.compile(r"^[\W_]+|[^\w)+]+$")
_SHOUTED_WORD = re.compile(r"\b[A-ZÀ-Ý]{5,}\b")

KINDS = ("company", "lab", "public", "consortium", "media", "other")
# First words that reveal the kind of an org the alias table does not know.
_KIND_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:Minist[eè]re|Commission|Agence|Autorit[ée]|Direction|Conseil|Parlement|S[ée]nat|Assembl[ée]e|"
                r"Gouvernement|Banque (?:centrale|de France|publique)|Cour |Tribunal|Pr[ée]fecture|R[ée]gion |Ville de|"
                r"Mairie|D[ée]partement|Office|Haut[- ]Conseil|Secr[ée]tariat|Acad[ée]mie)", re.I), "public"),
    (re.compile(r"^(?:Institut|Laboratoire|Labo |Universit[ée]|University|[ÉE]cole|Centre (?:de|national) recherche|"
                r"Centre national|Fondation)", re.I), "lab"),
    (re.compile(r"^(?:Consortium|Alliance|Coalition|F[ée]d[ée]ration|Association|Syndicat|Groupement)", re.I),
     "consortium"),
    # institutions of the "Noun adjective de Name" shape ("Caisse régionale de ...", "Régie électrique de ...")
    (re.compile(r"^(?:Chambre|R[ée]gie|Communaut[ée] (?:urbaine|d[’']agglom[ée]ration|de communes))\b"), "public"),
    (re.compile(r"^(?:Mutuelle|Coop[ée]rative|Caisse (?:r[ée]gionale|d[’'][ÉE]pargne|f[ée]d[ée]rale))\b"), "company"),
)


@dataclass(frozen=True, slots=True)
class OrgEntry:
    canonical: str
    kind: str
    aliases: tuple[str, ...]


@cache
def alias_entries() -> tuple[OrgEntry, ...]:
    """The alias table (data/org_aliases.tsv), one entry per organisation."""
    entries = []
    for row in load_tsv("org_aliases.tsv"):
        canonical, kind = row[0].strip(), row[1].strip()
        if kind not in KINDS:
            raise ValueError(f"org_aliases.tsv: unknown kind {kind!r} for {canonical!r}")
        extra = row[2].split("|") if len(row) > 2 else []
        aliases = (canonical, *(a.strip() for a in extra if a.strip()))
        entries.append(OrgEntry(canonical, kind, aliases))
    return tuple(entries)


@cache
def alias_index() -> dict[str, OrgEntry]:
    """Folded alias -> entry."""
    index: dict[str, OrgEntry] = {}
    for entry in alias_entries():
        for alias in entry.aliases:
            key = fold(alias)
            if index.get(key, entry) is not entry:
                raise ValueError(f"org_aliases.tsv: alias {alias!r} names two organisations")
            index[key] = entry
    return index


@cache
def stoplist() -> dict[str, tuple[str, ...]]:
    """Category -> names that are not organisations (data/org_stoplist.json)."""
    raw = load_json("org_stoplist.json")
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


@cache
def stop_keys() -> frozenset[str]:
    """Folded non-organisation names (every category except first names)."""
    return frozenset(fold(n) for cat, names in stoplist().items() if cat != "first_names" for n in names)


@cache
def first_name_keys() -> frozenset[str]:
    return frozenset(fold(n) for n in stoplist()["first_names"])


# The organisation rules ask about the same names again and again (~200 calls per article): answers are kept.
@lru_cache(maxsize=1 << 14)
def strip_surface(surface: str, *, keep_group: bool = False) -> str:
    """The name inside a surface form: no elision, possessive, quotes or legal suffix. With `keep_group`, a
    final "Group" stays: it is part of an unknown organisation's name ("Princeton Digital Group")."""
    name = _EDGE_JUNK.sub("", _ELISION.sub("", surface.strip()))
    name = _POSSESSIVE.sub("", name)
    if _DESCRIPTOR_GROUP.search(name):
        return name
    stripped = (_LEGAL_NOT_GROUP if keep_group else _LEGAL_SUFFIX).sub("", name)
    return _EDGE_JUNK.sub("", stripped) or name


def lookup(surface: str) -> OrgEntry | None:
    """The alias-table entry for a surface form, if any (before or after suffix stripping)."""
    index = alias_index()
    return index.get(fold(surface)) or index.get(fold(strip_surface(surface)))


def canonical_name(surface: str) -> str:
    """One display name per organisation, whatever the article (see the module docstring)."""
    entry = lookup(surface)
    if entry is not None:
        return entry.canonical
    return _SHOUTED_WORD.sub(lambda m: m.group(0).capitalize(), strip_surface(surface, keep_group=True))


@lru_cache(maxsize=1 << 14)
def guessed_kind(name: str) -> str | None:
    """The kind announced by an institution's first words ("Ministère de...", "Institut..."), if any."""
    for pattern, kind in _KIND_PREFIXES:
        if pattern.match(name):
            return kind
    return None


def org_kind(surface: str) -> str:
    """company | lab | public | consortium | media | other: the table's, else guessed from the first words."""
    entry = lookup(surface)
    if entry is not None:
        return entry.kind
    return guessed_kind(strip_surface(surface)) or "company"
