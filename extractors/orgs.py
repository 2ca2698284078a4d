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
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.org_filters import (
    cue_candidates,
    is_common_phrase,
    is_glossary_term,
    is_heading,
    is_listed_non_org,
    is_tag_list,
    lexicon,
    line_at,
)
from extractors.org_names import (
    APOS,
    canonical_name,
    fold,
    guessed_kind,
    org_kind,
    stoplist,
    strip_surface,
)
from extractors.records import OrgMention
from extractors.spans import drop_overlaps, sentence_lookup

__all__ = ["SPANS_KEY", "add_org_ruler", "canonical_name", "extract_orgs", "gazetteer_matches"]

SPANS_KEY = "org_gazetteer"
ORG, NOT_ORG = "ORG", "NOT_ORG"
GazMatch = tuple[int, int, str, str]  # start, end, ORG | NOT_ORG, canonical name (or the stop name)

_SPACE = r"[ \t\u00a0\u202f]+"  # never a line break: a name does not run across lines
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


def _trie_regex(names: list[str]) -> str:
    """One alternation of all names, factorised on common prefixes so matching stays linear."""
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for atom in _atoms(name):
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


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
    return re.compile(_BEFORE + "(?:" + _trie_regex(written) + ")" + _AFTER, re.IGNORECASE)


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
    if not any(c.isupper() for c in name) or len(name.split()) > _MAX_NAME_WORDS:
        return False
    if is_listed_non_org(name) or is_listed_non_org(strip_surface(name)):
        return False
    stripped = strip_surface(name)
    return guessed_kind(stripped) is not None or not is_common_phrase(stripped, lexicon(doc.vocab))


def _is_org_entity(text: str, start: int, end: int, doc: Doc) -> bool:
    """An NER entity: also rejected in headings, tag lists and glossary headwords."""
    line = line_at(text, start, end)
    if is_heading(line) or is_tag_list(line) or is_glossary_term(line, start):
        return False
    return _is_org_name(text[start:end], doc)


def _overlaps(start: int, end: int, spans: list[GazMatch]) -> bool:
    return any(s < end and start < e for s, e, _, _ in spans)


def _candidates(doc: Doc, text: str) -> dict[tuple[int, int], str]:
    """(start, end) -> canonical name, before overlap resolution."""
    gazetteer = doc.user_data.get(SPANS_KEY)
    if gazetteer is None:
        gazetteer = gazetteer_matches(text)
    found = {
        (s, e): name for s, e, label, name in gazetteer if label == ORG and not is_tag_list(line_at(text, s, e))
    }
    entities = (_clean_entity(text, e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG")
    for start, end in entities:
        if start < end and not _overlaps(start, end, gazetteer) and _is_org_entity(text, start, end, doc):
            found[(start, end)] = canonical_name(text[start:end])
    for start, end in cue_candidates(text):
        name = text[start:end]
        in_tags = is_tag_list(line_at(text, start, end))
        if not in_tags and not _overlaps(start, end, gazetteer) and _is_org_name(name, doc):
            found[(start, end)] = canonical_name(name)
    return found


def extract_orgs(doc: Doc) -> list[OrgMention]:
    """One record per organisation mention, sorted by start, no overlaps."""
    text = doc.text  # a property that joins every token: read it once
    found = _candidates(doc, text)
    sentence_of = sentence_lookup(doc, text)
    mentions = []
    for start, end in drop_overlaps(found):
        canonical = found[(start, end)]
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
