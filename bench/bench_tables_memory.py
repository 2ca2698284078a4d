"""Memory of the part of a run that grows with the corpus: building and writing the curated tables.

Extraction workers hold one batch at a time (bounded); the flow process holds every mention until the
tables are written. This replays a real run's `mentions` (from --curated, e.g. a 1 MB corpus run) as
--copies distinct articles, as the flow would hand them to `write_curated`, then builds the fact tables
(through `apply_corrections`, as the run does) and writes everything, reporting the wall time and the
peak RSS of this process. Without spaCy, so a 100 MB-scale table stage can be measured in minutes
(`--copies 1` on the curated folder of a 100 MB run replays that run's own mentions). Nothing here is asserted by tests.

    .venv/bin/python bench/bench_tables_memory.py --curated DIR [--copies 100]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd

from flows.curation.corrections import apply_corrections
from flows.curation.dedup import fact_tables
from flows.store.tables import read_table, write_tables


def replicated(frame: pd.DataFrame, copies: int) -> list[pd.DataFrame]:
    """One frame per copy, article ids suffixed: what the extraction batches hand back."""
    out = []
    for i in range(copies):
        part = frame.copy()
        part["article_id"] = part["article_id"] + f"-{i:04d}"
        out.append(part)
    return out


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curated", type=Path, required=True, help="a curated folder to replay (its mentions)")
    ap.add_argument("--copies", type=int, default=100)
    args = ap.parse_args()
    from flows.main import joined_mentions

    base = read_table(args.curated, "mentions")
    articles = read_table(args.curated, "articles")
    start = time.perf_counter()
    parts = replicated(base, args.copies)
    mentions = joined_mentions(parts)
    del parts
    print(f"{len(mentions):,} mentions ({args.copies} x {len(base):,}); peak so far {rss_mb():,.0f} MB", flush=True)
    corrected = apply_corrections(mentions, [], fact_tables)  # what write_curated does with no corrections file
    del mentions
    mentions, facts = corrected.mentions, corrected.tables
    print(f"fact tables built in {time.perf_counter() - start:.1f} s; peak so far {rss_mb():,.0f} MB", flush=True)
    all_articles = pd.concat(replicated(articles, args.copies), ignore_index=True)
    with tempfile.TemporaryDirectory(prefix="infrafacts-tables-") as tmp:
        write_tables({"mentions": mentions, "articles": all_articles, **facts}, Path(tmp))
    print(f"written; total {time.perf_counter() - start:.1f} s, peak RSS {rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
