"""Peak memory and wall time of `infrafacts run` over a whole corpus folder (e.g. 100 MB of make_corpus.py).

Runs the real CLI in a child process (its output to --log, never a pipe a long run could fill), samples the
RSS of the run process and of its whole process tree (workers and the temporary Prefect server included)
every second, and prints a progress line every --every seconds: elapsed time, extraction batches done,
CPU seconds of the tree, RSS now and peak. Stopped early (Ctrl-C, SIGTERM), it kills the run and still
prints what it measured, labelled as partial. Nothing here is asserted by tests.

    .venv/bin/python bench/bench_corpus_memory.py --corpus /tmp/pf/c100 --curated /tmp/pf/c100-cur \
        --log /tmp/pf/c100-run.log [--workers N] [--every 60]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BATCH_DONE = re.compile(r"Task run 'extract_batch-\w+' - Finished")
STAGE = re.compile(r"(Beginning flow run|articles to extract|Task run '(?:write_curated|publish_report)-\w+' - Finished"
                   r"|Flow run '[^']+' - Finished)")


class Stopped(Exception):
    pass


def tree(proc: psutil.Process) -> list[psutil.Process]:
    with contextlib.suppress(psutil.NoSuchProcess):
        return [proc, *proc.children(recursive=True)]
    return []


def mb(size: int) -> str:
    return f"{size / 2**20:6,.0f}"


def rss(procs: list[psutil.Process], cpu_seen: dict[int, float]) -> tuple[int, int]:
    """RSS of the first process and of them all; records each one's CPU seconds in `cpu_seen`."""
    own = total = 0
    for i, p in enumerate(procs):
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            size, times = p.memory_info().rss, p.cpu_times()
            own = size if i == 0 else own
            total += size
            cpu_seen[p.pid] = times.user + times.system
    return own, total


def progress(log: Path) -> tuple[int, str]:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    stages = STAGE.findall(text)
    return len(BATCH_DONE.findall(text)), (stages[-1] if stages else "starting")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--curated", type=Path, required=True)
    ap.add_argument("--log", type=Path, required=True)
    ap.add_argument("--workers", type=int)
    ap.add_argument("--every", type=float, default=60.0, help="seconds between progress lines (default 60)")
    args = ap.parse_args()

    cmd = [sys.executable, "-m", "flows.cli", "run", "--raw", str(args.corpus), "--curated", str(args.curated)]
    cmd += ["--workers", str(args.workers)] if args.workers else []

    def stop(signum: int, frame: object) -> None:
        raise Stopped

    signal.signal(signal.SIGTERM, stop)
    start = time.perf_counter()
    with open(args.log, "w", encoding="utf-8") as out:
        child = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    proc = psutil.Process(child.pid)
    peak_own = peak_tree = 0
    cpu_seen: dict[int, float] = {}  # last CPU seconds seen per pid (a finished worker's time is kept)
    next_report, partial = start + args.every, False
    print(f"run pid {child.pid}: {' '.join(cmd)}", flush=True)
    try:
        while child.poll() is None:
            own, total = rss(tree(proc), cpu_seen)
            peak_own, peak_tree = max(peak_own, own), max(peak_tree, total)
            now = time.perf_counter()
            if now >= next_report:
                batches, stage = progress(args.log)
                cpu = sum(cpu_seen.values())
                print(f"{now - start:7.0f} s  batches done {batches:4d}  last stage: {stage:<40.40}  CPU {cpu:7.0f} s  "
                      f"RSS run {mb(own)} MB (peak {mb(peak_own)})  tree {mb(total)} MB (peak {mb(peak_tree)})  "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
                next_report = now + args.every
            time.sleep(1.0)
    except (Stopped, KeyboardInterrupt):
        partial = True
        os.killpg(child.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=20)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    seconds = time.perf_counter() - start
    batches, stage = progress(args.log)
    label = "PARTIAL (stopped before the end)" if partial else f"finished, exit status {child.returncode}"
    print(f"{label}: {seconds:.0f} s wall, {batches} extraction batches done, last stage: {stage}; CPU seconds of the "
          f"process tree {sum(cpu_seen.values()):.0f} (sampled); peak RSS: run process {mb(peak_own)} MB, "
          f"whole tree {mb(peak_tree)} MB (sampled every second)", flush=True)
    return 0 if not partial and child.returncode in (0, 3) else 1


if __name__ == "__main__":
    sys.exit(main())
