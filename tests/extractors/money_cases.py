"""The table-test scaffold of the money tests: each sentence runs through the real pipeline and
`extract_money`, and a mention is compared as a plain dict (offsets checked against the text)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from extractors.money import extract_money


def money_fields(nlp: Language, text: str) -> list[dict[str, Any]]:
    """Every money mention of the text as a dict of its scored fields."""
    found = []
    for m in extract_money(nlp(text)):
        assert text[m.start : m.end] == m.text
        found.append({"text": m.text, "value": m.value, "low": m.low, "high": m.high, "currency": m.currency,
                      "explicit": m.explicit_currency, "qualifier": m.qualifier, "per": m.per})
    return found


def one_money(nlp: Language, text: str) -> dict[str, Any]:
    """The only money mention of the text."""
    found = money_fields(nlp, text)
    assert len(found) == 1, [m["text"] for m in found]
    return found[0]


def per_of(nlp: Language, text: str, span: str) -> str | None:
    """The `per` of the one mention whose text is `span`."""
    found = money_fields(nlp, text)
    matching = [m["per"] for m in found if m["text"] == span]
    assert len(matching) == 1, [m["text"] for m in found]
    return matching[0]
