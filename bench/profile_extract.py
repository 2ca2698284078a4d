"""Where the extraction's CPU goes after the spaCy parse, on the first --mb MB of a corpus.

Reads the articles as the flow does (`flows.sources.read_articles`), loads the worker pipeline (`load_nlp`,
timed: each worker pays it before its first batch), parses every piece first (timed apart), then runs the
per-article work (`flows.extraction.extract_parsed`) once under cProfile and once per extractor. Prints:
  load   import + spacy.load + org gazetteer build, in this (fresh) process
  parse  nlp.pipe of the worker pipeline (senter + ner + line breaks + gazetteer)
  each fact type's extractor, party attachment and the whole per-article work, as a share of the parse
  with --profile N, the N costliest functions (cumulative time)
  with --batch-sizes, nlp.pipe throughput of the worker pipeline per batch size (the flow's `Settings.batch_size`)
  with --rows OUT, every mention row (JSON Lines, in order) and their sha256: run it on two versions of the code
  (`PYTHONPATH=OTHER_TREE`) to check that a speed change changed no output.

    .venv/bin/python bench/profile_extract.py --corpus /tmp/pf/c5 --mb 1 [--profile 40] [--batch-sizes 16 32 64 128]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from pathlib import Path

T0 = time.perf_counter()
from extractors.pipeline import load_nlp  # noqa: E402 - the import is part of the load time measured

IMPORTED = time.perf_counter() - T0


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def first_mb(corpus: Path, mb: float) -> list:
    from flows.sources import Article, read_articles

    paths, total = [], 0
    for path in sorted(p for p in corpus.iterdir() if p.is_file()):
        if total >= mb * 1e6:
            break
        paths.append(path)
        total += path.stat().st_size
    return [a for a in read_articles(paths) if isinstance(a, Article)]


def write_rows(articles: list, nlp: object, out: Path) -> None:
    from flows.extraction import extract_articles

    with out.open("w", encoding="utf-8") as f:
        for extracted in extract_articles(articles, nlp, nlp):
            for row in extracted.rows:
                f.write(json.dumps(row, ensure_ascii=False, sort_keys=True, default=list) + "\n")
    print(f"rows: {out} sha256 {hashlib.sha256(out.read_bytes()).hexdigest()}")


def pieces_parsed(parsed: Iterable[object]) -> Iterator[tuple]:
    """(doc, (article index, start, end)) from `flows.extraction.parse`, which yields them batch by batch (one
    by one in older trees)."""
    for item in parsed:
        yield from item if isinstance(item, list) else [item]


def batch_rates(texts: list[str], nlp: object, sizes: list[int]) -> None:
    """nlp.pipe as such, then as the flow calls it (`flows.extraction.parse`: batches also capped at
    BATCH_CHARS of text, long texts in pieces)."""
    from flows.extraction import BATCH_CHARS, CHUNK_CHARS, MAX_DOC_CHARS, parse, pieces_of

    for size in sizes:
        seconds, count = timed(lambda size=size: sum(len(d) for d in nlp.pipe(texts, batch_size=size)))
        flow_s, _ = timed(lambda size=size: sum(
            len(d) for d, _ in pieces_parsed(parse(pieces_of(texts, MAX_DOC_CHARS, CHUNK_CHARS), nlp, size))))
        print(f"    batch_size {size:>4}: nlp.pipe {count / seconds:>8,.0f} tok/s ({seconds:6.2f} s); "
              f"flow's parse (<= {BATCH_CHARS:,} chars a batch) {count / flow_s:>8,.0f} tok/s ({flow_s:6.2f} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/pf/c5"))
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--batch-size", type=int, default=None, help="the flow's default when not given")
    ap.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    ap.add_argument("--profile-out", type=Path, help="also save the cProfile stats here (pstats format)")
    ap.add_argument("--batch-sizes", type=int, nargs="*", default=[])
    ap.add_argument("--rows", type=Path, help="write every mention row here (JSON Lines) and print its sha256")
    args = ap.parse_args()

    load_s, nlp = timed(load_nlp)
    print(f"load: import {IMPORTED:.2f} s, load_nlp {load_s:.2f} s")
    articles = first_mb(args.corpus, args.mb)
    if args.rows:
        write_rows(articles, nlp, args.rows)
        return

    from extractors.fact_types import FACT_TYPES
    from extractors.mentions import extract_mentions, with_parties
    from extractors.registry import Context
    from extractors.text import VisibleText
    from flows import extraction
    from flows.extraction import CHUNK_CHARS, MAX_DOC_CHARS, parse, pieces_of, visible_text
    from flows.settings import DEFAULTS

    batch_size = args.batch_size or DEFAULTS.batch_size
    views = [VisibleText(visible_text(a)) for a in articles]
    texts = [v.text for v in views]
    print(f"{len(articles)} articles, {sum(map(len, texts)) / 1e6:.2f} M chars, batch_size {batch_size}")
    parse_s, parsed = timed(lambda: list(parse(pieces_of(texts, MAX_DOC_CHARS, CHUNK_CHARS), nlp, batch_size)))
    docs = list(pieces_parsed(parsed))
    print(f"parse {parse_s:.2f} s")

    def share(seconds: float) -> str:
        return f"{seconds:6.3f} s {100 * seconds / parse_s:5.1f} %"

    whole = [d for d, (i, start, end) in docs if (start, end) == (0, len(texts[i]))]
    pieces = [texts[i][a:b] for _, (i, a, b) in docs]
    found = [[m for t in FACT_TYPES for m in t.extract(d.copy(), Context())] for d in whole]
    figures = {t.name for t in FACT_TYPES if t.has_parties}
    # Each line reads copies of the docs as the pipeline left them: what an extractor keeps on a doc
    # (text, sentences, entities) is not handed to the next line. "all" comes first, before any rule's own
    # caches (line tests, cleaned entities) hold answers for these texts.
    costs: dict[str, Callable[[list], object]] = {
        "all": lambda ds: [extract_mentions(d, Context(parser=nlp), text=p) for d, p in zip(ds, pieces, strict=True)],
        **{t.name: (lambda ds, t=t: [list(t.extract(d, Context())) for d in ds]) for t in FACT_TYPES},
        "parties": lambda ds: [with_parties(d, ms, nlp, figures, d.text) for d, ms in zip(ds, found, strict=True)],
    }
    from extractors import mentions

    if hasattr(mentions, "extract_mentions_of") and all(isinstance(b, list) for b in parsed):
        sizes = [len(b) for b in parsed]  # the flow's way: the figure clauses of a parse batch parsed together
        costs = {"all, per batch": lambda ds: [mentions.extract_mentions_of(
            [(d, Context(parser=nlp), p) for d, p in zip(ds[k - n : k], pieces[k - n : k], strict=True)])
            for n, k in zip(sizes, accumulate(sizes), strict=True)], **costs}
    for name, fn in costs.items():
        fresh = [d.copy() for d, _ in docs] if name.startswith("all") else [d.copy() for d in whole]
        print(f"    {name:<14} {share(timed(lambda fn=fn, fresh=fresh: fn(fresh))[0])}")
    if not hasattr(extraction, "extract_parsed"):  # an older tree (PYTHONPATH): its extractors only
        return
    profiler = cProfile.Profile()
    per_article_s, _ = timed(lambda: profiler.runcall(
        lambda: list(extraction.extract_parsed(articles, views, parsed, nlp))))
    print(f"    per-article work (extract_parsed, under cProfile) {share(per_article_s)}")
    if args.profile_out:
        profiler.dump_stats(args.profile_out)
    if args.profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    if args.batch_sizes:
        batch_rates(texts, nlp, args.batch_sizes)


if __name__ == "__main__":
    main()
