"""Incremental re-runs and Dask scale-out: what they save and what they cost.

Measures, on corpora built with /work/shared/tools/make_corpus.py (cached under --work):
  (a) incremental: a first run into an empty curated folder, then a re-run with nothing new; the
      flow's own time (the `curate(...)` call, Prefect API already up) and the wall time of the same
      two runs as `infrafacts run` child processes (Python start, imports, ephemeral Prefect API);
  (b) scale-out: per corpus size, the single-process run against `--workers N` (Prefect's process
      pool, its start and each worker's model load included) and against an already-running, warm
      Dask cluster;
  (c) the per-run overhead of Dask against a running scheduler: the same one-article run repeated,
      single-process vs `--dask-address`, medians.
Nothing here is asserted by tests. Run it on a quiet machine; the timings are shared-CPU sensitive.

    .venv/bin/python bench/bench_incremental.py [--sizes 1,5,20] [--incremental-mb 1] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = Path("/work/shared/tools/make_corpus.py")


def corpus(work: Path, mb: float) -> Path:
    out = work / f"corpus-{mb:g}mb"
    if not out.is_dir():
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(out), "--mb", str(mb)], check=True)
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def flow_time(raw: Path, curated: Path, flow: Any = None, **params: Any) -> float:
    from flows.main import curate
    from flows.prefect_api import api_in_use, run_api

    with api_in_use(run_api()):
        seconds, _ = timed(lambda: (flow or curate)(raw_dir=str(raw), curated_dir=str(curated), **params))
    return seconds


def cli_wall(raw: Path, curated: Path) -> float:
    env = os.environ | {"INFRAFACTS_PROGRESS": "0"}
    seconds, proc = timed(lambda: subprocess.run(
        [str(Path(sys.executable).with_name("infrafacts")), "run", "--raw", str(raw), "--curated", str(curated)],
        env=env, cwd=ROOT, capture_output=True, text=True,
    ))
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return seconds


def incremental(raw: Path, work: Path) -> dict[str, float]:
    curated = work / "inc-flow"
    shutil.rmtree(curated, ignore_errors=True)
    first, again = flow_time(raw, curated), flow_time(raw, curated)
    curated = work / "inc-cli"
    shutil.rmtree(curated, ignore_errors=True)
    wall_first, wall_again = cli_wall(raw, curated), cli_wall(raw, curated)
    return {"flow_first_s": first, "flow_rerun_s": again, "flow_ratio": again / first,
            "wall_first_s": wall_first, "wall_rerun_s": wall_again, "wall_ratio": wall_again / wall_first}


def scale_out(raw: Path, work: Path, workers: int, address: str) -> dict[str, float]:
    from flows.runners import curate_flow

    out = {}
    runs = (("single_s", None), (f"process_pool{workers}_s", curate_flow(workers=workers)),
            ("warm_cluster_s", curate_flow(address=address)))
    for label, flow in runs:
        curated = work / f"scale-{raw.name}-{label}"
        shutil.rmtree(curated, ignore_errors=True)
        out[label] = flow_time(raw, curated, flow)
    return out


def overhead(raw_one: Path, work: Path, address: str, repeats: int) -> dict[str, float]:
    from flows.runners import curate_flow

    curated_single, curated_dask = work / "overhead-single", work / "overhead-dask"
    dask = curate_flow(address=address)
    flow_time(ROOT / "raw", work / "overhead-warm", dask, reprocess_all=True)  # 5 tasks: every worker loads
    flow_time(raw_one, curated_dask, dask)
    single = [flow_time(raw_one, curated_single, reprocess_all=True) for _ in range(repeats)]
    remote = [flow_time(raw_one, curated_dask, dask, reprocess_all=True) for _ in range(repeats)]
    return {"single_median_s": statistics.median(single), "dask_median_s": statistics.median(remote),
            "overhead_s": statistics.median(remote) - statistics.median(single)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,5,20", help="corpus sizes in MB for the scale-out runs")
    ap.add_argument("--incremental-mb", type=float, default=1.0, help="corpus size for the re-run measure")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "infrafacts-bench-incremental")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: incremental,scale,overhead")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    skip = set(filter(None, args.skip.split(",")))

    from flows.settings import apply_prefect_defaults

    apply_prefect_defaults()
    os.environ.setdefault("INFRAFACTS_PROGRESS", "0")
    from distributed import LocalCluster

    report: dict[str, Any] = {}
    if "incremental" not in skip:
        for label, raw in (("project raw/", ROOT / "raw"), (f"{args.incremental_mb:g} MB", corpus(args.work,
                                                                                             args.incremental_mb))):
            report[f"incremental {label}"] = incremental(raw, args.work)
            print(label, json.dumps(report[f"incremental {label}"]), flush=True)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cl:
        if "overhead" not in skip:
            one = args.work / "one-article"
            one.mkdir(exist_ok=True)
            shutil.copy(ROOT / "raw" / "002_b59bb55a070cc80a.txt", one)
            report["dask overhead"] = overhead(one, args.work, cl.scheduler_address, args.repeats)
            print("overhead", json.dumps(report["dask overhead"]), flush=True)
        if "scale" not in skip:
            for mb in (float(s) for s in args.sizes.split(",")):
                report[f"scale {mb:g} MB"] = scale_out(corpus(args.work, mb), args.work, args.workers,
                                                       cl.scheduler_address)
                print(f"{mb:g} MB", json.dumps(report[f"scale {mb:g} MB"]), flush=True)
    (args.work / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
