"""Throughput of the whole infrafacts flow against plain spaCy on the same text, in the same run.

Builds a corpus of at least --mb MB (replicated raw/ articles, or --corpus DIR of your own, e.g.
made with ../shared/tools/make_corpus.py), then measures:
  (a) the whole flow (`infrafacts run`, in a child process: Prefect start-up, reading, spaCy,
      extraction, tables, writing), and the same flow's time without the Prefect start-up;
  (b) plain `nlp.pipe` of fr_core_news_md with the same components (senter + ner), and of the
      full default pipeline;
  (c) each extractor's time over the parsed docs, as a share of the parse time.
Reports tokens/s, the ratios and peak memory (max RSS). Nothing here is asserted by tests.

    .venv/bin/python bench/bench_flow.py [--mb 1] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from extractors.fact_types import FACT_TYPES
from extractors.mentions import extract_mentions
from extractors.pipeline import MODEL, build_nlp
from extractors.registry import Context

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(source: Path, out: Path, mb: float) -> list[str]:
    """Copies of the source articles until the corpus holds `mb` MB of text. Each copy ends with its
    own number, so no two files share bytes (the flow skips byte-identical duplicates)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    total, i = 0, 0
    while total < mb * 1e6:
        text = f"{texts[i % len(texts)].rstrip()}\n\nCopie n° {i}.\n"
        (out / f"copy{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        i += 1
    return [p.read_text(encoding="utf-8") for p in sorted(out.glob("*.txt"))]


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run_flow(corpus: Path, curated: Path) -> float:
    """Wall time of `infrafacts run` in a child process."""
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(corpus), "--curated", str(curated)]
    seconds, proc = timed(lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True))
    if proc.returncode not in (0, 3):
        sys.exit(f"flow failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds


def prefect_startup() -> float:
    """Wall time of a trivial flow in a child process: the fixed Prefect cost of one run."""
    code = "from flows.settings import apply_prefect_defaults; apply_prefect_defaults()\n" \
           "from prefect import flow\n@flow\ndef noop():\n    return 1\nnoop()"
    seconds, _ = timed(lambda: subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True))
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB when replicating raw/ (default 1)")
    ap.add_argument("--corpus", type=Path, help="use this folder of .txt articles instead of replicating raw/")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="infrafacts-bench-") as tmp:
        work = Path(tmp)
        if args.corpus:
            corpus = args.corpus
            texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
        else:
            corpus = work / "raw"
            corpus.mkdir()
            texts = build_corpus(ROOT / "raw", corpus, args.mb)
        chars = sum(map(len, texts))
        print(f"corpus: {len(texts)} articles, {chars / 1e6:.2f} M chars")

        flow_s = run_flow(corpus, work / "curated")
        startup_s = prefect_startup()
        flow_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        shutil.rmtree(work / "curated", ignore_errors=True)

        nlp = build_nlp()
        plain_same = spacy.load(MODEL, exclude=["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"])
        plain_same.enable_pipe("senter")
        plain_full = spacy.load(MODEL)
        same_s, docs_plain = timed(lambda: list(plain_same.pipe(texts, batch_size=args.batch_size)))
        tokens = sum(len(d) for d in docs_plain)
        del docs_plain
        full_s, _ = timed(lambda: sum(1 for _ in plain_full.pipe(texts, batch_size=args.batch_size)))
        ours_s, docs = timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
        with_parties = Context(parser=build_nlp(syntax=True))
        extractors = {
            **{t.name: (lambda t=t: [list(t.extract(d, Context())) for d in docs]) for t in FACT_TYPES},
            "all": lambda: [extract_mentions(d, with_parties) for d in docs],  # + party re-parse of figure sentences
        }
        ext_s = {name: timed(fn)[0] for name, fn in extractors.items()}
        own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def rate(seconds: float) -> str:
        return f"{tokens / seconds:>9,.0f} tok/s  ({seconds:6.2f} s)"

    print(f"tokens: {tokens:,}")
    print(f"(a) whole flow (infrafacts run)        {rate(flow_s)}")
    print(f"    minus Prefect start-up ({startup_s:.1f} s)    {rate(max(flow_s - startup_s, 1e-9))}")
    print(f"(b) plain nlp.pipe, senter+ner          {rate(same_s)}")
    print(f"    plain nlp.pipe, full md pipeline    {rate(full_s)}")
    print(f"    our pipeline (+ org gazetteer)      {rate(ours_s)}")
    print(f"ratio flow / plain senter+ner: {same_s / flow_s:.2f}x the plain speed "
          f"({flow_s / same_s:.2f}x the time; {(flow_s - startup_s) / same_s:.2f}x without start-up)")
    print(f"ratio flow / plain full pipeline: {full_s / flow_s:.2f}x the plain speed")
    print("extractor cost as a share of the plain senter+ner parse time:")
    for name, seconds in ext_s.items():
        print(f"    {name:<6} {seconds:6.3f} s  {100 * seconds / same_s:5.1f} %")
    print(f"    money+power {100 * (ext_s['money'] + ext_s['power']) / same_s:5.1f} %  "
          "('all' = extract_mentions: every fact type + party attachment)")
    print(f"    org gazetteer in the pipeline: {100 * (ours_s - same_s) / same_s:+5.1f} % parse time")
    print(f"peak memory: flow process {flow_rss:,.0f} MB; this process (3 pipelines) {own_rss:,.0f} MB")


if __name__ == "__main__":
    main()
