"""The deal's date and its role (DEALS.md): announced, signed, closed, start, completion, target, period.

A date's role comes from the words just before it and its own text ("d'ici 2028": target, "débutant
en 2027": start, "mise en service": completion; `date_roles` in extractors/data/deals.json); a date
without such a word is the event the status says (announced, signed, closed). The main date is the
earliest event date (announced, signed, closed), else the first date of the deal; the others follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flows.curation.deals.cues import first_label, rules

Row = dict[str, Any]
EVENT_ROLES = ("announced", "signed", "closed")
BEFORE = 40  # characters read before a date for its role word


def date_role(date: Row, status: str) -> str:
    sentence = date["sentence"]
    at = sentence.find(date["text"])
    before = sentence[max(0, at - BEFORE):at] if at >= 0 else ""
    table = rules()["date_roles"]
    return first_label(date["text"], table) or first_label(before[-BEFORE:], table) or \
        rules()["date_role_by_status"].get(status, "announced")


def dated(dates: Sequence[Row], status: str) -> tuple[Row | None, str | None, list[Row]]:
    """(main date, its role, the other dates each with `role`) of one deal."""
    roles = [(d, date_role(d, status)) for d in dates]
    events = sorted((r for r in roles if r[1] in EVENT_ROLES), key=lambda r: str(r[0]["date_value"]))
    main = events[0] if events else (roles[0] if roles else None)
    if main is None:
        return None, None, []
    others = [{**d, "role": role} for d, role in roles if d is not main[0]]
    return main[0], main[1], others
