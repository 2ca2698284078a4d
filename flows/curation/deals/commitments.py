"""Whether a figure states a commitment, and which kind and status (tests/gold/DEALS.md).

- Not a commitment: a rate without its total, a figure whose noun or verb path or whose sentence
  names a market, forecast, revenue, price, valuation, backlog or comparison (`not_deal_*` cues),
  and a total whose parts follow ("109 milliards annoncés, dont 3 milliards pour Iliad").
- Kind: a joint-venture vehicle (Stargate) or "entre X et Y" makes a `joint_venture`; else the first
  kind (in the order of the rule file) with a cue on the figure's path (the noun and verb it hangs
  on) or in its clause (`window`), else in its sentence, else `investment`; money invested
  "dans"/"à" an organisation is `funding`; a public payer with no other cue makes `public_funding`.
- Status: rumour words in the sentence give `rumoured`; else the most advanced status with a cue on
  the path (the verb the figure hangs on: "promettant" is announced even if "la signature de
  projets" follows), else in the clause, checked from `completed` down, planned words winning over
  announce words ("prévoit d'investir").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flows.cells import missing
from flows.curation.deals.cues import first_label, found, rules
from flows.curation.deals.roles import is_public, is_vehicle, normal_relation

Row = dict[str, Any]
STATUS_ORDER = ("completed", "signed", "planned", "announced")
WINDOW = 80  # characters of the sentence read before a figure for its kind and status


def more_specific(a: str, b: str) -> bool:
    """Kind `a` comes before `b` in the rule file's order (most specific first)."""
    order = [label for label, _ in rules()["kinds"]]
    return order.index(a) < order.index(b) if a in order and b in order else False


def is_rate(row: Row) -> bool:
    return isinstance(row.get("per"), str) and bool(row["per"])


def path_text(row: Row) -> str:
    cues = row.get("cues")
    return "" if missing(cues) else " ".join(cues)


def not_a_commitment(anchor: Row) -> bool:
    """A price, market figure, revenue, comparison... (module docstring)."""
    data = rules()
    return bool(is_rate(anchor) or found(path_text(anchor), data["not_deal_path"])
                or found(anchor["sentence"], data["not_deal_sentence"]))


def is_total_with_parts(anchor: Row, others: Sequence[Row]) -> bool:
    """The figure is followed, in its sentence, by "dont <part>" and a part names a party."""
    sentence = anchor["sentence"]
    at = sentence.find(anchor["text"])
    tail = sentence[at + len(anchor["text"]):] if at >= 0 else ""
    return bool(found(tail[:40], ["dont"])) and any(o.get("parties") is not None and len(o["parties"])
                                                    for o in others if o["start"] > anchor["start"])


def window(anchor: Row) -> str:
    """The anchor's clause, roughly: the sentence from WINDOW characters before it to 3/4 of it after."""
    sentence = anchor["sentence"]
    at = sentence.find(anchor["text"])
    if at < 0:
        return sentence
    return sentence[max(0, at - WINDOW): at + len(anchor["text"]) + WINDOW * 3 // 4]


def kind(anchor: Row, parties: Sequence[tuple[str, str]]) -> tuple[str, bool]:
    """The deal kind (module docstring) and whether a cue gave it; `parties`: the anchor's (relation, name)."""
    if any(is_vehicle(name) for _, name in parties) or any(normal_relation(r) == "entre" for r, _ in parties):
        return "joint_venture", True
    table = [(label, cues) for label, cues in rules()["kinds"]]
    label = first_label(path_text(anchor), table) or first_label(window(anchor), table) or \
        first_label(anchor["sentence"], table)
    if label == "contract" and first_label(window(anchor), table[:2]) == "power_supply":
        label = "power_supply"  # a contract for electricity
    payers = [name for rel, name in parties if normal_relation(rel) not in ("dans", "à", "obj")]
    if label in (None, "funding") and any(is_public(name) for name in payers):
        return "public_funding", True
    receives = any(normal_relation(rel) in ("dans", "à") for rel, _ in parties) or (
        found(path_text(anchor), rules()["recipient_verbs"]) and any(normal_relation(r) == "subj" for r, _ in parties))
    if label in (None, "investment") and anchor["type"] == "money" and receives:
        return "funding", True
    return label or "investment", label is not None


def status(anchor: Row) -> str:
    """rumoured < planned < announced < signed < completed (module docstring)."""
    data = rules()
    if found(anchor["sentence"], data["rumour_words"]):
        return "rumoured"
    levels = dict((label, cues) for label, cues in data["status"])
    for text in (path_text(anchor), window(anchor)):
        label = next((label for label in STATUS_ORDER if found(text, levels[label])), None)
        if label:
            return label
    return "announced"
