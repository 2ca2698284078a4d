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
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sampling import Sampled, run_sampled  # a sibling script, not a package

BATCH_DONE = re.compile(r"Task run 'extract_batch-\w+' - Finished")
STAGE = re.compile(r"(Beginning flow run|articles to extract|Task run '(?:write_curated|publish_report)-\w+' - Finished"
                   r"|Flow run '[^']+' - Finished)")


def mb(size: int) -> str:
    return f"{size / 2**20:6,.0f}"


def progress(log: Path) -> tuple[int, str]:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    stages = STAGE.findall(text)
    return len(BATCH_DONE.findall(text)), (stages[-1] if stages else "starting")


@dataclass
class ProgressLines:
    """A progress line every `every` seconds of a sampled run: batches done, last stage, CPU, RSS."""

    log: Path
    every: float
    due: float = 0.0

    def __call__(self, run: Sampled, elapsed: float) -> None:
        if elapsed < self.due:
            return
        batches, stage = progress(self.log)
        print(f"{elapsed:7.0f} s  batches done {batches:4d}  last stage: {stage:<40.40}  CPU {run.cpu:7.0f} s  "
              f"RSS run {mb(run.run_now)} MB (peak {mb(run.run_peak)})  tree {mb(run.tree_now)} MB "
              f"(peak {mb(run.tree_peak)})  load {os.getloadavg()[0]:.1f}", flush=True)
        self.due = elapsed + self.every


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
    print(f"running: {' '.join(cmd)}", flush=True)
    run = run_sampled(cmd, log=args.log, every=1.0, on_sample=ProgressLines(args.log, args.every, args.every))
    batches, stage = progress(args.log)
    label = "PARTIAL (stopped before the end)" if run.partial else f"finished, exit status {run.code}"
    print(f"{label}: {run.seconds:.0f} s wall, {batches} extraction batches done, last stage: {stage}; CPU seconds of "
          f"the process tree {run.cpu:.0f} (sampled); peak RSS: run process {mb(run.run_peak)} MB, "
          f"whole tree {mb(run.tree_peak)} MB (sampled every second)", flush=True)
    return 0 if not run.partial and run.code in (0, 3) else 1


if __name__ == "__main__":
    sys.exit(main())
