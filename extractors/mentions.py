"""Every registered fact type over one document, then the parties of each figure mention.

The entity pipeline has no parser (it halves throughput), so only the sentences that hold a figure
(a mention of a type with `parties`: money and power) are parsed again, with the parser the caller
passes in `Context.parser`, to read which organisations each figure is attached to (`parties.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from functools import cache

import numpy
from spacy.attrs import IS_SPACE, POS, SENT_START
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.symbols import SPACE
from spacy.tokens import Doc

from extractors.fact_types import FACT_TYPES
from extractors.parties import attachments, clause_cues
from extractors.pipeline import SYNTAX_PIPES
from extractors.records import Mention, OrgMention
from extractors.registry import Context, Registry
from extractors.spans import SpanSet, entities, sentence_bounds
from extractors.text import doc_text, remember_text

# Only the parser and what it listens to run on the re-parsed sentences (a whitelist: the shared
# pipeline's own components, e.g. sentence rules, must not undo the one-tree-per-clause setting).
# They are disabled in the entity pass of the shared pipeline, hence `get_pipe`.
_PARSE_PIPES = SYNTAX_PIPES
# Markdown emphasis and heading marks confuse the parser ("**SoftBank** a annoncé"); they are
# blanked (same length, so offsets hold) in the text that is parsed.
_MARKUP = str.maketrans({"*": " ", "#": " ", "_": " "})
LOC = "LOC"  # the spaCy French models' label for places


def extract_mentions(
    doc: Doc, context: Context | None = None, fact_types: Registry = FACT_TYPES, *, text: str | None = None
) -> list[Mention]:
    """Every mention of every registered fact type in one article, in reading order.

    Figure mentions get their `parties` when `context.parser` is given; else they stay empty. They
    get the places their sentence names (statistical LOC entities) in any case. `text` is `doc.text` when
    the caller has it (the string the doc was made from): every extractor then reads it (`doc_text`)
    instead of rebuilding it from the tokens.
    """
    return extract_mentions_of([(doc, context or Context(), text)], fact_types)[0]


def extract_mentions_of(
    items: Sequence[tuple[Doc, Context, str | None]], fact_types: Registry = FACT_TYPES
) -> list[list[Mention]]:
    """`extract_mentions` for several (doc, context, text): the figure clauses of all the docs are parsed
    together, one pass of the syntax components instead of one per doc (a clause's parse does not depend on
    the other clauses of its batch; the passes per doc cost a quarter more on /tmp/pf/c5)."""
    figures = {t.name for t in fact_types if t.has_parties}
    found = []
    for doc, context, text in items:
        if text is not None:
            remember_text(doc, text)
        mentions = [m for fact_type in fact_types for m in fact_type.extract(doc, context)]
        found.append(with_places(doc, mentions, figures))
    clauses = [_figure_clauses(doc, mentions, figures) if context.parser is not None else []
               for (doc, context, _), mentions in zip(items, found, strict=True)]
    parsed = _parse_together([(doc, context.parser, ranges) for (doc, context, _), ranges
                              in zip(items, clauses, strict=True)])
    return [
        sorted(_attached(mentions, figures, ranges, sent_docs) if context.parser is not None else mentions,
               key=lambda m: (m.start, m.end, m.type))
        for (_, context, _), mentions, ranges, sent_docs in zip(items, found, clauses, parsed, strict=True)
    ]


def _parse_together(jobs: Sequence[tuple[Doc, Language | None, list[tuple[int, int]]]]) -> list[list[Doc]]:
    """The parsed clauses of each (doc, parser, clause ranges), one `parse_clauses` per parser for all docs."""
    parsed: list[list[Doc]] = [[] for _ in jobs]
    by_parser: dict[int, list[int]] = {}
    for k, (_, parser, ranges) in enumerate(jobs):
        if parser is not None and ranges:
            by_parser.setdefault(id(parser), []).append(k)
    for ks in by_parser.values():
        texts = [doc_text(jobs[k][0])[lo:hi] for k in ks for lo, hi in jobs[k][2]]
        docs = iter(parse_clauses(jobs[ks[0]][1], texts))  # type: ignore[arg-type]
        for k in ks:
            parsed[k] = [next(docs) for _ in jobs[k][2]]
    return parsed


def with_places(doc: Doc, mentions: Sequence[Mention], figure_types: set[str]) -> list[Mention]:
    """The mentions, those of `figure_types` with `places`: the LOC entities of their sentence that
    are not an organisation's name (the md model tags some companies LOC)."""
    places = [e for e in entities(doc) if e.label_ == LOC]
    if not places:
        return list(mentions)
    orgs = SpanSet((m.start, m.end) for m in mentions if isinstance(m, OrgMention))
    named = [e for e in places if not orgs.overlaps(e.start_char, e.end_char)]
    clause_of = sentence_bounds(doc)
    out = []
    for m in mentions:
        if m.type in figure_types:
            lo, hi = clause_of(m.start, m.end)
            m = _filled(m, places=tuple(dict.fromkeys(e.text for e in named if lo <= e.start_char < hi)))
        out.append(m)
    return out


def _inside(items: Iterable[Mention], lo: int, hi: int) -> list[Mention]:
    return [m for m in items if lo <= m.start and m.end <= hi]


def parse_clauses(parser: Language, texts: Sequence[str]) -> list[Doc]:
    """Each text parsed as ONE tree: the md parser otherwise cuts "NVIDIA et Oracle ont annoncé"
    into three sentences and loses the subject. A text given twice is parsed once (the same Doc twice:
    a clause's parse does not depend on the others of its batch, and the callers only read it)."""
    unique = list(dict.fromkeys(texts))
    docs = [_one_sentence(parser.make_doc(text.translate(_MARKUP))) for text in unique]
    for name in parser.component_names:
        if name in _PARSE_PIPES:
            pipe = parser.get_pipe(name)
            docs = list(map(_whitespace_rules, docs) if _whitespace_only(pipe) else pipe.pipe(docs))
    parsed = dict(zip(unique, docs, strict=True))
    return [parsed[text] for text in texts]


_WHITESPACE_PATTERNS = [
    {"patterns": [[{"POS": "SPACE", "IS_SPACE": False}]], "attrs": {"TAG": "X", "POS": "X", "MORPH": "_"}, "index": 0},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}, "index": 0},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}, "index": 0},
]


@cache
def _whitespace_only(pipe: object) -> bool:
    """The attribute ruler of fr_core_news_md: POS copied into TAG, then the whitespace rules, in that order.
    Of that, party attachment reads POS and DEP, so `_whitespace_rules` stands for it (the ruler matches
    every token of every clause: 7 % of the clause parse). Any other component or rule set runs as it is."""
    if not isinstance(pipe, AttributeRuler):
        return False
    patterns = pipe.patterns
    copies = patterns[: len(patterns) - len(_WHITESPACE_PATTERNS)]
    return patterns[len(copies) :] == _WHITESPACE_PATTERNS and all(
        p["patterns"] == [[{"POS": p["attrs"].get("TAG")}]] and len(p["attrs"]) == 1 and p["index"] == 0
        for p in copies)


def _whitespace_rules(doc: Doc) -> Doc:
    """What the whitespace rules of the attribute ruler change in POS and DEP: a whitespace token is POS SPACE
    with DEP "dep" (if it had one), a token tagged SPACE that is no whitespace is X. Only those tokens are
    visited (TAG and MORPH, which nothing here reads, are left as the morphologizer set them)."""
    if len(doc) == 0:
        return doc
    array = doc.to_array([POS, IS_SPACE])
    for i in numpy.flatnonzero((array[:, 1] != 0) | (array[:, 0] == SPACE)).tolist():
        token = doc[i]
        if token.is_space:
            if token.dep:
                token.dep_ = "dep"
            token.pos_ = "SPACE"
        else:
            token.pos_ = "X"
    return doc


def _one_sentence(doc: Doc) -> Doc:
    """`doc` with no sentence start after its first token (`is_sent_start = False` on each token, set from
    one array: a Python loop over the tokens cost as much as the walk of the parse trees)."""
    if len(doc) > 1:
        starts = doc.to_array([SENT_START])
        starts.view(numpy.int64)[1:] = -1  # the value `is_sent_start = False` stores (uint64 in the array)
        doc.from_array([SENT_START], starts)
    return doc


def with_parties(
    doc: Doc, mentions: Sequence[Mention], parser: Language, figure_types: set[str], text: str
) -> list[Mention]:
    """The mentions, those of `figure_types` with `parties` filled from a parse of their sentence.

    Only sentences holding an organisation are parsed: without one there is no party to attach."""
    ranges = _figure_clauses(doc, mentions, figure_types)
    return _attached(mentions, figure_types, ranges, parse_clauses(parser, [text[lo:hi] for lo, hi in ranges]))


def _figure_clauses(doc: Doc, mentions: Sequence[Mention], figure_types: set[str]) -> list[tuple[int, int]]:
    """The (start, end) of each sentence holding a figure and an organisation, in order."""
    figures = [m for m in mentions if m.type in figure_types]
    if not figures:
        return []
    orgs = [m for m in mentions if isinstance(m, OrgMention)]
    # Sentences already end at line breaks (pipeline.LineBreaks), so a heading or the paragraph
    # before is never part of a figure's clause.
    clause_of = sentence_bounds(doc)
    ranges = sorted({clause_of(m.start, m.end) for m in figures})
    return [(lo, hi) for lo, hi in ranges if _inside(orgs, lo, hi)]


def _attached(
    mentions: Sequence[Mention], figure_types: set[str], ranges: Sequence[tuple[int, int]], parsed: Sequence[Doc]
) -> list[Mention]:
    """The mentions, the figures with the parties, roles and cues read from their parsed clause."""
    figures = [m for m in mentions if m.type in figure_types]
    orgs = [m for m in mentions if isinstance(m, OrgMention)]
    parties: dict[tuple[str, int, int], tuple[str, ...]] = {}
    roles: dict[tuple[str, int, int], tuple[str, ...]] = {}
    cues: dict[tuple[str, int, int], tuple[str, ...]] = {}
    for (lo, hi), sent_doc in zip(ranges, parsed, strict=True):
        local_figures = _inside(figures, lo, hi)
        org_spans = [(o.start - lo, o.end - lo, o.canonical) for o in _inside(orgs, lo, hi)]
        for figure in local_figures:
            others = [(f.start - lo, f.end - lo) for f in local_figures if f is not figure]
            key = (figure.type, figure.start, figure.end)
            span = (figure.start - lo, figure.end - lo)
            found, found_roles = attachments(sent_doc, span, org_spans, others)
            parties[key] = tuple(sorted({*parties.get(key, ()), *found}))
            roles[key] = tuple(sorted({*roles.get(key, ()), *found_roles}))
            cues[key] = cues.get(key) or clause_cues(sent_doc, span, others)
    return [
        _filled(m, parties=parties.get(k, ()), roles=roles.get(k, ()), cues=cues.get(k, ()))
        if (k := (m.type, m.start, m.end)) and m.type in figure_types else m
        for m in mentions
    ]


def _filled(mention: Mention, **values: tuple[str, ...]) -> Mention:
    """The mention with those of `values` its record has (a figure type may have parties only)."""
    own = {f.name for f in fields(mention)}
    return replace(mention, **{name: value for name, value in values.items() if name in own})
