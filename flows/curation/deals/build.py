"""From the figure mentions of each article to its deals (tests/gold/DEALS.md).

1. The figures of each sentence form units (`units.py`): a money figure with its power and dates.
2. A unit is a deal candidate unless it is not a commitment (`commitments.py`); its parties come from
   the parse (`roles` of the anchor and its power figures), else a state acting in the sentence
   (`roles.state_party`), else the organisations of the sentence just before (a site or project
   presented right after its owner: "TSMC relocalise ... Son site d'Arizona, 165 milliards").
   A candidate with no party is dropped, except a revision of the previous deal ("a grimpé à").
   A sentence that points back and names no place takes the places of that sentence ("pour ce site").
3. Within an article, a candidate whose anchor is the same fact (dedup's `same_fact`: same figure,
   a shared party) or the same figure and shares a party with an earlier deal — its anchor or the
   anchor of a candidate it already took in — is a restatement: its figures join that deal, whose
   parties stay those first stated; a revision revises the money deal stated last. So a page that
   repeats itself gives the deals of one copy.
4. Across articles, deals with the same anchor fact are one deal (one `deal_id`, several sources).
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from flows.cells import missing, records
from flows.curation.deals.commitments import (
    is_total_with_parts,
    kind,
    more_specific,
    not_a_commitment,
    path_text,
    status,
)
from flows.curation.deals.cues import found, rules
from flows.curation.deals.places import main_country, places_in
from flows.curation.deals.roles import Party, is_presenter, parse_roles, state_leads, state_party
from flows.curation.deals.units import Row, Unit, sentence_units, sentences, source

FIGURE_TYPES = ("money", "power")
PREVIOUS_SENTENCE_GAP = 400  # characters: how far back "the sentence just before" may start
NEAR = 400  # characters: how far after a deal its power may be stated on its own
ARTICLES_PER_CHUNK = 500  # articles whose mention rows are converted to dicts at once (memory, not results)


@dataclass
class Deal:
    """One deal of one article while it is being built."""

    article_id: str
    anchor: Row
    figures: list[Row]
    dates: list[Row]
    parties: list[Party]
    context: str  # the text its places are read from
    fact: str  # the anchor's fact id
    revision: bool = False
    kind: str = ""
    kind_cued: bool = False  # the kind comes from a cue word, not the default
    status: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    absorbed: list[Deal] = field(default_factory=list)  # restatements, joined by `settle`
    powered: bool = False  # an absorbed restatement has a power figure

    def settle(self) -> None:
        """Join the absorbed restatements once (joining each as it comes is quadratic in restatements).

        Figures: each source once, in reading order (ties: the first seen); dates: each source once, in
        the order seen; contexts in the order seen.
        """
        if not self.absorbed:
            return
        figures = {source(f): f for d in (self, *self.absorbed) for f in d.figures}
        self.figures = sorted(figures.values(), key=lambda f: f["start"])
        dates = {}
        for d in (self, *self.absorbed):
            for date in d.dates:
                dates.setdefault(source(date), date)
        self.dates = list(dates.values())
        self.context = " ".join([self.context, *(d.context for d in self.absorbed)])
        self.absorbed = []


def deal_id(anchor_fact: str) -> str:
    return hashlib.sha256(json.dumps(["deal", anchor_fact]).encode("utf-8")).hexdigest()[:16]


def _own_parties(unit: Unit) -> list[Party]:
    """The figures' parties with their relation (a figure without relations: its parties, unplaced)."""
    out: list[Party] = []
    for figure in unit.figures:
        if not missing(figure.get("roles")) and len(figure["roles"]):
            out += parse_roles(figure["roles"])
        elif not missing(figure.get("parties")):
            out += [("mod", name) for name in figure["parties"]]
    return list(dict.fromkeys(out))


def _previous_orgs(orgs: Sequence[Row], sentence_start: int) -> tuple[list[str], str]:
    """The organisations (and the text) of the org-bearing sentence that ends just before `sentence_start`.

    `orgs` are in reading order."""
    lo = bisect_left(orgs, sentence_start - PREVIOUS_SENTENCE_GAP, key=lambda o: o["start"])
    hi = bisect_left(orgs, sentence_start, lo=lo, key=lambda o: o["start"])
    before = orgs[lo:hi]
    if not before:
        return [], ""
    last = before[-1]["sentence"]
    return list(dict.fromkeys(o["canonical"] for o in before if o["sentence"] == last)), last


def _sentence_start(anchor: Row) -> int:
    at = anchor["sentence"].find(anchor["text"])
    return anchor["start"] - max(at, 0)


def candidate(unit: Unit, siblings: Sequence[Unit], orgs: Sequence[Row], fact_of: dict[tuple[str, str], str],
              article_id: str) -> Deal | None:
    """The deal a unit states, or None (module docstring, step 2)."""
    anchor = unit.anchor
    if not_a_commitment(anchor) or is_total_with_parts(anchor, [s.anchor for s in siblings if s is not unit]):
        return None
    sentence = anchor["sentence"]
    parties, context = _own_parties(unit), sentence
    revision = not parties and bool(found(sentence, rules()["revision_words"]))
    parties = [p for p in parties if not is_presenter(p[1])]
    state = state_party(sentence)
    if state and (not parties or state_leads(sentence)):
        parties = [("agent", state), *parties]
    points_back = bool(found(sentence, rules()["anaphora"], whole=True))
    names, previous = _previous_orgs(orgs, _sentence_start(anchor)) if points_back else ([], "")
    if not parties and not revision and points_back and len(names) <= rules()["max_previous_orgs"]:
        parties, context = [("mod", n) for n in names], f"{previous} {sentence}"
    elif points_back and not places_in(sentence):
        context = f"{previous} {sentence}"  # "pour ce site": the place of the sentence before
    if not parties and not revision:
        return None
    deal = Deal(article_id, anchor, list(unit.figures), list(unit.dates), parties, context,
                fact_of.get((anchor["type"], source(anchor)), source(anchor)), revision)
    deal.kind, deal.kind_cued = kind(anchor, parties)
    deal.status = status(anchor)
    return deal


def _figure_key(row: Row) -> tuple[Any, ...] | None:
    """The anchor's figure: two anchors with the same key state the same figure (None: no figure, a
    vague amount, the same as nothing)."""
    keys = ("currency", "value", "low", "high") if row["type"] == "money" else ("value_gw", "low_gw", "high_gw")
    if all(missing(row.get(k)) for k in keys[-3:]):
        return None
    return row["type"], *(None if missing(row.get(k)) else row.get(k) for k in keys)


def _absorb(target: Deal, other: Deal, *, revises: bool) -> None:
    target.absorbed.append(other)
    target.powered = target.powered or _has_power(other)
    if other.kind_cued and (not target.kind_cued or more_specific(other.kind, target.kind)):
        target.kind = other.kind
    if revises:
        target.anchor = other.anchor


def _has_power(deal: Deal) -> bool:
    return deal.powered or any(f["type"] == "power" for f in deal.figures)


def _powers_previous(previous: Deal, deal: Deal) -> bool:
    """A power figure stated right after a deal without power, by the same parties, is that deal's power."""
    names = {n for _, n in deal.parties}
    return not _has_power(previous) and bool(names) and \
        names <= {n for _, n in previous.parties} and deal.anchor["start"] - previous.anchor["end"] < NEAR


@dataclass
class Merged:
    """The deals of one article so far, indexed by the anchors they hold: their own and those of the
    candidates they took in (`merge_in_article`)."""

    deals: list[Deal] = field(default_factory=list)
    by_fact: dict[str, int] = field(default_factory=dict)  # first deal holding each anchor fact
    by_figure: dict[tuple[Any, ...], list[int]] = field(default_factory=dict)  # deals holding that anchor figure
    touched: list[int] = field(default_factory=list)  # the deal each candidate went to, in reading order

    def add(self, deal: Deal) -> None:
        self.deals.append(deal)
        self.hold(len(self.deals) - 1, deal)

    def hold(self, at: int, deal: Deal) -> None:
        """Deal `at` holds the anchor of candidate `deal` from now on."""
        self.by_fact[deal.fact] = min(at, self.by_fact.get(deal.fact, at))
        key = _figure_key(deal.anchor)
        if key is not None and at not in self.by_figure.get(key, []):
            insort(self.by_figure.setdefault(key, []), at)
        self.touched.append(at)

    def absorb(self, at: int, deal: Deal, *, revises: bool) -> None:
        """`deal` joins deal `at`."""
        _absorb(self.deals[at], deal, revises=revises)
        self.hold(at, deal)

    def restated(self, deal: Deal) -> int | None:
        """The first deal holding the same anchor fact, or the same anchor figure and sharing a party."""
        names = {n for _, n in deal.parties}
        first = self.by_fact.get(deal.fact, len(self.deals))
        key = _figure_key(deal.anchor)
        for at in self.by_figure.get(key, []) if names and key is not None else []:
            if at >= first:
                break
            if names & {n for _, n in self.deals[at].parties}:
                first = at
                break
        return first if first < len(self.deals) else None

    def revised(self, deal: Deal) -> int | None:
        """The money deal in the revision's currency stated last (first stated, restated or revised)."""
        return next((at for at in reversed(self.touched) if self.deals[at].anchor["type"] == "money"
                     and self.deals[at].anchor.get("currency") == deal.anchor.get("currency")), None)


def merge_in_article(deals: Sequence[Deal]) -> list[Deal]:
    """Restatements and revisions joined to the deal they restate (module docstring, step 3).

    Indexed by anchor fact and figure, so the work grows with the deals, not with their square."""
    merged = Merged()
    for deal in deals:
        if deal.revision:
            if (at := merged.revised(deal)) is not None:
                merged.absorb(at, deal, revises=True)
            continue
        same, out = merged.restated(deal), merged.deals
        if same is None and deal.anchor["type"] == "power" and out and _powers_previous(out[-1], deal):
            same = len(out) - 1
        if same is not None:
            merged.absorb(same, deal, revises=False)
        else:
            merged.add(deal)
    for deal in merged.deals:
        deal.settle()
    return merged.deals


def article_deals(rows: Sequence[Row], orgs: Sequence[Row], fact_of: dict[tuple[str, str], str],
                  article_id: str) -> list[Deal]:
    """The deals of one article from its figure and date mention rows (reading order)."""
    deals: list[Deal] = []
    for sentence_rows in sentences(rows):
        units = sentence_units(sentence_rows)
        deals += [d for u in units if (d := candidate(u, units, orgs, fact_of, article_id)) is not None]
    deals.sort(key=lambda d: d.anchor["start"])
    return merge_in_article(deals)


def _by_article(frame: pd.DataFrame) -> dict[str, list[Row]]:
    """The rows of each article in reading order, converted once (per-article DataFrames cost ~20 ms each)."""
    out: dict[str, list[Row]] = {}
    for row in records(frame.sort_values(["article_id", "start"], kind="stable")):
        out.setdefault(row["article_id"], []).append(row)
    return out


def article_chunks(mentions: pd.DataFrame, size: int = ARTICLES_PER_CHUNK) -> Iterator[pd.DataFrame]:
    """The mentions of `size` articles at a time, in article order (each article's rows in their order)."""
    ids = sorted(mentions["article_id"].unique())
    for i in range(0, len(ids), size):
        yield mentions[mentions["article_id"].isin(ids[i : i + size])]


def all_deals(mentions: pd.DataFrame, fact_of: dict[tuple[str, str], str]) -> list[Deal]:
    """Every article's deals, in article order; the rows are converted a chunk of articles at a time, so a
    large corpus never holds every mention as a dict at once."""
    return [deal for part in article_chunks(mentions) for deal in chunk_deals(part, fact_of)]


def chunk_deals(mentions: pd.DataFrame, fact_of: dict[tuple[str, str], str]) -> list[Deal]:
    wanted = _by_article(mentions[mentions["type"].isin([*FIGURE_TYPES, "date"])])
    orgs_of = _by_article(mentions[mentions["type"] == "org"])
    sentences_of: dict[str, dict[str, None]] = {}
    for article_id, sentence in zip(mentions["article_id"], mentions["sentence"], strict=True):
        sentences_of.setdefault(article_id, {})[sentence] = None
    out: list[Deal] = []
    for article_id, rows in wanted.items():
        deals = article_deals(rows, orgs_of.get(article_id, []), fact_of, str(article_id))
        country = main_country(list(sentences_of[article_id]))
        for deal in deals:
            deal.extra["article_country"] = country
        out += deals
    return out


def path_of(deal: Deal) -> str:
    return path_text(deal.anchor)
