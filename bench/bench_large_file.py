"""Peak memory (and time) of `infrafacts run` over one very large article.

Builds a single article of at least --mb MB by concatenating the paragraphs of the raw/ articles
(blank-line separated, in a shuffled order with a fixed seed), runs the real CLI on it in a child
process, samples the RSS of the child and of its whole process tree (the ephemeral Prefect server
included) every 0.2 s, and checks that the run kept every mention's offsets valid. Nothing here is
asserted by tests.

    .venv/bin/python bench/bench_large_file.py [--mb 20] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SECONDS = 0.2


def paragraphs(raw: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(raw.glob("*.txt"))]
    return [para.strip() for text in texts for para in text.split("\n\n") if para.strip()]


def build_article(path: Path, mb: float, seed: int = 0) -> int:
    """Write one article of at least `mb` MB; returns its size in bytes."""
    paras, rng, size = paragraphs(ROOT / "raw"), random.Random(seed), 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < mb * 1e6:
            rng.shuffle(paras)
            chunk = "\n\n".join(paras) + "\n\n"
            fh.write(chunk)
            size += len(chunk.encode("utf-8"))
    return size


def tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """RSS of the process, and of it plus every descendant."""
    try:
        own = proc.memory_info().rss
        children = proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0
    total = own
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += child.memory_info().rss
    return own, total


def run_sampled(cmd: list[str]) -> tuple[int, float, int, int]:
    """Exit code, wall seconds, peak RSS of the run process, peak RSS of its process tree."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    proc = psutil.Process(child.pid)
    peak_own = peak_tree = 0
    while child.poll() is None:
        own, tree = tree_rss(proc)
        peak_own, peak_tree = max(peak_own, own), max(peak_tree, tree)
        time.sleep(SAMPLE_SECONDS)
    output = child.stdout.read() if child.stdout else ""
    print(output[-3000:])
    return child.returncode, time.perf_counter() - start, peak_own, peak_tree


def check_offsets(article: Path, curated: Path) -> int:
    text = open(article, encoding="utf-8").read()  # noqa: SIM115 - the exact CONTRACT.md call
    mentions = pd.read_parquet(curated / "mentions.parquet")
    bad = sum(text[r.start : r.end] != r.text for r in mentions.itertuples())
    if bad:
        sys.exit(f"{bad} mentions whose offsets do not index the article")
    return len(mentions)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="article size in MB (default 20)")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="infrafacts-large-") as tmp:
        base = args.keep or Path(tmp)
        raw, curated = base / "raw", base / "curated"
        raw.mkdir(parents=True, exist_ok=True)
        size = build_article(raw / "grand_article.txt", args.mb)
        cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--curated", str(curated)]
        code, seconds, own, tree = run_sampled(cmd)
        if code != 0:
            sys.exit(f"run failed with exit code {code}")
        mentions = check_offsets(raw / "grand_article.txt", curated)
    print(f"article: {size / 1e6:.1f} MB in one file; {mentions} mentions, every offset valid")
    print(f"wall time: {seconds:.0f} s; peak RSS: run process {own / 2**20:.0f} MiB, "
          f"process tree (with the Prefect server) {tree / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
