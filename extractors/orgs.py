"""Organisation mentions: statistical NER plus a gazetteer, with one canonical name per organisation."""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractors.records import OrgMention
from extractors.spans import drop_overlaps, sentence_text

SPANS_KEY = "org_gazetteer"
# Not importlib.resources: under pytest `extractors` can resolve as a namespace package
# (tests/extractors has no __init__.py) and files() then fails on the multiplexed path.
DATA_DIR = Path(__file__).resolve().parent / "data"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c)).split())


@cache
def _aliases() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    table: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    raw = (DATA_DIR / "org_aliases.tsv").read_text(encoding="utf-8")
    for row in csv.reader(raw.splitlines(), delimiter="\t"):
        if not row or row[0].startswith("#"):
            continue
        canonical, kind = row[0], row[1]
        names = (canonical, *(a for a in (row[2] if len(row) > 2 else "").split("|") if a))
        for name in names:
            table[_fold(name)] = (canonical, kind, names)
    return table


def add_org_ruler(nlp: Language) -> None:
    ruler = nlp.add_pipe(
        "span_ruler", name="org_ruler", after="ner",
        config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER"},
    )
    patterns = [
        {"label": "ORG", "pattern": name, "id": canonical}
        for canonical, _kind, names in {v[0]: v for v in _aliases().values()}.values()
        for name in names
    ]
    ruler.add_patterns(patterns)


def canonical_name(surface: str) -> str:
    entry = _aliases().get(_fold(surface))
    return entry[0] if entry else surface.strip()


def _kind(canonical: str) -> str:
    entry = _aliases().get(_fold(canonical))
    return entry[1] if entry else "company"


def extract_orgs(doc: Doc) -> list[OrgMention]:
    cands = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
    cands += [(s.start_char, s.end_char) for s in doc.spans.get(SPANS_KEY, [])]
    out = []
    for start, end in drop_overlaps(cands):
        text = doc.text[start:end]
        canon = canonical_name(text)
        out.append(OrgMention(start=start, end=end, text=text, sentence=sentence_text(doc, start, end),
                              canonical=canon, kind=_kind(canon)))
    return out
