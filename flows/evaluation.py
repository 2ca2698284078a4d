"""Scoring curated mentions against hand-annotated gold, exactly as gold/SCORING.md defines it.

- money, power, date: per mention. Predictions and gold of one type are matched one to one by
  character overlap, largest overlap first. Detection P/R/F1 counts matched pairs; end-to-end
  P/R/F1 counts matched pairs whose normalised value agrees; attribute accuracy is measured over
  matched pairs.
- org: per article, distinct predicted canonical names against gold organisations (folded names;
  a gold organisation is found when a predicted name equals its canonical or one of its aliases).
Counts are summed over articles (micro-averages). What is scored, and how, comes from the fact-type
registry (`extractors/fact_types.py`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from extractors.fact_types import FACT_TYPES
from extractors.registry import Check, FactType, Registry
from extractors.text import fold_key
from flows.cells import missing

REL_TOL = 1e-6


@dataclass(frozen=True)
class GoldFile:
    article_id: str
    scope: tuple[int, int | None]
    facts: list[dict[str, Any]]

    def covers(self, start: int) -> bool:
        lo, hi = self.scope
        return start >= lo and (hi is None or start < hi)


def load_gold(gold_dir: Path) -> list[GoldFile]:
    """Every `*.jsonl` in `gold_dir`, with its scope from `scopes.json` (whole article by default)."""
    scopes_path = gold_dir / "scopes.json"
    scopes = json.loads(scopes_path.read_text(encoding="utf-8")) if scopes_path.exists() else {}
    files = []
    for path in sorted(gold_dir.glob("*.jsonl")):
        stem = path.name.removesuffix(".jsonl")
        article_id = re.sub(r"\.part\d+$", "", stem)
        lo, hi = scopes.get(stem, [0, None])
        facts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        files.append(GoldFile(article_id, (lo, hi), facts))
    if not files:
        raise FileNotFoundError(f"{gold_dir}: no gold *.jsonl files (pass --gold DIR)")
    return files


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    correct: int = 0
    attr_total: dict[str, int] = field(default_factory=dict)
    attr_ok: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.correct += other.correct
        for name, n in other.attr_total.items():
            self.attr_total[name] = self.attr_total.get(name, 0) + n
            self.attr_ok[name] = self.attr_ok.get(name, 0) + other.attr_ok.get(name, 0)


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def one_to_one(candidates: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs from `(-overlap, a, b)` candidates: largest overlap first, then by index."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, a, b in sorted(candidates):
        if a not in used_a and b not in used_b:
            used_a.add(a)
            used_b.add(b)
            pairs.append((a, b))
    return pairs


def match_by_overlap(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, largest character overlap first."""
    candidates = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    return one_to_one(candidates)


def same_number(a: Any, b: Any) -> bool:
    if missing(a) or missing(b):
        return missing(a) and missing(b)
    return math.isclose(float(a), float(b), rel_tol=REL_TOL)


def same_attr(a: Any, b: Any) -> bool:
    return (missing(a) and missing(b)) or a == b


def agrees(check: Check, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    a, b = pred.get(check.column), gold.get(check.gold)
    return same_number(a, b) if check.number else same_attr(a, b)


def score_spans(fact_type: FactType, pred: list[Mapping[str, Any]], gold: list[Mapping[str, Any]]) -> Counts:
    counts = Counts(predicted=len(pred), gold=len(gold))
    pairs = match_by_overlap([(p["start"], p["end"]) for p in pred], [(g["start"], g["end"]) for g in gold])
    counts.matched = len(pairs)
    for i, j in pairs:
        counts.correct += all(agrees(check, pred[i], gold[j]) for check in fact_type.values)
        for check in fact_type.attributes:
            counts.attr_total[check.column] = counts.attr_total.get(check.column, 0) + 1
            counts.attr_ok[check.column] = counts.attr_ok.get(check.column, 0) + agrees(check, pred[i], gold[j])
    return counts


def score_names(predicted_names: Iterable[str], gold: list[Mapping[str, Any]]) -> Counts:
    names = {fold_key(n) for n in predicted_names if isinstance(n, str) and n.strip()}
    found = 0
    for org in gold:
        forms = {fold_key(org["canonical"]), *(fold_key(a) for a in org.get("aliases", []))}
        found += bool(forms & names)
    # SCORING.md: precision = found / predicted names, recall = found / gold organisations
    return Counts(predicted=len(names), gold=len(gold), matched=found, correct=found)


@dataclass
class Report:
    counts: dict[str, Counts]

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for kind, c in self.counts.items():
            dp, dr, df = prf(c.matched, c.predicted, c.gold)
            ep, er, ef = prf(c.correct, c.predicted, c.gold)
            row: dict[str, Any] = {
                "type": kind, "gold": c.gold, "predicted": c.predicted,
                "detection_p": dp, "detection_r": dr, "detection_f1": df,
                "e2e_p": ep, "e2e_r": er, "e2e_f1": ef,
            }
            for name, total in c.attr_total.items():
                row[f"{name}_accuracy"] = c.attr_ok[name] / total if total else None
            out.append(row)
        return out


def score(mentions: pd.DataFrame, gold_files: list[GoldFile], fact_types: Registry = FACT_TYPES) -> Report:
    """Every registered fact type scored as its `scoring` says: per mention ("span") or per article ("name")."""
    totals = {fact_type.name: Counts() for fact_type in fact_types}
    for _, fact_type, pred, gold in _per_article(mentions, gold_files, fact_types):
        if fact_type.scoring == "name":
            totals[fact_type.name].add(score_names(pred[fact_type.key[0]], gold))
        else:
            totals[fact_type.name].add(score_spans(fact_type, pred.to_dict("records"), gold))
    return Report(totals)


def _per_article(mentions: pd.DataFrame, gold_files: list[GoldFile], fact_types: Iterable[FactType]
                 ) -> Iterator[tuple[str, FactType, pd.DataFrame, list[dict[str, Any]]]]:
    """(article, fact type, its predicted mentions inside the gold file's scope, its gold facts)."""
    by_article = {aid: frame for aid, frame in mentions.groupby("article_id")}
    fact_types = list(fact_types)
    for gf in gold_files:
        frame = by_article.get(gf.article_id, mentions.iloc[0:0])
        frame = frame.loc[[gf.covers(int(start)) for start in frame["start"]]]
        for fact_type in fact_types:
            yield gf.article_id, fact_type, frame[frame["type"] == fact_type.name], \
                [f for f in gf.facts if f["type"] == fact_type.name]


@dataclass(frozen=True)
class ScoringError:
    """One thing the scores counted against the run: a gold fact `missed`, a predicted one no gold fact
    matches (`spurious`), or a matched pair whose value (`wrong`) or attribute (`attribute`) differs."""

    article_id: str
    type: str
    kind: str
    text: str
    detail: str = ""


def _fields(row: Mapping[str, Any], checks: Iterable[Check], gold: bool) -> str:
    return ", ".join(f"{c.column}={row.get(c.gold if gold else c.column)!r}" for c in checks)


def span_errors(article_id: str, fact_type: FactType, pred: list[Mapping[str, Any]],
                gold: list[Mapping[str, Any]]) -> list[ScoringError]:
    pairs = match_by_overlap([(p["start"], p["end"]) for p in pred], [(g["start"], g["end"]) for g in gold])
    out = [ScoringError(article_id, fact_type.name, "missed", gold[j]["text"], _fields(gold[j], fact_type.values, True))
           for j in sorted(set(range(len(gold))) - {j for _, j in pairs})]
    out += [ScoringError(article_id, fact_type.name, "spurious", pred[i]["text"],
                         _fields(pred[i], fact_type.values, False))
            for i in sorted(set(range(len(pred))) - {i for i, _ in pairs})]
    for i, j in pairs:
        for kind, checks in (("wrong", fact_type.values), ("attribute", fact_type.attributes)):
            bad = [c for c in checks if not agrees(c, pred[i], gold[j])]
            if bad:
                detail = f"gold {_fields(gold[j], bad, True)}; predicted {_fields(pred[i], bad, False)}"
                out.append(ScoringError(article_id, fact_type.name, kind, gold[j]["text"], detail))
    return out


def name_errors(article_id: str, fact_type: FactType, predicted_names: Iterable[str],
                gold: list[Mapping[str, Any]]) -> list[ScoringError]:
    names = {fold_key(n): n for n in predicted_names if isinstance(n, str) and n.strip()}
    matched: set[str] = set()
    out = []
    for org in gold:
        forms = {fold_key(org["canonical"]), *(fold_key(a) for a in org.get("aliases", []))}
        matched |= forms & names.keys()
        if not forms & names.keys():
            out.append(ScoringError(article_id, fact_type.name, "missed", org["canonical"]))
    out += [ScoringError(article_id, fact_type.name, "spurious", name)
            for key, name in sorted(names.items()) if key not in matched]
    return out


def scoring_errors(mentions: pd.DataFrame, gold_files: list[GoldFile],
                   fact_types: Registry = FACT_TYPES) -> list[ScoringError]:
    """Every error behind `score`'s figures, article by article, so a reader can check the run (or the gold).
    Types the gold never annotates are left out, as the report leaves out their rows."""
    annotated = {f["type"] for gf in gold_files for f in gf.facts}
    out: list[ScoringError] = []
    for article_id, fact_type, pred, gold in _per_article(
            mentions, gold_files, (t for t in fact_types if t.name in annotated)):
        if fact_type.scoring == "name":
            out += name_errors(article_id, fact_type, pred[fact_type.key[0]], gold)
        else:
            out += span_errors(article_id, fact_type, pred.to_dict("records"), gold)
    return out


def format_errors(errors: list[ScoringError]) -> str:
    """One line per error: article, type, kind, the text in quotes, and the values that differ."""
    if not errors:
        return "no errors: every gold fact found with its values, nothing spurious"
    return "\n".join(f"{e.article_id}  {e.type:<5} {e.kind:<9} {e.text!r}" + (f"  ({e.detail})" if e.detail else "")
                     for e in errors)


def format_report(report: Report) -> str:
    """A fixed-width table of the SCORING.md metrics."""
    header = f"{'type':<6} {'gold':>5} {'pred':>5}  {'det P':>6} {'det R':>6} {'det F1':>6}  " \
             f"{'e2e P':>6} {'e2e R':>6} {'e2e F1':>6}  attribute accuracy"
    lines = [header, "-" * len(header)]
    for row in report.rows():
        attrs = ", ".join(
            f"{k.removesuffix('_accuracy')} {v:.3f}"
            for k, v in row.items()
            if k.endswith("_accuracy") and v is not None
        )
        lines.append(
            f"{row['type']:<6} {row['gold']:>5} {row['predicted']:>5}  "
            f"{row['detection_p']:>6.3f} {row['detection_r']:>6.3f} {row['detection_f1']:>6.3f}  "
            f"{row['e2e_p']:>6.3f} {row['e2e_r']:>6.3f} {row['e2e_f1']:>6.3f}  {attrs or '-'}"
        )
    lines.append("org: per-article sets of canonical names; detection = end-to-end (SCORING.md).")
    return "\n".join(lines)


# --- deals (tests/gold/DEALS.md, "Scoring") ------------------------------------------------------------
# The same metrics as tests/gold/score_deals.py (a copy of the shared scorer), on the gold's lines and
# the rows of `deal_sources`; tests/flows/test_deal_evaluation.py checks both give the same figures.

DEAL_ROLES = ("from", "to", "partners")
DEAL_ATTRIBUTES = ("kind", "parties_directed_f1", "parties_undirected_f1", "parties_orgs_only_f1", "money", "power",
                   "country", "site", "date_strict", "date_lenient", "status")


def _deal_fold(text: Any) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def _deal_prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """As the deal scorer: an empty side scores 1 when the other is empty too."""
    p = hits / predicted if predicted else (1.0 if not gold else 0.0)
    r = hits / gold if gold else (1.0 if not predicted else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _set_f1(pred: set[Any], gold: set[Any]) -> float:
    return 1.0 if not pred and not gold else _deal_prf(len(pred & gold), len(pred), len(gold))[2]


def _value(value: Any) -> Any:
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    return None if missing(value) or (isinstance(value, str) and value.strip() in ("", "null", "None", "nan")) \
        else value


def _close(a: Any, b: Any) -> bool:
    a, b = _value(a), _value(b)
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-9)


def _deal(row: Mapping[str, Any], flat: bool) -> dict[str, Any]:
    """A gold line (`flat=False`) or a `deal_sources` row in one shape."""
    figures = [(int(f["start"]), int(f["end"])) for f in (_value(row.get("figures")) or [])]
    if flat:
        money = {k: _value(row.get(f"money_{k}")) for k in ("value", "low", "high", "currency")}
        power = {k: _value(row.get(f"power_{k}_gw" if k != "qualifier" else "power_qualifier"))
                 for k in ("value", "low", "high", "qualifier")}
        date = _value(row.get("date_value"))
    else:
        money = {k: (row.get("money") or {}).get(k) for k in ("value", "low", "high", "currency")}
        power = {k: (row.get("power_gw") or {}).get(k) for k in ("value", "low", "high", "qualifier")}
        date = (row.get("date") or {}).get("value")
    dates = {date} | {_value(o.get("value")) for o in (_value(row.get("other_dates")) or []) if isinstance(o, dict)}
    return {
        "figures": sorted(set(figures)),
        **{role: [str(n) for n in (_value(row.get(role)) or [])] for role in DEAL_ROLES},
        "money": None if all(v is None for v in money.values()) else money,
        "power": None if all(v is None for v in power.values()) else power,
        "date": date, "dates": dates - {None},
        **{k: _value(row.get(k)) for k in ("kind", "status", "site", "country")},
        "site_aliases": [str(a) for a in (_value(row.get("site_aliases")) or [])],
    }


def _parties(deal: Mapping[str, Any], aliases: Mapping[str, str]) -> tuple[set[Any], set[str], set[str]]:
    def name(n: str) -> str:
        key = _deal_fold(n)
        return aliases.get(key, key)

    directed = {(role, name(n)) for role in DEAL_ROLES for n in deal[role]}
    names = {n for _, n in directed}
    return directed, names, {n for n in names if not n.startswith("gov ")}


def _money_ok(g: Any, p: Any) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return all(_close(g.get(k), p.get(k)) for k in ("value", "low", "high")) and \
        (g.get("currency") or "").upper() == (p.get("currency") or "").upper()


def _power_ok(g: Any, p: Any) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return all(_close(g.get(k), p.get(k)) for k in ("value", "low", "high"))


def _site_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    if not g["site"] or not p["site"]:
        return not g["site"] and not p["site"]
    gold = [_deal_fold(x) for x in g["site"].split(";")] + [_deal_fold(x) for x in g["site_aliases"]]
    pred = [_deal_fold(x) for x in re.split(r"[;|]", p["site"])]
    return any(a and b and (f" {a} " in f" {b} " or f" {b} " in f" {a} ") for a in pred for b in gold)


def _date_key(value: Any) -> str | None:
    return re.sub(r"\s+", "", str(value)) if value is not None else None


def _deal_checks(g: Mapping[str, Any], p: Mapping[str, Any], aliases: Mapping[str, str]) -> dict[str, float]:
    gd, gu, go = _parties(g, {})
    pd_, pu, po = _parties(p, aliases)
    return {
        "kind": float((g["kind"] or "") == (p["kind"] or "")),
        "parties_directed_f1": _set_f1(pd_, gd), "parties_undirected_f1": _set_f1(pu, gu),
        "parties_orgs_only_f1": _set_f1(po, go),
        "money": float(_money_ok(g["money"], p["money"])), "power": float(_power_ok(g["power"], p["power"])),
        "country": float((g["country"] or "").upper() == (p["country"] or "").upper()),
        "site": float(_site_ok(g, p)),
        "date_strict": float(_date_key(g["date"]) == _date_key(p["date"])),
        "date_lenient": float(_date_key(p["date"]) in {_date_key(x) for x in g["dates"]} if p["date"]
                              else not g["dates"]),
        "status": float((g["status"] or "") == (p["status"] or "")),
    }


def _deal_pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = sum(max(0, min(ge, pe) - max(gs, ps)) for gs, ge in g["figures"] for ps, pe in p["figures"])
            if overlap > 0:
                candidates.append((-overlap, gi, pi))
    return one_to_one(candidates)


def load_deal_gold(deal_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Deal gold lines by article: one `<article>.jsonl` per article (empty: no deal)."""
    return {path.name.removesuffix(".jsonl"): [json.loads(line) for line in path.read_text(encoding="utf-8")
                                               .splitlines() if line.strip()]
            for path in sorted(deal_dir.glob("*.jsonl"))}


def org_aliases(gold_files: Iterable[GoldFile]) -> dict[str, dict[str, str]]:
    """Per article, each folded alias of a gold organisation -> its folded canonical name."""
    out: dict[str, dict[str, str]] = {}
    for gf in gold_files:
        for fact in gf.facts:
            if fact.get("type") == "org":
                for alias in [fact["canonical"], *(fact.get("aliases") or [])]:
                    out.setdefault(gf.article_id, {})[_deal_fold(alias)] = _deal_fold(fact["canonical"])
    return out


def score_deals(deal_sources: pd.DataFrame, gold: Mapping[str, list[dict[str, Any]]],
                aliases: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, Any]:
    """The DEALS.md metrics of `deal_sources` rows against deal gold (articles without gold are ignored)."""
    aliases = aliases or {}
    preds: dict[str, list[dict[str, Any]]] = {}
    for row in deal_sources.to_dict("records"):
        if row["article_id"] in gold:
            preds.setdefault(row["article_id"], []).append(_deal(row, flat=True))
    n_gold = sum(len(v) for v in gold.values())
    n_pred = sum(len(v) for v in preds.values())
    totals = dict.fromkeys(DEAL_ATTRIBUTES, 0.0)
    matched = full = 0
    for article, lines in sorted(gold.items()):
        golds, pred = [_deal(line, flat=False) for line in lines], preds.get(article, [])
        for gi, pi in _deal_pairs(golds, pred):
            checks = _deal_checks(golds[gi], pred[pi], aliases.get(article, {}))
            matched += 1
            full += all(checks[k] == 1.0 for k in ("kind", "money", "power", "parties_undirected_f1"))
            for name, value in checks.items():
                totals[name] += value
    p, r, f = _deal_prf(matched, n_pred, n_gold)
    fp, fr, ff = _deal_prf(full, n_pred, n_gold)
    return {"gold_deals": n_gold, "pred_deals": n_pred, "matched": matched,
            "detection": {"precision": p, "recall": r, "f1": f},
            "full_match": {"precision": fp, "recall": fr, "f1": ff},
            "matched_attributes": {k: (v / matched if matched else 0.0) for k, v in totals.items()}}


def format_deal_report(out: Mapping[str, Any]) -> str:
    d, fm = out["detection"], out["full_match"]
    lines = [f"deals: gold {out['gold_deals']}, predicted {out['pred_deals']}, matched {out['matched']} (DEALS.md)",
             f"  detection   P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}",
             f"  full match  P {fm['precision']:.3f}  R {fm['recall']:.3f}  F1 {fm['f1']:.3f}"]
    lines += [f"  {k:22s} {v:.3f}" for k, v in out["matched_attributes"].items()]
    return "\n".join(lines)
