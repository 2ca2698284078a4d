"""Score the whole pipeline on every held-out gold set (articles written for the tests, not the dev corpus).

usage: python bench/evaluate_heldout.py [--json OUT]
       [--sets own own_orgs own_orgs2 own_orgs3 own_dates own_web own_deals own_money own_fresh own_orgs4 own_fresh2]

Each set's `.txt` articles are copied into a fresh raw folder (so the gold `.jsonl` files beside them are
not read as inputs), run through the real CLI (`infrafacts run`), and scored with `infrafacts evaluate`
against the set's gold (deal gold from `<set>/deals` when there is one). Prints one table per set.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SETS = ("own", "own_orgs", "own_orgs2", "own_orgs3", "own_dates", "own_web", "own_deals", "own_money", "own_fresh",
        "own_orgs4", "own_fresh2")


def score_set(name: str, work: Path) -> dict[str, object]:
    gold = GOLD / name
    raw, curated = work / name / "raw", work / name / "curated"
    raw.mkdir(parents=True)
    for text in sorted(gold.glob("*.txt")):
        shutil.copy(text, raw / text.name)
    cli = [sys.executable, "-m", "flows.cli"]
    subprocess.run([*cli, "run", "--raw", str(raw), "--curated", str(curated)], cwd=ROOT, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    args = ["evaluate", "--curated", str(curated), "--gold", str(gold), "--json"]
    if (gold / "deals").is_dir():
        args += ["--deal-gold", str(gold / "deals")]
    out = subprocess.run([*cli, *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def print_set(name: str, result: dict[str, object]) -> None:
    print(f"\n== {name}")
    for row in result["mentions"]:  # type: ignore[index]
        if row["gold"]:
            attrs = ", ".join(f"{k.removesuffix('_accuracy')} {v:.3f}" for k, v in row.items()
                              if k.endswith("_accuracy") and v is not None)
            print(f"  {row['type']:<6} gold {row['gold']:>4} pred {row['predicted']:>4}  "
                  f"e2e P {row['e2e_p']:.3f} R {row['e2e_r']:.3f} F1 {row['e2e_f1']:.3f}  {attrs}")
    deals = result.get("deals")
    if deals:
        print(f"  deals: detection F1 {deals['detection']['f1']:.3f}, full match F1 {deals['full_match']['f1']:.3f}, "
              + ", ".join(f"{k} {v:.3f}" for k, v in deals["matched_attributes"].items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--json", type=Path, help="also write every result to this file")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="infrafacts-heldout-") as tmp:
        for name in args.sets:  # each set printed as soon as scored: a later failure loses nothing
            results[name] = score_set(name, Path(tmp))
            print_set(name, results[name])
            sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
