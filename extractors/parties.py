"""Which organisations a money or power mention is about, read from spaCy's dependency parse.

`attached_parties(doc, mention, orgs, blockers)` walks the parse tree from the mention's tokens and
collects the organisations of its clause: the subject and objects of the predicate the amount
depends on, prepositional attachments ("à OpenAI", "d'AWS", "pour Iliad", "avec Oracle") and the
organisations inside those phrases (appositions, "initiative entre SoftBank, OpenAI et Oracle").

The walk stays inside the mention's clause:
- it does not climb above a predicate that has its own subject (a pronoun subject such as "on" or
  "il" does not count: "on évoque 500 milliards" belongs to the sentence's main clause);
- it does not descend into a subordinate or coordinated clause that has its own subject
  ("..., tandis que d'autres partenariats avec Nvidia couvrent ...");
- it never crosses another money or power mention ("3 milliards pour Iliad et 5 milliards pour
  Digital Realty": Iliad goes to the first amount only).

Pure: a parsed Doc and character spans in, canonical names out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from extractors.spans import token_span

CharSpan = tuple[int, int]
OrgSpan = tuple[int, int, str]  # start, end, canonical name

SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})
CLAUSE_DEPS: frozenset[str] = frozenset(
    {"advcl", "ccomp", "acl:relcl", "parataxis", "csubj", "csubj:pass", "conj", "acl", "xcomp"}
)
# Steps that stay at the same level of a phrase (coordination, names in several tokens).
FLAT_DEPS: frozenset[str] = frozenset({"conj", "flat:name", "flat", "appos", "fixed", "cc"})
# How far below the mention's path of heads an organisation may sit: "le projet Stargate, associé à
# Oracle" is 3 steps down from the verb; deeper nmod chains drift into other facts.
MAX_DEPTH = 3
SOURCE_MARKERS: frozenset[str] = frozenset({"selon", "après"})  # "selon X", "d'après X"


def _subjects(token: Token) -> list[Token]:
    return [child for child in token.children if child.dep_ in SUBJECT_DEPS]


def _closes_upward(token: Token) -> bool:
    """A predicate with a real (non-pronoun) subject is the top of the mention's clause."""
    return any(subject.pos_ != "PRON" for subject in _subjects(token))


def _opens_clause(child: Token) -> bool:
    """A child that heads a clause with its own subject: its organisations are another fact's."""
    return child.dep_ in CLAUSE_DEPS and bool(_subjects(child))


def _tokens_of(doc: Doc, spans: Iterable[CharSpan]) -> set[int]:
    indices: set[int] = set()
    for start, end in spans:
        span = token_span(doc, start, end)
        if span is not None:
            indices.update(t.i for t in span)
    return indices


def _path_up(doc: Doc, start_tokens: set[int], blocked: set[int]) -> tuple[set[int], set[int]]:
    """The mention's tokens and the heads above them up to the top of its clause, and the heads
    stepped over: the phrase a conjunct is coordinated with ("2 milliards pour Mistral AI et
    500 millions pour Kyutai") and other figures are climbed through but never searched."""
    path, skipped = set(start_tokens), set()
    todo = list(start_tokens)
    while todo:
        token = doc[todo.pop()]
        head = token.head
        if head.i == token.i or head.i in path or head.i in skipped or _closes_upward(token):
            continue
        if token.dep_ == "conj" or head.i in blocked:
            skipped.add(head.i)
        else:
            path.add(head.i)
        todo.append(head.i)
    return path, skipped


def _reported_by(child: Token) -> bool:
    """"selon Reuters", "d'après TechCrunch": a source, not a party."""
    return any(c.dep_ == "case" and c.lower_ in SOURCE_MARKERS for c in child.children)


def _may_descend(parent: Token, child: Token, path: set[int], blocked: set[int]) -> bool:
    if child.i in path or child.i in blocked or _opens_clause(child) or _reported_by(child):
        return False
    # A phrase coordinated with one on the mention's path is a parallel fact ("un investissement de
    # 5 milliards de NVIDIA et des engagements d'Amazon").
    return not (parent.i in path and child.dep_ == "conj")


def clause_tokens(doc: Doc, mention: CharSpan, blockers: Sequence[CharSpan] = ()) -> set[int]:
    """Indices of the tokens reachable from the mention without leaving its clause."""
    start_tokens = _tokens_of(doc, [mention])
    blocked = _tokens_of(doc, blockers) - start_tokens
    path, skipped = _path_up(doc, start_tokens, blocked)
    blocked |= skipped
    seen = set(path)
    todo = [(i, 0) for i in path]
    while todo:
        index, depth = todo.pop()
        parent = doc[index]
        for child in parent.children:
            step = depth if child.dep_ in FLAT_DEPS else depth + 1
            if child.i not in seen and step <= MAX_DEPTH and _may_descend(parent, child, path, blocked):
                seen.add(child.i)
                todo.append((child.i, step))
    return seen


def attached_parties(
    doc: Doc, mention: CharSpan, orgs: Sequence[OrgSpan], blockers: Sequence[CharSpan] = ()
) -> tuple[str, ...]:
    """Canonical names of the organisations attached to `mention`, sorted and unique.

    `doc` must be parsed; `mention`, `orgs` and `blockers` (the other money/power mentions) are
    character spans of `doc.text`.
    """
    return attachments(doc, mention, orgs, blockers)[0]


def attachments(
    doc: Doc, mention: CharSpan, orgs: Sequence[OrgSpan], blockers: Sequence[CharSpan] = ()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`attached_parties` and `attached_roles` from one walk of the mention's clause."""
    reachable = clause_tokens(doc, mention, blockers)
    attached = [(start, end, name) for start, end, name in orgs if _tokens_of(doc, [(start, end)]) & reachable]
    roles = {f"{relation(doc, (start, end))}:{name}" for start, end, name in attached}
    return tuple(sorted({name for _, _, name in attached})), tuple(sorted(roles))


def _phrase_head(doc: Doc, tokens: set[int]) -> Token:
    """The token heading the phrase an organisation stands in: up from its name through
    coordination, apposition and flat names ("SoftBank, OpenAI et Oracle", "l'opérateur Data4")."""
    root = next((doc[i] for i in sorted(tokens) if doc[i].head.i not in tokens), doc[min(tokens)])
    while root.dep_ in FLAT_DEPS and root.head.i != root.i:
        root = root.head
    return root


def relation(doc: Doc, span: CharSpan) -> str:
    """How an organisation is tied to its clause: `subj`, `subj_pass`, `agent` ("par X"), `obj`, or
    the preposition of its phrase ("à", "de", "avec", "auprès", "pour", "entre", ...); else its dep."""
    tokens = _tokens_of(doc, [span])
    if not tokens:
        return "mod"
    head = _phrase_head(doc, tokens)
    dep = head.dep_
    if dep in ("nsubj", "csubj"):
        return "subj"
    if dep in ("nsubj:pass", "csubj:pass"):
        return "subj_pass"
    if dep == "obl:agent":
        return "agent"
    if dep in ("obj", "iobj"):
        return "obj"
    case = [c.lower_ for c in head.children if c.dep_ == "case" and c.i < head.i]
    return case[0] if case else (dep or "mod")


def clause_cues(doc: Doc, mention: CharSpan, blockers: Sequence[CharSpan] = ()) -> tuple[str, ...]:
    """Lower-case words on the mention's path up to the top of its clause, nearest first: the noun
    and the predicate the figure hangs on ("investissement", "annoncé"), read for the deal's kind."""
    start_tokens = _tokens_of(doc, [mention])
    path, _ = _path_up(doc, start_tokens, _tokens_of(doc, blockers) - start_tokens)
    words = [doc[i] for i in sorted(path - start_tokens, key=lambda i: abs(i - min(start_tokens or {0})))]
    return tuple(t.lower_ for t in words if t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN", "AUX"))


def attached_roles(
    doc: Doc, mention: CharSpan, orgs: Sequence[OrgSpan], blockers: Sequence[CharSpan] = ()
) -> tuple[str, ...]:
    """`relation:name` for each organisation attached to `mention` (`attached_parties`), sorted."""
    return attachments(doc, mention, orgs, blockers)[1]
