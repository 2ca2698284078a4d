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
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.org_filters import (
    ORG_SUFFIX_WORDS,
    after_product_noun,
    cue_candidates,
    has_org_shape,
    is_common_phrase,
    is_frequent_phrase,
    is_glossary_term,
    is_heading,
    is_listed_non_org,
    is_tag_list,
    lexicon,
    line_at,
    name_lists,
)
from extractors.org_names import (
    APOS,
    canonical_name,
    fold,
    guessed_kind,
    lookup,
    org_kind,
    stoplist,
    strip_surface,
)
from extractors.records import OrgMention
from extractors.spans import drop_overlaps, sentence_lookup
from extractors.text import HSPACE, trie_regex

__all__ = ["SPANS_KEY", "add_org_ruler", "canonical_name", "extract_orgs", "gazetteer_matches"]

SPANS_KEY = "org_gazetteer"
ORG, NOT_ORG = "ORG", "NOT_ORG"
GazMatch = tuple[int, int, str, str]  # start, end, ORG | NOT_ORG, canonical name (or the stop name)
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
_AFTER = r"(?-i:(?!\w|[.-][a-zà-ÿ0-9]))"
_MAX_NAME_WORDS = 8
_LEAD_JUNK = re.compile(rf"^(?:[\W_]*(?:[lLdD]|[qQ]u|[jJ]usqu)[{APOS}])?[\W_]*")
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


def _case_fits(written: str, surface: str) -> bool:
    """Every word capitalised in the table is capitalised in the text ("Le Monde" is not "le monde")."""
    table_words = re.split(r"[\s\-‐‑]+", written)
    text_words = re.split(r"[\s\-‐‑]+", surface)
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
    matches = gazetteer_matches(doc.text)
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


def _clean_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut an entity at its first line break, then trim elisions, possessives and edge punctuation."""
    newline = text.find("\n", start, end)
    name = text[start : newline if newline >= 0 else end]
    lead = _LEAD_JUNK.match(name)
    trail = _TRAIL_JUNK.search(name)
    new_start = start + (lead.end() if lead else 0)
    new_end = start + (trail.start() if trail else len(name))
    return new_start, max(new_start, new_end)


def _is_org_name(name: str, doc: Doc) -> bool:
    """A name the alias table does not know: an org unless a filter says it is something else."""
    if not _is_plausible_name(name):
        return False
    stripped = strip_surface(name)
    return guessed_kind(stripped) is not None or not is_common_phrase(stripped, lexicon(doc.vocab))


def _is_plausible_name(name: str) -> bool:
    if not any(c.isupper() for c in name) or len(name.split()) > _MAX_NAME_WORDS:
        return False
    return not (is_listed_non_org(name) or is_listed_non_org(strip_surface(name)))


def _is_named_org(name: str, doc: Doc, persons: frozenset[str]) -> bool:
    """A name with outside evidence (cue noun, list of organisations): only very frequent words are refused."""
    stripped = strip_surface(name)
    if not _is_plausible_name(name) or fold(stripped) in persons:
        return False
    return guessed_kind(stripped) is not None or not is_frequent_phrase(stripped, lexicon(doc.vocab))


def _person_keys(doc: Doc) -> frozenset[str]:
    """Folded people named in full by the NER, and their last names (used alone later on)."""
    keys: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PER" and len(ent) >= 2:
            key = fold(ent.text)
            keys.update((key, key.rsplit(" ", 1)[-1]))
    return frozenset(keys)


def _is_org_entity(text: str, start: int, end: int, doc: Doc) -> bool:
    """An NER entity: also rejected in headings, tag lists and glossary headwords."""
    return _in_prose(text, start, end) and _is_org_name(text[start:end], doc)


def _in_prose(text: str, start: int, end: int) -> bool:
    line = line_at(text, start, end)
    return not (is_heading(line) or is_tag_list(line) or is_glossary_term(line, start))


class _SpanSet:
    """Does [start, end) overlap any of these spans? Sorted starts and running maximum of ends (bisect)."""

    def __init__(self, spans: Iterable[tuple[int, ...]]) -> None:
        ordered = sorted((s, e) for s, e, *_ in spans)
        self._starts = [s for s, _ in ordered]
        self._max_ends = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)
        return i > 0 and self._max_ends[i - 1] > start


def _shaped_entities(doc: Doc, text: str, persons: frozenset[str]) -> Iterator[tuple[int, int]]:
    """NER entities labelled MISC, LOC or PER that look like company names ("OpenAI", "Iliad Datacenter")."""
    for ent in doc.ents:
        if ent.label_ in _SHAPE_LABELS and not (ent.label_ == "PER" and len(ent) > 1):
            start, end = _clean_entity(text, ent.start_char, ent.end_char)
            name = text[start:end]
            shaped = start < end and has_org_shape(name) and not after_product_noun(text, start)
            if shaped and _in_prose(text, start, end) and _is_named_org(name, doc, persons):
                yield start, end


def _coordinated(text: str, found: dict[tuple[int, int], str], gazetteer: list[GazMatch],
                 doc: Doc, persons: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Unknown names listed with a recognised organisation and nothing that is not one."""
    not_orgs = _SpanSet(g for g in gazetteer if g[2] == NOT_ORG)
    orgs, listed = _SpanSet(found), _SpanSet(gazetteer)
    for items in name_lists(text):
        known = [item for item in items if orgs.overlaps(*item)]
        if not known or any(not_orgs.overlaps(*item) for item in items):
            continue
        for start, end in items:
            fresh = (start, end) not in known and not listed.overlaps(start, end)
            if fresh and _is_listed_org(text, start, end, doc, persons):
                yield start, end


def _is_listed_org(text: str, start: int, end: int, doc: Doc, persons: frozenset[str]) -> bool:
    """A list member: headings ("L'Hégémonie et l'Épopée NVIDIA") keep the strict common-word test."""
    line = line_at(text, start, end)
    if after_product_noun(text, start) or is_tag_list(line):
        return False
    name = text[start:end]
    if is_heading(line) and not _is_org_name(name, doc):
        return False
    return _is_named_org(name, doc, persons)


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
        (s, e): name for s, e, label, name in gazetteer if label == ORG and not is_tag_list(line_at(text, s, e))
    }
    persons = _person_keys(doc)
    gazetteer = [g for g in gazetteer if not _is_name_suffix(text, g)]
    entities = (_clean_entity(text, e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG")
    unknown = [(s, e) for s, e in entities if s < e and _is_org_entity(text, s, e, doc)]
    unknown += _shaped_entities(doc, text, persons)
    for start, end in cue_candidates(text):
        if not is_tag_list(line_at(text, start, end)) and _is_named_org(text[start:end], doc, persons):
            unknown.append((start, end))
    listed = _SpanSet(gazetteer)
    for start, end in unknown:
        if not listed.overlaps(start, end):
            found[(start, end)] = canonical_name(text[start:end])
    for start, end in list(_coordinated(text, found, gazetteer, doc, persons)):
        found[(start, end)] = canonical_name(text[start:end])
    return found


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
        longer = [k for k in keys if k.startswith(key + " ") and
                  all(w in _MERGE_SUFFIXES for w in k[len(key) + 1 :].split())]
        if len(longer) == 1:
            merged[name] = by_key[longer[0]]
    return merged


def extract_orgs(doc: Doc) -> list[OrgMention]:
    """One record per organisation mention, sorted by start, no overlaps."""
    text = doc.text  # a property that joins every token: read it once
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
