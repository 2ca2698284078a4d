#!/usr/bin/env python3
"""Score the pipeline's date mentions against a gold folder (SCORING.md, type date).

usage: .venv/bin/python tests/gold/own_dates/score_dates.py [GOLD_DIR ...] [--misses]
Default gold: this folder (held-out) and tests/gold/dev. Each article's text is read from the gold
folder (`STEM.txt`) or from raw/ (`STEM.txt`); the publication date comes from find_published, as in
the flow (flows/extract.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from extractors.dates import find_published  # noqa: E402
from extractors.mentions import extract_mentions  # noqa: E402
from extractors.pipeline import load_nlp  # noqa: E402
from extractors.registry import Context  # noqa: E402
from flows.curation.tables import mentions_frame  # noqa: E402
from flows.evaluation import format_report, load_gold, match_by_overlap, score  # noqa: E402
from flows.sources.text import decode_text  # noqa: E402


def article_text(gold_dir: Path, article_id: str) -> str:
    for path in (gold_dir / f"{article_id}.txt", ROOT / "raw" / f"{article_id}.txt"):
        if path.exists():
            return decode_text(path.read_bytes())
    raise FileNotFoundError(article_id)


def main(argv: list[str]) -> None:
    show_misses = "--misses" in argv
    dirs = [Path(a) for a in argv if not a.startswith("--")] or [Path(__file__).parent, ROOT / "tests/gold/dev"]
    nlp = load_nlp()
    for gold_dir in dirs:
        gold = load_gold(gold_dir)
        rows = []
        for article_id in sorted({g.article_id for g in gold}):
            text = article_text(gold_dir, article_id)
            mentions = extract_mentions(nlp(text), Context(published=find_published(text)))
            rows += [m.as_row() | {"article_id": article_id} for m in mentions]
        frame = mentions_frame(rows)
        print(f"== {gold_dir}")
        print(format_report(score(frame, gold)))
        if show_misses:
            for gf in gold:
                pred = [r for r in rows if r["article_id"] == gf.article_id and r["type"] == "date"
                        and gf.covers(r["start"])]
                gd = [f for f in gf.facts if f["type"] == "date"]
                pairs = match_by_overlap([(p["start"], p["end"]) for p in pred], [(g["start"], g["end"]) for g in gd])
                for i, j in pairs:
                    p, g = pred[i], gd[j]
                    if p["date_value"] != g["value"] or p["date_mod"] != g["mod"]:
                        print(f"  WRONG {gf.article_id} {p['text']!r} {p['date_value']} {p['date_mod']}"
                              f" / gold {g['text']!r} {g['value']} {g['mod']}")
                for i in sorted(set(range(len(pred))) - {i for i, _ in pairs}):
                    print(f"  EXTRA {gf.article_id} {pred[i]['text']!r} {pred[i]['date_value']}")
                for j in sorted(set(range(len(gd))) - {j for _, j in pairs}):
                    print(f"  MISS  {gf.article_id} {gd[j]['text']!r} {gd[j]['value']} {gd[j]['mod']}")


if __name__ == "__main__":
    main(sys.argv[1:])
