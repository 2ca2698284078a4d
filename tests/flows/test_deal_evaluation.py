"""`infrafacts evaluate` scores deals exactly as the shared deal scorer (tests/gold/score_deals.py) does."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from flows.evaluation import load_deal_gold, load_gold, org_aliases, score_deals

GOLD = Path(__file__).resolve().parents[1] / "gold"
DEAL_SETS = [(GOLD / "deals" / "dev", GOLD / "dev"), (GOLD / "own_deals" / "deals", GOLD / "own_deals")]


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_deals", GOLD / "score_deals.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_source_row(line: dict[str, Any]) -> dict[str, Any]:
    """A gold line in the shape of a `deal_sources` row."""
    money, power, date = line["money"] or {}, line["power_gw"] or {}, line["date"] or {}
    return {
        "article_id": line["article"], "deal_id": line["deal_id"], "kind": line["kind"],
        "from": line["from"], "to": line["to"], "partners": line["partners"],
        **{f"money_{k}": money.get(k) for k in ("value", "low", "high", "currency", "qualifier", "per")},
        **{f"power_{k}_gw": power.get(k) for k in ("value", "low", "high")}, "power_qualifier": power.get("qualifier"),
        "site": line["site"], "site_aliases": line["site_aliases"], "country": line["country"],
        "date_value": date.get("value"), "date_role": line["date_role"],
        "other_dates": [{"value": d["value"], "mod": d.get("mod"), "role": d.get("role")} for d in line["other_dates"]],
        "status": line["status"],
        "figures": [{"type": f["type"], "start": f["start"], "end": f["end"]} for f in line["figures"]],
    }


def damaged(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dropped rows, changed kinds, swapped directions, other amounts, sites and dates, a spurious row."""
    out = []
    for n, row in enumerate(rows, 1):
        if n % 5 == 0:
            continue
        row = dict(row)
        if n % 3 == 0:
            row["kind"] = "other"
        if n % 4 == 0:
            row["from"], row["to"] = row["to"], row["from"]
        if n % 7 == 0 and row["money_value"]:
            row["money_value"] *= 2
        if n % 2 == 0:
            row["site"], row["country"], row["date_value"] = "Lyon", "FR", "2030"
        if n % 6 == 0:
            row["from"] = [*row["from"], "Quelqu'un"]
        out.append(row)
    out.append({**rows[0], "figures": [{"type": "money", "start": 10**7, "end": 10**7 + 5}]})
    return out


@pytest.mark.parametrize(("deal_dir", "mention_dir"), DEAL_SETS)
@pytest.mark.parametrize("damage", [False, True])
def test_same_figures_as_the_shared_scorer(deal_dir: Path, mention_dir: Path, damage: bool) -> None:
    gold = load_deal_gold(deal_dir)
    rows = [as_source_row(line) for lines in gold.values() for line in lines]
    rows = damaged(rows) if damage else rows
    frame = pd.DataFrame(rows)
    ours = score_deals(frame, gold, org_aliases(load_gold(mention_dir)))
    shared = scorer()
    theirs, _ = shared.score(shared.load_gold([str(deal_dir)]), frame.to_dict("records"),
                             shared.load_org_alias([str(mention_dir)]))
    theirs.pop("ignored_pred_rows")
    assert json.dumps(ours, sort_keys=True) == json.dumps(theirs, sort_keys=True)
    if not damage:
        assert ours["detection"]["f1"] == 1.0 and set(ours["matched_attributes"].values()) == {1.0}
    else:
        assert ours["detection"]["recall"] < 1.0 and ours["matched_attributes"]["kind"] < 1.0


def test_aliases_of_gold_organisations_read_as_their_canonical_name() -> None:
    gold = {"a": [{"figures": [{"start": 0, "end": 5}], "kind": "funding", "from": ["Amazon Web Services"], "to": [],
                   "partners": [], "money": None, "power_gw": None, "site": None, "site_aliases": [],
                   "country": None, "date": None, "other_dates": [], "status": None}]}
    pred = pd.DataFrame([{"article_id": "a", "figures": [{"type": "money", "start": 0, "end": 5}], "kind": "funding",
                          "from": ["AWS"], "to": [], "partners": []}])
    aliases = {"a": {"aws": "amazon web services"}}
    assert score_deals(pred, gold, aliases)["matched_attributes"]["parties_directed_f1"] == 1.0
    assert score_deals(pred, gold, {})["matched_attributes"]["parties_directed_f1"] == 0.0
