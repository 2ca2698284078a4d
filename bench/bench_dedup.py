"""Deduplication on many identical mentions: one paragraph repeated until the article reaches --kb.

usage: python bench/bench_dedup.py [--kb 548] [--mentions CACHE.parquet] [--profile N] [--cli [--keep DIR]]

Extracts the mentions of that one article (cached in --mentions, so the dedup of two code versions can be
timed on the same rows), then times `fact_tables` on them and prints the mention and fact counts
(`--profile N`: also the N costliest functions under cProfile).
`--cli` instead runs the real `infrafacts run` on the article in a child process and reports its wall
time and peak RSS (run process, largest worker; bench_large_file.run_sampled).
Issue 18 measured 114 s of dedup for 4,000 repeats (548 KB) before identical mentions were indexed.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

import pandas as pd

from flows.curation.dedup import fact_tables

PARAGRAPH = ("Le 3 mars 2026, Hexavolt a levé 40 millions d’euros auprès de Mistral AI et de Bpifrance pour "
             "un campus de 50 MW.\n\n")


def repeated_text(kb: int) -> str:
    return PARAGRAPH * (kb * 1000 // len(PARAGRAPH.encode("utf-8")))


def mentions_of_repeated_paragraph(kb: int) -> pd.DataFrame:
    from extractors.pipeline import load_nlp
    from flows.curation.tables import mentions_frame
    from flows.extraction import extract_articles
    from flows.sources import Article

    text = repeated_text(kb)
    article = Article("repeated", "repeated.txt", "0" * 64, text)
    started = time.perf_counter()
    (done,) = extract_articles([article], load_nlp(), load_nlp(syntax=True))
    print(f"text: {len(text.encode('utf-8')) / 1000:.0f} KB, {text.count(PARAGRAPH)} repeats; "
          f"extraction {time.perf_counter() - started:.1f} s")
    return mentions_frame(done.rows)


def cli(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_large_file import bench_folder

    def write(raw: Path) -> str:
        text = repeated_text(args.kb)
        (raw / "repeated.txt").write_text(text, encoding="utf-8")
        return f"text: {len(text.encode('utf-8')) / 1000:.0f} KB, {text.count(PARAGRAPH)} repeats"

    run, tables = bench_folder(args, write)
    print(f"{tables.get('mentions', 0)} mentions; {run.report()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=548)
    parser.add_argument("--mentions", type=Path, help="cache of the extracted mentions (Parquet)")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions (cProfile)")
    parser.add_argument("--cli", action="store_true", help="time the whole `infrafacts run` instead")
    parser.add_argument("--keep", type=Path, help="with --cli: build in this folder and keep it")
    parser.add_argument("--log", type=Path, help="with --cli: write the run's output to this file as it goes")
    args = parser.parse_args()
    if args.cli:
        cli(args)
        return
    if args.mentions and args.mentions.exists():
        mentions = pd.read_parquet(args.mentions)
    else:
        mentions = mentions_of_repeated_paragraph(args.kb)
        if args.mentions:
            mentions.to_parquet(args.mentions, index=False)
    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    tables = fact_tables(mentions) if profiler is None else profiler.runcall(fact_tables, mentions)
    elapsed = time.perf_counter() - started
    counts = mentions["type"].value_counts().to_dict()
    print(f"mentions: {len(mentions)} {counts}")
    print(f"facts: {({name: len(frame) for name, frame in tables.items()})}")
    print(f"dedup (fact_tables): {elapsed:.2f} s; load average {os.getloadavg()} (2 cores)")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
