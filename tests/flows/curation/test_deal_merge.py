"""Merging an article's deal candidates: the indexed `merge_in_article` against its definition, and
fact tables and deals that do not change when an article's text is repeated."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.cells import missing
from flows.curation.deals.build import Deal, merge_in_article
from flows.curation.deals.commitments import more_specific
from flows.curation.deals.units import source
from flows.curation.dedup import fact_tables
from flows.curation.tables import mentions_frame


def same_figure(a: dict, b: dict) -> bool:
    keys = ("currency", "value", "low", "high") if a["type"] == "money" else ("value_gw", "low_gw", "high_gw")
    return a["type"] == b["type"] and all(
        (missing(a.get(k)) and missing(b.get(k))) or a.get(k) == b.get(k) for k in keys) and \
        not all(missing(a.get(k)) for k in keys[-3:])


def reference_merge(deals: Sequence[Deal]) -> list[tuple[Deal, list[Deal], dict[str, Any]]]:
    """DEALS.md step 3 written plainly (every earlier deal compared): (kept deal, absorbed, final fields).

    A deal holds its anchor and the anchors of the candidates it took in: a candidate with one of their
    facts, or one of their figures and a shared party, restates it. A revision goes to the money deal in
    its currency that took in a candidate last."""
    out: list[tuple[Deal, list[Deal], dict[str, Any]]] = []
    touched: list[int] = []

    def absorb(at: int, other: Deal, revises: bool) -> None:
        _, absorbed, fields = out[at]
        absorbed.append(other)
        fields["facts"].add(other.fact)
        fields["held"].append(other.anchor)
        touched.append(at)
        if other.kind_cued and (not fields["kind_cued"] or more_specific(other.kind, fields["kind"])):
            fields["kind"] = other.kind
        if revises:
            fields["anchor"] = other.anchor

    for deal in deals:
        if deal.revision:
            earlier = [i for i in touched if out[i][2]["anchor"]["type"] == "money" and
                       out[i][2]["anchor"].get("currency") == deal.anchor.get("currency")]
            if earlier:
                absorb(earlier[-1], deal, True)
            continue
        names = {n for _, n in deal.parties}
        same = next((i for i, (d, _, f) in enumerate(out) if deal.fact in f["facts"] or (
            any(same_figure(h, deal.anchor) for h in f["held"]) and names & {n for _, n in d.parties})), None)
        if same is None and deal.anchor["type"] == "power" and out:
            previous, absorbed, fields = out[-1]
            figures = [f for d in (previous, *absorbed) for f in d.figures]
            if not any(f["type"] == "power" for f in figures) and names and \
                    names <= {n for _, n in previous.parties} and deal.anchor["start"] - fields["anchor"]["end"] < 400:
                same = len(out) - 1
        if same is not None:
            absorb(same, deal, False)
        else:
            out.append((deal, [], {"anchor": deal.anchor, "kind": deal.kind, "kind_cued": deal.kind_cued,
                                   "facts": {deal.fact}, "held": [deal.anchor]}))
            touched.append(len(out) - 1)
    return out


def expected(deal: Deal, absorbed: list[Deal], fields: dict[str, Any]) -> tuple:
    figures = sorted({source(f): f for d in (deal, *absorbed) for f in d.figures}.values(), key=lambda f: f["start"])
    dates = list(dict.fromkeys(source(d) for x in (deal, *absorbed) for d in x.dates))
    context = " ".join(d.context for d in (deal, *absorbed))
    return (deal.fact, source(fields["anchor"]), fields["kind"], [source(f) for f in figures], dates, context)


def merged(deal: Deal) -> tuple:
    return (deal.fact, source(deal.anchor), deal.kind, [source(f) for f in deal.figures],
            [source(d) for d in deal.dates], deal.context)


FIGURES = [("money", {"currency": "EUR", "value": 1e9}), ("money", {"currency": "EUR", "value": 2e9}),
           ("money", {"currency": "USD", "value": 1e9}), ("money", {"currency": "EUR", "value": None}),
           ("power", {"value_gw": 1.0}), ("power", {"value_gw": None})]
candidates = st.lists(st.tuples(
    st.sampled_from(range(len(FIGURES))), st.sampled_from(["f1", "f2", "f3", "f4", None]),
    st.sets(st.sampled_from(["A", "B", "C"]), max_size=2), st.booleans(), st.integers(0, 9),
    st.sampled_from(["investment", "contract", "funding", "other"]), st.booleans(), st.integers(1, 500),
    st.booleans()), max_size=14)


def build(specs: list[tuple]) -> list[Deal]:
    deals, start = [], 0
    for n, (figure, fact, names, with_power, revision, kind, cued, gap, dated) in enumerate(specs):
        start += gap
        kind_of, values = FIGURES[figure]
        anchor = {"article_id": "a", "type": kind_of, "start": start, "end": start + 20, "currency": None,
                  "value": None, "low": None, "high": None, "value_gw": None, "low_gw": None, "high_gw": None,
                  **values}
        figures = [anchor]
        if with_power and kind_of == "money":
            figures.append({**anchor, "type": "power", "start": start + 30, "end": start + 35, "value_gw": 1.0})
        dates = [{"article_id": "a", "start": start + 40}] if dated else []
        deals.append(Deal("a", anchor, figures, dates, [("mod", x) for x in sorted(names)], f"c{n}",
                          fact or f"own{n}", revision=revision == 0 and not names, kind=kind, kind_cued=cued))
        start += 50
    return deals


@settings(max_examples=300, deadline=None)
@given(candidates)
def test_indexed_merge_is_the_plain_definition(specs: list[tuple]) -> None:
    want = [expected(*kept) for kept in reference_merge(build(specs))]
    assert [merged(d) for d in merge_in_article(build(specs))] == want


# One article of my own wording: figures with parties, dates, a power figure in a sentence pointing
# back to the one before (whose organisations must be known ones, or the copy before would lend its own).
ARTICLE = ("Le 12 février 2026, Mistral AI a annoncé un investissement de 300 millions d'euros dans un campus "
           "près de Grenoble. Le site de Mistral AI atteindra 120 MW en 2028. Bpifrance prêtera 40 millions "
           "d'euros à Mistral AI pour les travaux. OVHcloud a signé avec Orange un contrat de 2 milliards "
           "d'euros en mars 2026.")


@cache
def article_rows() -> tuple[dict, ...]:
    from extractors.mentions import extract_mentions
    from extractors.pipeline import load_nlp
    from extractors.registry import Context

    found = extract_mentions(load_nlp()(ARTICLE), Context(parser=load_nlp(syntax=True)))
    return tuple(m.as_row() | {"article_id": "a"} for m in found)


KEYS = {"money": ["value", "currency", "qualifier", "parties"], "power": ["value_gw", "qualifier", "parties"],
        "dates": ["date_value", "date_mod", "text"], "organisations": ["canonical", "aliases"],
        "deals": ["kind", "from", "to", "partners", "money_value", "money_currency", "power_value_gw", "site",
                  "country", "date_value", "status"]}


def keys(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    return {name: sorted({repr([list(v) if not isinstance(v, str) and hasattr(v, "__len__") else v for v in row])
                          for row in tables[name][cols].itertuples(index=False)}) for name, cols in KEYS.items()}


@settings(max_examples=6, deadline=None)
@given(st.integers(2, 6), st.integers(1, 3))
def test_repeating_an_article_keeps_its_facts_and_deals(copies: int, gap: int) -> None:
    """The text stated again (a page that repeats itself) adds mentions and sources, not facts or deals."""
    rows = article_rows()
    width = len(ARTICLE) + gap
    repeated = [r | {"start": r["start"] + i * width, "end": r["end"] + i * width} for i in range(copies) for r in rows]
    once, many = fact_tables(mentions_frame(rows)), fact_tables(mentions_frame(repeated))
    assert keys(many) == keys(once)
    assert len(many["deals"]) == len(once["deals"])
    assert many["deal_sources"]["figures"].map(len).sum() == copies * once["deal_sources"]["figures"].map(len).sum()
