"""Peak memory (and time) of `infrafacts run` over one very large article.

Builds a single article of at least --mb MB by concatenating the paragraphs of the raw/ articles
(blank-line separated, in a shuffled order with a fixed seed), runs the real CLI on it in a child
process, samples the RSS of the child, of each descendant (extraction workers, the ephemeral Prefect
server) and of the whole tree every 0.2 s, and checks that the run kept every mention's offsets valid. Nothing here is
asserted by tests.

    .venv/bin/python bench/bench_large_file.py [--mb 20] [--keep DIR] [--log FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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


def _rss(proc: psutil.Process) -> int:
    try:
        return proc.memory_info().rss
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return 0


def _label(proc: psutil.Process) -> str:
    """What a descendant is: the Prefect server, an extraction worker, or its command."""
    try:
        cmd = " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return "?"
    if "uvicorn" in cmd or "prefect.server" in cmd or "server start" in cmd:
        return "Prefect server"
    if "multiprocessing" in cmd or "spawn_main" in cmd:
        return "worker"
    return cmd[:60]


@dataclass
class Sampled:
    """Peaks of one sampled run: the run process, the largest descendant, the whole tree at once."""

    code: int
    seconds: float
    output: str
    run_peak: int = 0
    tree_peak: int = 0
    child_peaks: dict[int, tuple[int, str]] = field(default_factory=dict)  # pid -> (peak RSS, label)
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def largest_child(self) -> tuple[int, str]:
        return max(self.child_peaks.values(), default=(0, "none"))

    def largest_worker(self) -> int:
        return max((rss for rss, label in self.child_peaks.values() if label == "worker"), default=0)

    def report(self) -> str:
        rss, label = self.largest_child()
        one, five, fifteen = self.load
        return (f"wall time {self.seconds:.0f} s; peak RSS: run process {self.run_peak / 2**20:.0f} MiB, "
                f"largest worker {self.largest_worker() / 2**20:.0f} MiB, largest child {rss / 2**20:.0f} MiB "
                f"({label}), whole tree {self.tree_peak / 2**20:.0f} MiB; "
                f"load average at the end {one:.2f} {five:.2f} {fifteen:.2f} (2 cores)")


def run_sampled(cmd: list[str], env: dict[str, str] | None = None, log: Path | None = None) -> Sampled:
    """Run `cmd` from the project root, sampling the RSS of it and of every descendant every 0.2 s.

    Its output goes to `log` (or is kept in memory and returned); the load average is read at the end.
    """
    start = time.perf_counter()
    out = open(log, "w", encoding="utf-8") if log else subprocess.PIPE  # noqa: SIM115 - closed below
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, text=True,
                             env={**os.environ, **(env or {})})
    proc = psutil.Process(child.pid)
    sampled = Sampled(0, 0.0, "")
    known: dict[int, psutil.Process] = {}
    while child.poll() is None:
        try:
            children = proc.children(recursive=True)
        except psutil.NoSuchProcess:
            children = []
        own, tree = _rss(proc), 0
        for c in children:
            known.setdefault(c.pid, c)
            rss = _rss(known[c.pid])
            tree += rss
            peak, label = sampled.child_peaks.get(c.pid, (0, ""))
            sampled.child_peaks[c.pid] = (max(peak, rss), label or _label(known[c.pid]))
        sampled.run_peak, sampled.tree_peak = max(sampled.run_peak, own), max(sampled.tree_peak, own + tree)
        time.sleep(SAMPLE_SECONDS)
    if log:
        out.close()
        sampled.output = log.read_text(encoding="utf-8", errors="replace")
    else:
        sampled.output = child.stdout.read() if child.stdout else ""
    sampled.code, sampled.seconds, sampled.load = child.returncode, time.perf_counter() - start, os.getloadavg()
    return sampled


def cli_run(raw: Path, curated: Path, log: Path | None = None) -> Sampled:
    """`infrafacts run` on `raw` in a child process, with its own Prefect home unless one is set."""
    env = {"PREFECT_HOME": os.environ.get("PREFECT_HOME", str(curated.parent / "prefect-home"))}
    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--curated", str(curated)]
    return run_sampled(cmd, env, log)


def check_offsets(article: Path, curated: Path) -> int:
    text = open(article, encoding="utf-8").read()  # noqa: SIM115 - the exact CONTRACT.md call
    mentions = pd.read_parquet(curated / "mentions.parquet")
    bad = sum(text[r.start : r.end] != r.text for r in mentions.itertuples())
    if bad:
        sys.exit(f"{bad} mentions whose offsets do not index the article")
    return len(mentions)


def add_folder_options(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    ap.add_argument("--log", type=Path, help="write the run's output to this file as it goes")


def bench_folder(args: argparse.Namespace, write: Callable[[Path], str],
                 check: Callable[[Path, Path], None] | None = None) -> tuple[Sampled, dict[str, int]]:
    """Write a raw folder (`write` says what it holds), run the CLI on it, `check` the result; exits on failure.

    Returns the sampled run and the rows of each curated table."""
    with tempfile.TemporaryDirectory(prefix="infrafacts-bench-") as tmp:
        base = args.keep or Path(tmp)
        raw, curated = base / "raw", base / "curated"
        raw.mkdir(parents=True, exist_ok=True)
        print(f"{write(raw)}; load average at the start {os.getloadavg()}", flush=True)
        run = cli_run(raw, curated, args.log)
        print(run.output[-2000:])
        if run.code != 0:
            sys.exit(f"run failed with exit code {run.code}")
        if check is not None:
            check(raw, curated)
        tables = {p.stem: len(pd.read_parquet(p)) for p in sorted(curated.glob("*.parquet"))}
    print(f"rows per table: {tables}")
    return run, tables


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="article size in MB (default 20)")
    add_folder_options(ap)
    args = ap.parse_args()

    def write(raw: Path) -> str:
        return f"article: {build_article(raw / 'grand_article.txt', args.mb) / 1e6:.1f} MB in one file"

    def check(raw: Path, curated: Path) -> None:
        print(f"{check_offsets(raw / 'grand_article.txt', curated)} mentions, every offset valid")

    run, tables = bench_folder(args, write, check)
    print(f"{tables.get('mentions', 0)} mentions; {run.report()}")


if __name__ == "__main__":
    main()
