"""Who pays and who receives: the roles `from`, `to` and `partners` of a deal's parties.

The extraction step gives, for each organisation attached to a figure, how it stands in the
figure's clause (`relation:name`, extractors/parties.relation). Its role follows from the relation
and the deal kind (`roles` in extractors/data/deals.json): the subject of "investir" pays (`from`),
"à"/"dans" OpenAI receives (`to`), "avec" Oracle is the counterparty. Verbs whose subject receives
money ("lever", "obtenir", "émettre") turn the subject into `to` and "auprès de"/"par" into `from`;
verbs whose subject supplies ("fournir", "réserver") turn the subject into `to` (the seller) and
"à" into `from` (the buyer). In a joint venture, a named vehicle (Stargate) is `to`, the rest partners.

A state is a party (`gov:<ISO>`) when the sentence makes it act: "annoncés par le gouvernement",
"financé par les Émirats arabes unis", "l'État soutiendra" (`gov_words`, `gov_country_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from extractors.text import fold_key
from flows.curation.deals.cues import folded, found, rules

ROLES = ("from", "to", "partners")
Party = tuple[str, str]  # relation, name


def parse_roles(values: Iterable[str]) -> list[Party]:
    """`relation:name` strings as (relation, name) pairs; the relation never holds a colon-free name."""
    out = []
    for value in values:
        # a relation may hold a colon itself ("obl:mod"); so may a name ("gov:FR" is never attached)
        relation, _, name = str(value).partition(":")
        if relation and ":" in name and name.split(":")[0] in ("mod", "tense", "pass", "agent", "arg", "poss"):
            sub, _, name = name.partition(":")
            relation = f"{relation}:{sub}"
        out.append((relation, name))
    return out


def normal_relation(relation: str) -> str:
    """"d'" and "du" are "de", "au" and "aux" are "à"."""
    relation = relation.strip("'’").lower()
    return rules()["relation_aliases"].get(relation, relation)


def role_of(relation: str, kind: str, path: str) -> str | None:
    data = rules()
    relation = normal_relation(relation)
    base = relation.split(":")[0] if relation not in data["roles"]["*"] else relation
    if found(path, data["recipient_verbs"]):
        override = {"subj": "to", "aupres": "from", "auprès": "from", "par": "from", "agent": "from", "de": "from"}
        if base in override:
            return override[base]
    if kind == "power_supply" and found(path, data["supplier_verbs"]) and base in ("subj", "à", "a", "au"):
        return "to" if base == "subj" else "from"
    table = data["roles"].get(kind, {})
    return table.get(relation) or table.get(base) or data["roles"]["*"].get(relation) or \
        data["roles"]["*"].get(base) or "from"


def supplier_rank(name: str, kind: str) -> int | None:
    """How surely `name` sells in a deal of `kind` (0: most), None if not a known supplier."""
    tiers = rules()["suppliers"].get(kind, [])
    return next((rank for rank, names in enumerate(tiers) if found(name, names)), None)


def _seller(names: Sequence[str], kind: str) -> str | None:
    ranked = sorted((rank, i, n) for i, n in enumerate(names) if (rank := supplier_rank(n, kind)) is not None)
    return ranked[0][2] if ranked and len(names) > 1 else None


def is_presenter(name: str) -> bool:
    return bool(found(name, rules()["presenters"]))


def roles_of(parties: Sequence[Party], kind: str, path: str) -> dict[str, list[str]]:
    """The deal's `from`, `to`, `partners` (each name once, in the first role found)."""
    parties = [(relation, name) for relation, name in parties if not is_presenter(name)]
    seller = _seller([name for _, name in parties], kind)
    resolved = [(_role(relation, name, kind, path, seller), name) for relation, name in parties]
    out: dict[str, list[str]] = {role: [] for role in ROLES}
    seen: set[str] = set()
    for role, name in sorted(resolved, key=lambda rn: ROLES.index(rn[0]) if rn[0] else len(ROLES)):
        if role and name not in seen:
            seen.add(name)
            out[role].append(name)
    return out


def is_public(name: str) -> bool:
    return name.startswith("gov:") or bool(found(name, rules()["public_parties"]))


def is_vehicle(name: str) -> bool:
    return bool(found(name, rules()["vehicles"]))


def _role(relation: str, name: str, kind: str, path: str, seller: str | None) -> str | None:
    if kind == "joint_venture":
        return "to" if is_vehicle(name) else "partners"
    if seller is not None:
        return "to" if name == seller else "from"
    return role_of(relation, kind, path)


@cache
def _gov_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(fold_key(w)) for w in words)
    return re.compile(rf"(?:^|(?<![a-z])(?:par|de|avec|dont)\s+(?:les |le |la |l )?)(?:{alternatives})(?![a-z])")


def state_leads(sentence: str) -> bool:
    """The sentence opens on a state ("L'État soutiendra", "Le gouvernement a annoncé")."""
    return bool(_leading_state().match(folded(sentence)[:40]))


@cache
def _leading_state() -> re.Pattern[str]:
    words = "|".join(re.escape(fold_key(w)) for w in rules()["gov_words"])
    return re.compile(rf"(?:le |la |l )?(?:{words})(?![a-z])")


def state_party(sentence: str, default_country: str = "FR") -> str | None:
    """`gov:<ISO>` when a state acts in the sentence (module docstring), else None."""
    data = rules()
    text = folded(sentence)
    for words, iso in data["gov_country_words"]:
        if _gov_pattern((words,)).search(text):
            return f"gov:{iso}"
    if _gov_pattern(tuple(data["gov_words"])).search(text) or state_leads(sentence):
        return f"gov:{default_country}"
    return None
