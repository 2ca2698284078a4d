"""The fact types infrafacts extracts, registered in one place (`FACT_TYPES`).

Each entry says how a type is extracted, curated and scored; see `registry.py` for the fields and
docs/ARCHITECTURE.md for adding a type.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from extractors.dates import extract_dates
from extractors.money import extract_money
from extractors.orgs import extract_orgs
from extractors.power import extract_power
from extractors.records import DateMention, Mention, MoneyMention, OrgMention, PowerMention
from extractors.registry import Check, Context, FactType, Registry


def _money(doc: Doc, context: Context) -> Iterable[Mention]:
    return extract_money(doc)


def _power(doc: Doc, context: Context) -> Iterable[Mention]:
    return extract_power(doc)


def _dates(doc: Doc, context: Context) -> Iterable[Mention]:
    return extract_dates(doc, published=context.published)


def _orgs(doc: Doc, context: Context) -> Iterable[Mention]:
    return extract_orgs(doc)


_QUALIFIER = Check("qualifier", "qualifier")

MONEY = FactType(
    record=MoneyMention, extract=_money, table="money",
    description="One row per distinct money fact after normalisation and deduplication.",
    dedup="figure", key=("currency", "value", "low", "high", "per"), numbers=("value", "low", "high"),
    values=(Check("value", "value", number=True), Check("low", "low", number=True),
            Check("high", "high", number=True), Check("currency", "currency")),
    attributes=(_QUALIFIER, Check("per", "per")),
)
POWER = FactType(
    record=PowerMention, extract=_power, table="power",
    description="One row per distinct power fact (gigawatts) after normalisation and deduplication.",
    dedup="figure", key=("value_gw", "low_gw", "high_gw"), numbers=("value_gw", "low_gw", "high_gw"),
    values=tuple(Check(c, c, number=True) for c in ("value_gw", "low_gw", "high_gw")),
    attributes=(_QUALIFIER,),
)
DATE = FactType(
    record=DateMention, extract=_dates, table="dates",
    description="One row per distinct dated fact after normalisation and deduplication.",
    dedup="event", key=("date_value", "date_mod"),
    values=(Check("date_value", "value"),), attributes=(Check("date_mod", "mod"),),
)
ORG = FactType(
    record=OrgMention, extract=_orgs, table="organisations",
    description="One row per canonical organisation across all articles.",
    dedup="name", key=("canonical",), scoring="name",
)

FACT_TYPES = Registry([MONEY, POWER, DATE, ORG])
