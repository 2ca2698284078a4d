"""Compare two curated folders table by table: the same rows and ids, whatever the column order.

usage: python bench/compare_curated.py BEFORE_DIR AFTER_DIR

Run-specific columns (`processed_at`, `extractor_version`, `path`) are ignored. Used to show that a
refactoring changed no output: run the old and the new code on the same raw folder, then compare.
Exit status 0 when every table matches, 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from flows.cells import plain

RUN_SPECIFIC = {"processed_at", "extractor_version", "path"}


def comparable(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    columns = sorted(c for c in frame.columns if c not in RUN_SPECIFIC)
    rows = [tuple(repr(plain(v)) for v in row) for row in frame[columns].astype(object).itertuples(index=False)]
    return sorted(rows)


def compare(before: Path, after: Path) -> list[str]:
    problems = []
    names = sorted({p.stem for p in before.glob("*.parquet")} | {p.stem for p in after.glob("*.parquet")})
    for name in names:
        a, b = before / f"{name}.parquet", after / f"{name}.parquet"
        if not (a.exists() and b.exists()):
            problems.append(f"{name}: only in {'before' if a.exists() else 'after'}")
            continue
        old, new = pd.read_parquet(a), pd.read_parquet(b)
        if set(old.columns) != set(new.columns):
            problems.append(f"{name}: columns differ: {sorted(set(old.columns) ^ set(new.columns))}")
            continue
        same = comparable(old) == comparable(new)
        order = "" if list(old.columns) == list(new.columns) else " (column order differs)"
        print(f"{name:<14} {len(old):>6} rows before, {len(new):>6} after: {'same' if same else 'DIFFERENT'}{order}")
        if not same:
            problems.append(f"{name}: rows differ")
    return problems


if __name__ == "__main__":
    found = compare(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(found) or "every table has the same rows and ids")
    sys.exit(1 if found else 0)
