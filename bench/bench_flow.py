"""Throughput of the whole infrafacts flow against plain spaCy on the same text, in the same run.

Builds a corpus of at least --mb MB (replicated raw/ articles, or --corpus DIR of your own, e.g.
made with ../shared/tools/make_corpus.py), then measures:
  (a) the whole flow (`infrafacts run`, in a child process: Prefect start-up, reading, spaCy,
      extraction, tables, writing) with its default worker count (or --workers), and the same flow's
      time without the Prefect start-up; then the same command again with nothing changed;
  (b) plain `nlp.pipe` of fr_core_news_md with the same components (senter + ner), in one process
      (before and after the flow: the CPU speed of a shared VM drifts; in this process and in a fresh one)
      and with `n_process` = the flow's worker count; with --full, the full default pipeline too;
  (c) each extractor's time over the parsed docs of the first --extractor-mb MB, as a share of the
      parse time of the same docs.
Reports tokens/s, the ratios and peak memory (max RSS). Nothing here is asserted by tests.

    .venv/bin/python bench/bench_flow.py [--mb 1] [--corpus DIR] [--workers N] [--full]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

from extractors.fact_types import FACT_TYPES
from extractors.mentions import extract_mentions, with_parties
from extractors.pipeline import MODEL, build_nlp
from extractors.registry import Context
from flows.store.report import bundle_cache

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sampling import Sampled, run_sampled  # a sibling script, not a package

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


def cpu_seconds() -> float:
    """User + system CPU of this process and every child it has waited for (grandchildren included)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """Wall seconds, CPU seconds (on a busy shared machine the CPU time is the steadier measure)."""
    cpu = cpu_seconds()
    seconds, result = timed(fn)
    return seconds, cpu_seconds() - cpu, result


def run_flow(corpus: Path, curated: Path, workers: int | None) -> tuple[float, Sampled, list[tuple[str, float]]]:
    """Wall time, CPU and peak RSS (the process tree, sampled: the workers are the forkserver's children,
    which `getrusage` of this process never sees) and stage timeline of `infrafacts run`."""
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(corpus), "--curated", str(curated)]
    cmd += ["--workers", str(workers)] if workers else []
    started = time.time()
    sampled = run_sampled(cmd, every=0.5)
    if sampled.code not in (0, 3):
        sys.exit(f"flow failed ({sampled.code}):\n{sampled.output[-3000:]}")
    return sampled.seconds, sampled, timeline(sampled.output, started)


# Log lines that mark the end of a stage of a run, in order (the first and last batch: first and last match).
_STAGES = (
    ("Prefect API starting", r"Starting temporary server"),
    ("flow run begins", r"Beginning flow run"),
    ("run planned", r"Task run 'plan_articles-\w+' - Finished"),
    ("first batch back", r"Task run 'extract_batch-\w+' - Finished"),
    ("last batch back", r"Task run 'extract_batch-\w+' - Finished"),
    ("tables written", r"Task run 'write_curated-\w+' - Finished"),
    ("report written", r"Task run 'publish_report-\w+' - Finished"),
    ("flow run finished", r"Flow run '[^']+' - Finished"),
)


def timeline(log: str, started: float) -> list[tuple[str, float]]:
    """Seconds since the command started at which each stage of `_STAGES` ended (read from the log's clock)."""
    midnight = time.mktime((*time.localtime(started)[:3], 0, 0, 0, 0, 0, -1))
    stamps = []
    for name, pattern in _STAGES:
        found = [m for m in re.finditer(rf"^(\d\d):(\d\d):(\d\d\.\d+) \|.*{pattern}", log, re.M)]
        if found:
            h, m, sec = (found[-1] if name == "last batch back" else found[0]).groups()
            stamps.append((name, midnight + int(h) * 3600 + int(m) * 60 + float(sec) - started))
    return stamps


def summary_line(output: str) -> str:
    return next((line for line in output.splitlines() if line.startswith("nothing changed")), "")


def processes_used(stdout: str) -> int:
    found = re.search(r"extraction: (\d+) process", stdout)
    return int(found.group(1)) if found else 1


def prefect_startup() -> float:
    """Wall time of a trivial flow in a child process: the fixed Prefect cost of one run."""
    code = "from flows.settings import apply_prefect_defaults; apply_prefect_defaults()\n" \
           "from prefect import flow\n@flow\ndef noop():\n    return 1\nnoop()"
    seconds, _ = timed(lambda: subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True))
    return seconds


PLAIN_EXCLUDE = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]
PLAIN_CHILD = """
import json, time
from pathlib import Path
import spacy
texts = [p.read_text(encoding="utf-8") for p in sorted(Path({corpus!r}).glob("*.txt"))]
nlp = spacy.load({model!r}, exclude={exclude!r})
nlp.enable_pipe("senter")
start, cpu = time.perf_counter(), time.process_time()
tokens = sum(len(d) for d in nlp.pipe(texts, batch_size={batch}))
print(json.dumps([time.perf_counter() - start, time.process_time() - cpu, tokens]))
"""


def plain_in_child(corpus: Path, batch_size: int) -> tuple[float, float, int]:
    """Wall and CPU seconds and tokens of plain single-process `nlp.pipe` over the corpus, in a fresh
    process as the flow's workers are (this process's heap, with the flow's modules loaded, slows a parse
    run in it: it spent up to 1.5x the CPU of `n_process=2` on the same texts)."""
    code = PLAIN_CHILD.format(model=MODEL, exclude=PLAIN_EXCLUDE, corpus=str(corpus), batch=batch_size)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, cpu, tokens = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, cpu, tokens


def plain_pipeline() -> Language:
    nlp = spacy.load(MODEL, exclude=PLAIN_EXCLUDE)
    nlp.enable_pipe("senter")
    return nlp


def extractor_costs(texts: list[str], batch_size: int) -> tuple[dict[str, float], float, float]:
    """Seconds per extractor over the parsed docs, the plain parse time and our pipeline's parse time."""
    plain, nlp = plain_pipeline(), build_nlp()
    same_s, _ = timed(lambda: sum(1 for _ in plain.pipe(texts, batch_size=batch_size)))
    ours_s, docs = timed(lambda: list(nlp.pipe(texts, batch_size=batch_size)))
    parser = nlp  # the same load runs the parser for party attachment (extractors/pipeline.py)
    found = [[m for t in FACT_TYPES for m in t.extract(d.copy(), Context())] for d in docs]
    figures = {t.name for t in FACT_TYPES if t.has_parties}
    # Each line reads copies of the docs as the pipeline left them, so what an extractor keeps on a doc (its
    # text, sentences, entities) is not handed to the next line; "all" first, before any rule's own caches
    # (line tests, cleaned entities) hold answers for these texts.
    extractors: dict[str, Callable[[list], object]] = {
        "all": lambda ds: [extract_mentions(d, Context(parser=parser), text=text)
                           for d, text in zip(ds, texts, strict=True)],
        **{t.name: (lambda ds, t=t: [list(t.extract(d, Context())) for d in ds]) for t in FACT_TYPES},
        "parties": lambda ds: [with_parties(d, ms, parser, figures, text)
                               for d, ms, text in zip(ds, found, texts, strict=True)],
        "Doc.text": lambda ds: [d.text for d in ds],  # one rebuild per doc (the pipeline keeps the source text)
    }
    costs = {}
    for name, fn in extractors.items():
        fresh = [d.copy() for d in docs]
        costs[name] = timed(lambda fn=fn, fresh=fresh: fn(fresh))[0]
    return costs, same_s, ours_s


def fmt_load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{x:.1f}" for x in load)


def first_mb(texts: list[str], mb: float) -> list[str]:
    out, total = [], 0
    for text in texts:
        if total >= mb * 1e6:
            break
        out.append(text)
        total += len(text.encode("utf-8"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB when replicating raw/ (default 1)")
    ap.add_argument("--corpus", type=Path, help="use this folder of .txt articles instead of replicating raw/")
    ap.add_argument("--workers", type=int, help="pass --workers N to the flow (default: the flow's own choice)")
    ap.add_argument("--extractor-mb", type=float, default=1.0, help="text for the per-extractor costs (default 1)")
    ap.add_argument("--full", action="store_true", help="also time the full default md pipeline")
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
        print(f"corpus: {len(texts)} articles, {chars / 1e6:.2f} M chars", flush=True)

        bundle_cached = bundle_cache().exists()  # the report reuses it, else builds it (~8 s) and caches it
        plain = plain_pipeline()
        # The plain parse before the flow too: this VM's CPU speed drifts within minutes, so the flow is
        # compared with the plain run on either side of it.
        before_s = timed(lambda: sum(1 for _ in plain.pipe(texts, batch_size=args.batch_size)))[0]
        child_before_s, _, _ = plain_in_child(corpus, args.batch_size)
        load_before = os.getloadavg()
        flow_s, flow, stages = run_flow(corpus, work / "curated", args.workers)
        processes, flow_cpu = processes_used(flow.output), flow.cpu
        rerun_s, rerun, _ = run_flow(corpus, work / "curated", args.workers)
        startup_s = prefect_startup()
        shutil.rmtree(work / "curated", ignore_errors=True)
        print(f"flow {flow_s:.1f} s ({processes} processes), no-change re-run {rerun_s:.1f} s", flush=True)

        child_after_s, child_cpu, _ = plain_in_child(corpus, args.batch_size)
        same_s, same_cpu, tokens = cpu_timed(lambda: sum(len(d) for d in plain.pipe(texts, batch_size=args.batch_size)))
        multi_s, multi_cpu, _ = cpu_timed(lambda: sum(1 for _ in plain.pipe(texts, batch_size=args.batch_size,
                                                                            n_process=processes)))
        full_s = timed(lambda: sum(1 for _ in spacy.load(MODEL).pipe(texts, batch_size=args.batch_size)))[0] \
            if args.full else None
        ext_s, ext_same_s, ext_ours_s = extractor_costs(first_mb(texts, args.extractor_mb), args.batch_size)
        own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def rate(seconds: float) -> str:
        return f"{tokens / seconds:>9,.0f} tok/s  ({seconds:6.2f} s)"

    print(f"load average (1, 5, 15 min) before the flow: {fmt_load(load_before)}; at the end: "
          f"{fmt_load(os.getloadavg())} ({os.cpu_count()} cores)")
    print(f"tokens: {tokens:,}")
    how = "reused from" if bundle_cached else "built by the flow, then cached in"
    print(f"vega-embed bundle for the report's charts: {how} {bundle_cache()}")
    print(f"(a) whole flow (infrafacts run), {processes} process(es) {rate(flow_s)}")
    print(f"    minus Prefect start-up ({startup_s:.1f} s)       {rate(max(flow_s - startup_s, 1e-9))}")
    print(f"    no-change re-run                     {rerun_s:6.2f} s = {100 * rerun_s / flow_s:.1f} % of the first run"
          f"  ({summary_line(rerun.output)})")
    print("    stages of the first run (seconds since the command started): "
          + ", ".join(f"{name} {at:.1f}" for name, at in stages) + f", exit {flow_s:.1f}")
    print(f"(b) plain nlp.pipe, senter+ner, 1 process  {rate(same_s)}")
    print(f"    the same, measured before the flow    {rate(before_s)}")
    print(f"    the same in a fresh process, before / after the flow {rate(child_before_s)} / {rate(child_after_s)}"
          f"  (CPU {child_cpu:.1f} s after)")
    print(f"    plain nlp.pipe, senter+ner, n_process={processes} {rate(multi_s)}")
    if full_s is not None:
        print(f"    plain nlp.pipe, full md pipeline    {rate(full_s)}")
    print(f"ratio flow / plain senter+ner, 1 process: {same_s / flow_s:.2f}x the plain speed measured after the "
          f"flow, {before_s / flow_s:.2f}x the one before ({(flow_s - startup_s) / same_s:.2f}x the time without "
          "start-up)")
    print(f"ratio flow / plain senter+ner, 1 fresh process: {child_before_s / flow_s:.2f}x before the flow, "
          f"{child_after_s / flow_s:.2f}x after")
    print(f"ratio flow / plain senter+ner, n_process={processes}: {multi_s / flow_s:.2f}x the plain speed")
    print(f"CPU seconds (all processes): flow {flow_cpu:.1f}, plain 1 process {same_cpu:.1f}, plain n_process="
          f"{processes} {multi_cpu:.1f}; flow CPU / plain CPU {flow_cpu / same_cpu:.2f}")
    print(f"extractor cost over the first {args.extractor_mb:g} MB, as a share of its plain senter+ner parse "
          f"({ext_same_s:.2f} s):")
    for name, seconds in ext_s.items():
        print(f"    {name:<6} {seconds:6.3f} s  {100 * seconds / ext_same_s:5.1f} %")
    print("    ('parties' = re-parse of the figure sentences holding an organisation + tree walk; 'all' ="
          " extract_mentions: every fact type + parties, measured first; 'Doc.text' = one rebuild of each doc's text)")
    print(f"    org gazetteer in the pipeline: {100 * (ext_ours_s - ext_same_s) / ext_same_s:+5.1f} % parse time")
    print(f"peak memory: flow process {flow.run_peak / 2**20:,.0f} MiB, largest worker "
          f"{flow.largest_worker() / 2**20:,.0f} MiB, process tree {flow.tree_peak / 2**20:,.0f} MiB (shared pages "
          f"of forked workers counted in each); this process {own_rss:,.0f} MB")


if __name__ == "__main__":
    main()
