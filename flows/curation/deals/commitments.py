"""Whether a figure states a commitment, and which kind and status (tests/gold/DEALS.md).

- Not a commitment: a rate without its total, a figure whose noun or verb path or whose sentence
  names a market, forecast, revenue, price, valuation, backlog or comparison (`not_deal_*` cues),
  and a total whose parts follow ("109 milliards annoncés, dont 3 milliards pour Iliad").
- Kind: the first kind whose cue is on the figure's path (the noun and verb it hangs on), else in
  its sentence, else `investment`; money invested "dans"/"à" an organisation is `funding`; a
  public payer with no other cue makes it `public_funding`.
- Status: rumour words give `rumoured`; else the most advanced status with a cue in the sentence,
  checked from `completed` down, planned words winning over announce words ("prévoit d'investir").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flows.curation.deals.cues import first_label, found, rules
from flows.curation.deals.roles import is_public, is_vehicle

Row = dict[str, Any]
STATUS_ORDER = ("completed", "signed", "planned", "announced")


def is_rate(row: Row) -> bool:
    return isinstance(row.get("per"), str) and bool(row["per"])


def path_text(row: Row) -> str:
    cues = row.get("cues")
    return " ".join(cues) if cues is not None and len(cues) else ""


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


def kind(anchor: Row, parties: Sequence[tuple[str, str, str]]) -> str:
    """The deal kind (module docstring); `parties` are (relation, name, role) of the anchor."""
    table = [(label, cues) for label, cues in rules()["kinds"]]
    label = first_label(path_text(anchor), table) or first_label(anchor["sentence"], table)
    if label is None and any(is_public(name) for _, name, role in parties if role == "from"):
        return "public_funding"
    if label in (None, "investment") and any(rel in ("dans", "à", "a") and not is_vehicle(name)
                                             for rel, name, _ in parties) and anchor["type"] == "money":
        return "funding"
    return label or "investment"


def status(sentence: str) -> str:
    """rumoured < planned < announced < signed < completed (module docstring)."""
    data = rules()
    if found(sentence, data["rumour_words"]):
        return "rumoured"
    levels = dict((label, cues) for label, cues in data["status"])
    return next((label for label in STATUS_ORDER if found(sentence, levels[label])), "announced")
