"""Organisation mentions: statistical NER plus a gazetteer, with one canonical name per organisation.

- `add_org_ruler(nlp)` adds the gazetteer component after "ner": one compiled, prefix-factorised regex
  over the text finds every alias of data/org_aliases.tsv and every non-organisation name of
  data/org_stoplist.json (products, facilities, laws...). Matches go to `doc.spans["org_gazetteer"]`
  (label ORG with `span.id_` = canonical name, or NOT_ORG) and, with exact character offsets, to
  `doc.user_data["org_gazetteer"]`.
- `extract_orgs(doc)` merges those matches with the NER's ORG entities; an entity overlapping a
  gazetteer match defers to it, and the others go through the filters of `org_filters`.
- `canonical_name(surface)` (from `org_names`) gives the one display name of an organisation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.org_filters import (
    INSTITUTION_HEADS,
    ORG_SUFFIX_WORDS,
    acronym_definitions,
    acronym_first_definitions,
    after_product_noun,
    bullet_head_lists,
    cue_candidates,
    cued_lists,
    has_mixed_case,
    has_org_shape,
    is_boilerplate,
    is_common_phrase,
    is_frequent_phrase,
    is_glossary_term,
    is_heading,
    is_index_or_ticker,
    is_listed_non_org,
    is_non_org_class,
    is_tag_list,
    lead_cue_noun,
    lexicon,
    line_at,
    lower_brand_candidates,
    lower_raiser_candidates,
    media_candidates,
    name_lists,
    org_only_cue_names,
    table_names,
    thing_acronyms,
    weak_cue_candidates,
)
from extractors.org_names import (
    APOS,
    canonical_name,
    first_name_keys,
    fold,
    guessed_kind,
    lookup,
    org_kind,
    stop_keys,
    stoplist,
    strip_surface,
)
from extractors.records import OrgMention
from extractors.rules import load_json
from extractors.spans import SpanSet, drop_overlaps, entities, sentence_lookup
from extractors.text import HSPACE, doc_text, trie_regex

__all__ = ["SPANS_KEY", "add_org_ruler", "canonical_name", "extract_orgs", "gazetteer_matches"]

SPANS_KEY = "org_gazetteer"
ORG, NOT_ORG = "ORG", "NOT_ORG"
GazMatch = tuple[int, int, str, str]  # start, end, ORG | NOT_ORG, canonical name (or the stop name)
_CUES_DATA = load_json("org_cues.json")
_CLOSED = re.compile(r"\s*(?:[,.;:!?)]|$)")
_SHAPE_LABELS = frozenset({"MISC", "LOC", "PER"})
# Words that a company drops when it is named again ("Hexacore" for "Hexacore Systems"); not the words of
# a business unit ("Google Cloud", "Intel Foundry", "Iliad Datacenter" are other organisations).
_MERGE_SUFFIXES = frozenset({
    "ai", "labs", "lab", "systems", "systemes", "technologies", "technology", "group", "groupe", "holding",
    "holdings", "capital", "partners", "ventures", "robotics", "semiconductor", "semiconductors", "computing",
    "networks", "datacenters", "datacentres",
})
_NAME_BEFORE = re.compile(r"(?<![\w’'])[A-ZÀ-Ý][\w&.-]*[ \u00a0]$")

_SPACE = rf"{HSPACE}+"  # never a line break: a name does not run across lines
_ACCENTED = {"a": "àâäáã", "e": "éèêë", "i": "îïí", "o": "ôöó", "u": "ùûüú", "c": "ç", "n": "ñ", "y": "ÿ"}
_BEFORE = r"(?<![\w@/.])"
# a listed name ends where its word ends: not before a letter, ".com"/"-Leti", nor an apostrophe inside a
# longer name ("Dell" is not in "Dell'Oro"; elisions stand before names, never after them), a possessive aside
_AFTER = r"(?-i:(?!\w|[.-][a-zà-ÿ0-9]|[’'](?!s\b)[A-ZÀ-Ýa-zà-ÿ]))"
_MAX_NAME_WORDS = 8
_MAX_INSTITUTION_WORDS = 12
_LEAD_JUNK = re.compile(rf"^(?:[\W_]*(?:[lLdD]|[qQ]u|[jJ]usqu)[{APOS}])?[\W_]*")
_ENTITY_CUT = re.compile(r"[\n|\t]|[ \u00a0]:[ \u00a0]")  # a line, a table cell, a colon
_TRAIL_JUNK = re.compile(rf"(?:[{APOS}]s?)?[^\w)+]*$")


def _atoms(name: str) -> list[str]:
    """Regex pieces for a name: any whitespace run, either apostrophe, any hyphen, accents optional."""
    atoms: list[str] = []
    for word_index, word in enumerate(name.split()):
        if word_index:
            atoms.append(_SPACE)
        for char in word:
            base = unicodedata.normalize("NFKD", char.lower())[0]
            if char in APOS:
                atoms.append(f"[{APOS}]")
            elif char in "-‐‑":
                atoms.append(r"[-‐‑]")
            elif base in _ACCENTED:
                atoms.append(f"[{base}{_ACCENTED[base]}]")
            else:
                atoms.append(re.escape(char.lower()))
    return atoms


@cache
def _names() -> dict[str, list[tuple[str, str, str]]]:
    """Folded name -> [(written form, ORG | NOT_ORG, canonical or stop name)]."""
    from extractors.org_names import alias_entries

    table: dict[str, list[tuple[str, str, str]]] = {}
    for entry in alias_entries():
        for alias in entry.aliases:
            table.setdefault(fold(alias), []).append((alias, ORG, entry.canonical))
    for category, names in stoplist().items():
        if category != "first_names":
            for name in names:
                table.setdefault(fold(name), []).append((name, NOT_ORG, name))
    return table


@cache
def _gazetteer_regex() -> re.Pattern[str]:
    written = sorted({form for forms in _names().values() for form, _, _ in forms})
    names = trie_regex((_atoms(name), "") for name in written)
    return re.compile(_BEFORE + "(?:" + names + ")" + _AFTER, re.IGNORECASE)


_WORD_GAP = re.compile(r"[\s\-‐‑]+")


def _case_fits(written: str, surface: str) -> bool:
    """Every word capitalised in the table is capitalised in the text ("Le Monde" is not "le monde")."""
    table_words = _WORD_GAP.split(written)
    text_words = _WORD_GAP.split(surface)
    return len(table_words) == len(text_words) and all(
        not t[:1].isupper() or s[:1].isupper() or s[:1].isdigit() for t, s in zip(table_words, text_words, strict=True)
    )


def gazetteer_matches(text: str) -> list[GazMatch]:
    """Alias and stoplist names in the text, longest first at each position, case rules applied."""
    matches: list[GazMatch] = []
    names = _names()
    for match in _gazetteer_regex().finditer(text):
        surface = match.group(0)
        if not any(c.isupper() or c.isdigit() for c in surface):
            continue
        forms = names.get(fold(surface), ())
        fitting = [(label, name) for written, label, name in forms if _case_fits(written, surface)]
        if fitting:
            label, name = min(fitting)  # NOT_ORG < ORG: a name listed as both is a product
            matches.append((match.start(), match.end(), label, name))
    return matches


@Language.component("infrafacts_org_gazetteer")
def org_gazetteer(doc: Doc) -> Doc:
    """Pipeline component: record the gazetteer matches on the doc."""
    matches = gazetteer_matches(doc_text(doc))
    doc.user_data[SPANS_KEY] = matches
    spans = []
    for start, end, label, name in matches:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label=label, span_id=name if label == ORG else ""))
    doc.spans[SPANS_KEY] = spans
    return doc


def add_org_ruler(nlp: Language) -> None:
    """Add the gazetteer right after the statistical NER (or last if there is no "ner")."""
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("infrafacts_org_gazetteer", name="org_ruler", **where)
    _gazetteer_regex()  # compile at build time, not on the first article
    lexicon(nlp.vocab)


@lru_cache(maxsize=4096)  # each entity is cleaned by several rules
def _clean_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut an entity at its first line break or colon ("Vantiq Data : le néocloud texan"), then trim elisions,
    possessives, edge punctuation and a lower-case cue noun before the name ("banque Barclays")."""
    cut = _ENTITY_CUT.search(text, start, end)
    name = text[start : cut.start() if cut else end]
    lead = _LEAD_JUNK.match(name)
    trail = _TRAIL_JUNK.search(name)
    skip = lead.end() if lead else 0
    new_start = start + skip + lead_cue_noun(name[skip:])
    new_end = start + (trail.start() if trail else len(name))
    return new_start, max(new_start, new_end)


def _is_org_name(name: str, doc: Doc) -> bool:
    """A name the alias table does not know: an org unless a filter says it is something else."""
    if not _is_plausible_name(name):
        return False
    stripped = strip_surface(name)
    return guessed_kind(stripped) is not None or not is_common_phrase(stripped, lexicon(doc.vocab))


@lru_cache(maxsize=1 << 14)
def _is_plausible_name(name: str) -> bool:
    if not any(c.isupper() for c in name) or len(name.split()) > _max_words(name):
        return False
    return not (is_listed_non_org(name) or is_listed_non_org(strip_surface(name)))


def _is_cued_org(name: str, doc: Doc, *, whole: bool = True) -> bool:
    """A name after a noun that only names organisations: a first name does not make it a person ("le cabinet
    Arthur D. Little"); stoplisted names are refused, and very frequent words unless `whole` (the name is all
    the cued slot holds, punctuation after it) and capitalised throughout ("Opérateurs Associés, un groupement")."""
    stripped = strip_surface(name)
    if not any(c.isupper() for c in name) or len(name.split()) > _max_words(name):
        return False
    if {fold(name), fold(stripped)} & stop_keys():
        return False
    return guessed_kind(stripped) is not None or (whole and _is_title_name(stripped)) or \
        not is_frequent_phrase(stripped, lexicon(doc.vocab))


def _max_words(name: str) -> int:
    """An institution's name runs longer ("Syndicat mixte des énergies de la vallée de l'Arve")."""
    return _MAX_INSTITUTION_WORDS if guessed_kind(strip_surface(name)) is not None else _MAX_NAME_WORDS


_TITLE_NAME = re.compile(r"[A-ZÀ-Ý][\w’'-]*(?:[ \u00a0][A-ZÀ-Ý][\w’'-]*)+")


def _is_title_name(name: str) -> bool:
    """Two or more capitalised words and nothing else ("Opérateurs Associés", "Ouest Croissance"): where the
    context says an organisation stands there, such a phrase is its name even if each word is common."""
    return bool(_TITLE_NAME.fullmatch(name))


def _is_named_org(name: str, doc: Doc, persons: frozenset[str]) -> bool:
    """A name with outside evidence (cue noun, list of organisations): only very frequent words are refused."""
    stripped = strip_surface(name)
    if not _is_plausible_name(name) or fold(stripped) in persons:
        return False
    return guessed_kind(stripped) is not None or not is_frequent_phrase(stripped, lexicon(doc.vocab))


def _person_keys(doc: Doc) -> frozenset[str]:
    """Folded people named in full by the NER, and their last names (used alone later on)."""
    keys: set[str] = set()
    for ent in entities(doc):
        # two words at least ("Kalvane\n" is one), and not a company shape ("Vireon Systems")
        if ent.label_ == "PER" and len(ent.text.split()) >= 2 and not has_org_shape(ent.text.strip()):
            key = fold(ent.text)
            keys.update((key, key.rsplit(" ", 1)[-1]))
    return frozenset(keys)


def _is_org_entity(text: str, start: int, end: int, doc: Doc, persons: frozenset[str]) -> bool:
    """An NER entity: also rejected in headings, tag lists and glossary headwords. With a company shape
    ("Side Capital") only very frequent words are refused, as for a name with a cue."""
    if not _in_prose(text, start, end) or after_product_noun(text, start):
        return False
    name = text[start:end]
    if has_org_shape(name):
        return _is_named_org(name, doc, persons)
    return _is_org_name(name, doc)


def _in_prose(text: str, start: int, end: int) -> bool:
    line = line_at(text, start, end)
    if _is_table_row(line.text):
        return not is_boilerplate(line)
    heading = is_heading(line) and not _continues(text, line.end)
    return not (heading or is_tag_list(line) or is_glossary_term(line, start) or is_boilerplate(line))


_NEXT_LINE = re.compile(r"\s*([^\s])")


def _continues(text: str, line_end: int) -> bool:
    """The next line starts in lower case: this one was wrapped mid-sentence ("doté\n\nde 20 milliards")."""
    following = _NEXT_LINE.match(text, line_end)
    return following is not None and following.group(1).islower()


def _is_table_row(line: str) -> bool:
    """A Markdown table row is data, not a heading, however short and unpunctuated it is."""
    return line.lstrip().startswith("|") and line.count("|") >= 2


def _shaped_entities(doc: Doc, text: str, persons: frozenset[str]) -> Iterator[tuple[int, int]]:
    """NER entities labelled MISC, LOC or PER that look like company names ("OpenAI", "Iliad Datacenter")."""
    for ent in entities(doc):
        if ent.label_ in _SHAPE_LABELS and not (ent.label_ == "PER" and ent.tokens > 1):
            start, end = _clean_entity(text, ent.start_char, ent.end_char)
            name = text[start:end]
            if not (start < end and has_org_shape(name)) or after_product_noun(text, start):
                continue  # most of these entities: their line is not read
            placed = _in_prose(text, start, end) or _is_heading_name(text, start, end)
            if placed and _is_named_org(name, doc, persons):
                yield start, end


def _is_heading_name(text: str, start: int, end: int) -> bool:
    """A one-word mixed-case name in a heading or a table of contents ("xAI, Colossus et la Philosophie...")."""
    name = text[start:end]
    line = line_at(text, start, end)
    if " " in name or not has_mixed_case(name) or is_tag_list(line) or is_boilerplate(line):
        return False
    return is_heading(line) and not is_glossary_term(line, start)


def _coordinated(text: str, found: dict[tuple[int, int], str], gazetteer: list[GazMatch],
                 doc: Doc, persons: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Unknown names listed with a recognised organisation and nothing that is not one."""
    not_orgs = {(s, e) for s, e, label, _ in gazetteer if label == NOT_ORG}
    orgs, listed = SpanSet(found), SpanSet(g for g in gazetteer if g[2] == ORG)
    for items in [*name_lists(text), *bullet_head_lists(text)]:
        known = [item for item in items if orgs.overlaps(*item)]
        # A product in the list makes it a list of products ("H100, Blackwell et Rubin") unless its maker
        # follows in parentheses ("Llama (Meta), Mistral et DeepSeek"); a product word inside a longer name
        # ("Cloud Temple") is no product.
        products = [item for item in items if item in not_orgs]
        if not known or any(not _NOTE_AFTER.match(text, end) for _, end in products):
            continue
        for start, end in items:
            fresh = (start, end) not in known and (start, end) not in not_orgs and not listed.overlaps(start, end)
            if fresh and _is_listed_org(text, start, end, doc, persons):
                yield start, end


_NOTE_AFTER = re.compile(r"(?:\*\*)?[ \u00a0]\(")


def _is_listed_org(text: str, start: int, end: int, doc: Doc, persons: frozenset[str]) -> bool:
    """A list member: headings ("L'Hégémonie et l'Épopée NVIDIA") keep the strict common-word test."""
    line = line_at(text, start, end)
    if after_product_noun(text, start) or is_tag_list(line):
        return False
    name = text[start:end]
    if name.islower():  # a brand between other names ("Tessiom, kalyx et Ondaris")
        return _table_org(name, doc, persons) is not None
    if is_heading(line) and not _is_org_name(name, doc):
        return False
    # capitalised common words listed among organisations name one ("OVHcloud, Cloud Temple et S3NS")
    return _is_named_org(name, doc, persons) or (_is_title_name(name) and fold(name) not in persons
                                                 and _is_cued_org(name, doc))


def _is_name_suffix(text: str, match: GazMatch) -> bool:
    """A stoplisted organisation word ending a longer name ("Compute" in "Fluxion Compute"): not a product."""
    start, _, label, name = match
    if label != NOT_ORG or fold(name) not in ORG_SUFFIX_WORDS:
        return False
    before = text[max(0, start - 30) : start]
    return bool(_NAME_BEFORE.search(before))


def _candidates(doc: Doc, text: str) -> dict[tuple[int, int], str]:
    """(start, end) -> canonical name, before overlap resolution."""
    gazetteer = doc.user_data.get(SPANS_KEY)
    if gazetteer is None:
        gazetteer = gazetteer_matches(text)
    found = {
        (s, e): name for s, e, label, name in gazetteer
        if label == ORG and not _off_content(text, s, e) and not _metonym_as_place(text, s, e)
    }
    org_only = set(org_only_cue_names(text))
    # a role cue names organisations: the NER's "person" there is one unless a first name opens it
    cued = [(s, e) for items in cued_lists(text) for s, e in items if not is_listed_non_org(text[s:e])]
    persons = _person_keys(doc) - {fold(strip_surface(text[s:e])) for s, e in [*org_only, *cued]}
    gazetteer = [g for g in gazetteer if not _is_name_suffix(text, g)]
    ner_orgs = (_clean_entity(text, e.start_char, e.end_char) for e in entities(doc) if e.label_ == "ORG")
    unknown = [(s, e) for s, e in ner_orgs if s < e and _is_org_entity(text, s, e, doc, persons)]
    unknown += _shaped_entities(doc, text, persons)
    for start, end in cue_candidates(text):
        name = text[start:end]
        if (start, end) in org_only:
            named = _is_cued_org(name, doc, whole=bool(_CLOSED.match(text, end)))
        else:
            named = _is_named_org(name, doc, persons)
        if named and not _off_content(text, start, end):
            unknown.append((start, end))
    # "ses investisseurs historiques, Kerlan Capital et Alpes Angels"
    unknown += [(s, e) for s, e in cued if not _off_content(text, s, e) and _is_listed_org(text, s, e, doc, persons)]
    # weak cues ("signé avec X", "X investit 3 milliards") need the NER to call X an organisation or a MISC name
    named = {_clean_entity(text, x.start_char, x.end_char) for x in entities(doc) if x.label_ in ("ORG", "MISC")}
    for start, end in weak_cue_candidates(text):
        if (start, end) in named and not _off_content(text, start, end) \
                and _is_named_org(text[start:end], doc, persons):
            unknown.append((start, end))
    # a place inside a longer name does not block it ("la cour d'appel de Paris", "Université de Lyon")
    places = {(s, e) for s, e, label, name in gazetteer
              if label == NOT_ORG and _stop_category().get(fold(name)) == "places"}
    listed = SpanSet(g for g in gazetteer if (g[0], g[1]) not in places)
    for start, end in unknown:
        free = not listed.overlaps(start, end) or _wraps_known(text, start, end, gazetteer)
        if free and (start, end) not in places and not is_index_or_ticker(text, start, end):
            found[(start, end)] = canonical_name(text[start:end])
    found.update(_structured(doc, text, gazetteer, persons))
    found.update(_media(doc, text, persons))
    found.update(_subject_metonyms(text))
    known = {(s, e) for s, e, label, _ in gazetteer if label == ORG}
    found = _without_non_orgs(text, found, known)
    for start, end in list(_coordinated(text, found, gazetteer, doc, persons)):
        if not is_index_or_ticker(text, start, end):
            name = canonical_name(text[start:end])
            found[(start, end)] = _capitalised(name) if name.islower() else name  # "kalyx" -> "Kalyx", as in tables
    _name_known_acronyms(text, found, gazetteer)
    return _without_non_orgs(text, found, known)


_ACRONYM_NOTE = re.compile(r"[ \u00a0]\(([^()\n]{2,12})\)")


def _name_known_acronyms(text: str, found: dict[tuple[int, int], str], gazetteer: list[GazMatch]) -> None:
    """A long name defined by a known acronym is that organisation ("l'Institut national de recherche en sciences
    et technologies du numérique (Inria)"), even when its initials do not spell the acronym. Three words at least
    and the same first letter: "Outscale (Dassault Systèmes)" names a parent, not the same organisation."""
    known = {(s, e): name for s, e, label, name in gazetteer if label == ORG}
    for start, end in list(found):
        note = _ACRONYM_NOTE.match(text, end)
        canonical = known.get(note.span(1)) if note else None
        if canonical is None or (start, end) in known or len(text[start:end].split()) < 3:
            continue
        if fold(text[start:end])[:1] == fold(note.group(1))[:1]:
            found[(start, end)] = canonical


def _wraps_known(text: str, start: int, end: int, gazetteer: list[GazMatch]) -> bool:
    """An institution's full name around a known organisation's ("Caisse régionale de Crédit Agricole des Savoie"
    is not Crédit Agricole): the name opens with an institution noun and every match lies strictly inside it."""
    name = text[start:end]
    if not name[:1].isupper() or guessed_kind(name) is None \
            or fold(name).split(" ", 1)[0] not in INSTITUTION_HEADS | _COOPERATIVE_HEADS:
        return False
    inside = [g for g in gazetteer if g[0] < end and start < g[1]]
    return all(start < s and e <= end and (label == ORG or _stop_category().get(fold(n)) == "places")
               and (label != ORG or _COMPLEMENT_BEFORE.search(text, start, s)) for s, e, label, n in inside)


_COOPERATIVE_HEADS = frozenset({"mutuelle", "cooperative"})
# The known name is a complement of the institution's ("Caisse régionale de Crédit Agricole"), not a name after
# it ("institut Fraunhofer" is Fraunhofer) or coordinated with it ("l'Université de Strasbourg et l'Inria").
_COMPLEMENT_BEFORE = re.compile(
    rf"(?<!,)(?<!\bet)(?<!\bou)[ \u00a0](?:de|du|des|d[{APOS}])[ \u00a0]?(?:la[ \u00a0]|l[{APOS}])?$"
)
_TITLE_ARTICLE = re.compile(rf"(?:L[{APOS}]|Les? |La )")


def _media(doc: Doc, text: str, persons: frozenset[str]) -> dict[tuple[int, int], str]:
    """Media after a reporting verb, named with their article ("L'Embarqué", "Le Parisien")."""
    found = {}
    for start, end in media_candidates(text):
        surface = text[start:end]
        entry = lookup(surface)
        if entry is not None:
            found[(start, end)] = entry.canonical
        elif _off_content(text, start, end) or fold(strip_surface(surface)) in stop_keys():
            continue
        # a capitalised article inside a sentence is a title's ("a appris L'Informé"), even on a common word
        elif _TITLE_ARTICLE.match(surface) or _is_named_org(strip_surface(surface), doc, persons):
            found[(start, end)] = surface
    return found


_SUBJECT_METONYMS = {fold(k): v for k, v in _CUES_DATA["subject_metonyms"].items() if not k.startswith("_")}
_CLAUSE_SUBJECT = re.compile(
    r"(?m)(?:^[ \t]*(?:[-–—•·*▪►✓][ \u00a0]+)?|[.!?;:«][ \u00a0]+)(?P<name>[A-ZÀ-Ý][\w-]+)"
    r"[ \u00a0](?!(?:et|ou|de|du|des|en|à|au|aux|a\b)\b)[a-zà-ÿ]"
)


def _subject_metonyms(text: str) -> dict[tuple[int, int], str]:
    """A city that stands for an institution when it opens a clause and a verb follows ("Bruxelles prépare un
    texte": the Commission européenne); elsewhere it is a place."""
    found = {}
    for match in _CLAUSE_SUBJECT.finditer(text):
        institution = _SUBJECT_METONYMS.get(fold(match.group("name")))
        if institution is not None and not _off_content(text, *match.span("name")):
            found[match.span("name")] = institution
    return found


def _without_non_orgs(text: str, found: dict[tuple[int, int], str],
                      known: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Drop events, publications and acronyms of things, and any name inside them ("Journal officiel de
    l'Union européenne" names no Union européenne as a party)."""
    things = thing_acronyms(text)
    dropped = SpanSet(span for span, name in found.items() if span not in known and (
        text[span[0] : span[1]] in things or is_non_org_class(text, *span)
        or is_non_org_class(name, 0, len(name))))
    return {span: name for span, name in found.items() if not dropped.overlaps(*span)}


def _off_content(text: str, start: int, end: int) -> bool:
    """In a page's tag list or furniture line ("Lire aussi : ...", "Étiquettes : ...")."""
    line = line_at(text, start, end)
    return is_tag_list(line) or is_boilerplate(line)


_METONYMS = frozenset(fold(name) for name in _CUES_DATA["metonyms"])
_PLACE_WORD = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(w).replace("'", "[’']") for w in _CUES_DATA["place_words"]) + r"))[ \u00a0]+"
    rf"(?:l[{APOS}])?$"
)


def _metonym_as_place(text: str, start: int, end: int) -> bool:
    """"à Bercy", "devant Matignon": the building, not the institution acting."""
    if fold(strip_surface(text[start:end])) not in _METONYMS:
        return False
    return bool(_PLACE_WORD.search(text, max(0, start - 30), start))


def _structured(doc: Doc, text: str, gazetteer: list[GazMatch],
                persons: frozenset[str]) -> dict[tuple[int, int], str]:
    """Names the page structure announces: table columns of organisations, "Name (ACRONYM)" definitions (the
    acronym then names the same organisation everywhere), lower-case brands after a cue noun, business units
    that extend a known organisation ("Airbus Defence and Space", "Inria Saclay")."""
    found: dict[tuple[int, int], str] = {}
    for start, end in table_names(text):
        name = _table_org(text[start:end], doc, persons, cell=True)
        if name is not None and not _off_content(text, start, end) and not is_index_or_ticker(text, start, end):
            found[(start, end)] = name
    for start, end in [*lower_brand_candidates(text), *lower_raiser_candidates(text)]:
        name = _table_org(text[start:end], doc, persons)
        if name is not None and not _off_content(text, start, end):
            found[(start, end)] = name
    for name_start, name_end, acro_start, acro_end in [*acronym_definitions(text), *acronym_first_definitions(text)]:
        long_name, acro = text[name_start:name_end], text[acro_start:acro_end]
        entry = lookup(long_name) or lookup(acro)
        if entry is None and not _is_definition_name(long_name, doc):
            continue
        canonical = entry.canonical if entry else _capitalised(canonical_name(long_name))
        found[(name_start, name_end)] = canonical
        for match in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", text):
            if not _off_content(text, *match.span()):
                found[match.span()] = canonical
    found.update(_business_units(doc, text, gazetteer))
    return found


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def _table_org(name: str, doc: Doc, persons: frozenset[str], *, cell: bool = False) -> str | None:
    """A table cell or a cued lower-case word: a known alias, a capitalised name that is not a very frequent
    word, or a lower-case word the model's vocabulary does not know (a brand: "hexaflow")."""
    entry = lookup(name)
    if entry is not None:
        return entry.canonical
    if any(c.isupper() for c in name):
        named = _is_named_org(name, doc, persons) or (_is_title_name(name) and _is_cued_org(name, doc))
        return canonical_name(name) if named else None
    if not name.isalnum() or doc.vocab[name].is_stop or is_listed_non_org(name):
        return None  # "peuvent-elles", "aux": verbs and function words after a cue noun are no brand
    rank = lexicon(doc.vocab).rank(name)
    return _capitalised(name) if rank is None or (cell and rank > _RARE_RANK) else None


# In a table's organisation column, a lower-case word rarer than this may be a brand ("coldwave"); after a cue
# noun only unknown words are (rare adjectives follow cue nouns: "le groupe singapourien", "une société messine").
_RARE_RANK = 100_000


def _is_definition_name(name: str, doc: Doc) -> bool:
    """The name of an acronym definition: an institution noun first, or a name that is not common words."""
    capitalised = _capitalised(strip_surface(name))
    if is_listed_non_org(capitalised):
        return False
    head = fold(name).split(" ", 1)[0]
    return guessed_kind(capitalised) is not None or head in _DEFINITION_HEADS or head in INSTITUTION_HEADS or \
        not is_common_phrase(capitalised, lexicon(doc.vocab))


_DEFINITION_HEADS = frozenset({"banque", "communaute", "grand", "caisse", "port", "union", "federation", "syndicat",
                               "metropole", "societe", "compagnie", "groupement", "etablissement", "regie", "fonds"})


@cache
def _stop_category() -> dict[str, str]:
    return {fold(n): cat for cat, names in stoplist().items() if cat != "first_names" for n in names}


def _business_units(doc: Doc, text: str, gazetteer: list[GazMatch]) -> dict[tuple[int, int], str]:
    """An ORG entity that adds capitalised words to a known organisation names a unit of it, another
    organisation ("Airbus Defence and Space" is not Airbus; "Inria Saclay"), unless the words are a product,
    a person or another organisation ("Nvidia Blackwell", "Nvidia Jensen Huang")."""
    starts = {s: (e, label) for s, e, label, _ in gazetteer}
    found = {}
    for start, end, label, _ in gazetteer:
        glued = _GLUED_UNIT.match(text, end)
        if label == ORG and text[start:end].isupper() and glued and lookup(glued.group(1)) is None:
            found[(start, glued.end())] = text[start : glued.end()]
    for ent in entities(doc):
        if ent.label_ not in ("ORG", "MISC"):
            continue
        start, end = _clean_entity(text, ent.start_char, ent.end_char)
        known = starts.get(start)
        if known is None or known[1] != ORG or known[0] >= end:
            continue
        extension = text[known[0] : end]
        if _is_unit_extension(extension, [g for g in gazetteer if known[0] <= g[0] < end]):
            found[(start, end)] = canonical_name(text[start:end])
    return found


# A unit glued to its parent's acronym: "CEA-Leti", "CEA-Liten" (not "Nvidia-OpenAI": the parent is an acronym
# and the second word is no known organisation).
_GLUED_UNIT = re.compile(r"[-‐‑]([A-ZÀ-Ý][\w]+)(?![\w-])")


def _is_unit_extension(extension: str, inside: list[GazMatch]) -> bool:
    words = extension.split()
    if not extension[:1].isspace() or not words or not words[0][:1].isupper() or len(words) > 4:
        return False
    if fold(words[0]) in first_name_keys() or fold(extension) in _MERGE_SUFFIXES:
        return False
    return all(label == NOT_ORG and _stop_category().get(fold(name)) == "places" for _, _, label, name in inside)


def _merge_variants(names: list[str]) -> dict[str, str]:
    """One name per unknown organisation in an article: accents-only variants ("Hydrélis", "Hydrelis") and a
    short form of a name that adds organisation words ("Hexacore" for "Hexacore Systems") take the fuller name."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(fold(name), name)
    merged = {name: by_key[fold(name)] for name in names}
    keys = set(by_key)
    for name in names:
        key = fold(name)
        if lookup(name) is not None:
            continue
        # "Hexacore" -> "Hexacore Systems"; a bare institution noun -> its full name ("Département" ->
        # "Département de la Moselle")
        bare_institution = " " not in key and guessed_kind(name) is not None
        longer = [k for k in keys if k.startswith(key + " ") and
                  (bare_institution or all(w in _MERGE_SUFFIXES for w in k[len(key) + 1 :].split()))]
        if len(longer) == 1:
            merged[name] = by_key[longer[0]]
    return merged


def extract_orgs(doc: Doc) -> list[OrgMention]:
    """One record per organisation mention, sorted by start, no overlaps."""
    text = doc_text(doc)
    found = _candidates(doc, text)
    spans = drop_overlaps(found)
    merged = _merge_variants([found[span] for span in spans])
    sentence_of = sentence_lookup(doc, text)
    mentions = []
    for start, end in spans:
        canonical = merged[found[(start, end)]]
        mentions.append(
            OrgMention(
                start=start,
                end=end,
                text=text[start:end],
                sentence=sentence_of(start, end),
                canonical=canonical,
                kind=org_kind(canonical),
            )
        )
    return mentions
