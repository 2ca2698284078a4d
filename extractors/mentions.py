"""All four extractors over one document."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.dates import extract_dates
from extractors.money import extract_money
from extractors.orgs import extract_orgs
from extractors.power import extract_power
from extractors.records import Mention


def extract_mentions(doc: Doc, *, published: str | None = None) -> list[Mention]:
    """Every money, power, date and organisation mention of one article, in reading order."""
    mentions: list[Mention] = [
        *extract_money(doc),
        *extract_power(doc),
        *extract_dates(doc, published=published),
        *extract_orgs(doc),
    ]
    return sorted(mentions, key=lambda m: (m.start, m.end, m.type))
