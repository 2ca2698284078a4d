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
from collections.abc import Iterable, Mapping
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


def match_by_overlap(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, largest character overlap first."""
    candidates = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


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
    by_article = {aid: frame for aid, frame in mentions.groupby("article_id")}
    empty = mentions.iloc[0:0]
    for gf in gold_files:
        frame = by_article.get(gf.article_id, empty)
        frame = frame.loc[[gf.covers(int(start)) for start in frame["start"]]]
        for fact_type in fact_types:
            pred = frame[frame["type"] == fact_type.name]
            gold = [f for f in gf.facts if f["type"] == fact_type.name]
            if fact_type.scoring == "name":
                totals[fact_type.name].add(score_names(pred[fact_type.key[0]], gold))
            else:
                totals[fact_type.name].add(score_spans(fact_type, pred.to_dict("records"), gold))
    return Report(totals)


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
