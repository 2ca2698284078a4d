"""Peak memory (and time) of `infrafacts run` over one very large article.

Builds a single article of at least --mb MB by concatenating the paragraphs of the raw/ articles
(blank-line separated, in a shuffled order with a fixed seed), runs the real CLI on it in a child
process, samples the RSS of the child, of each descendant (extraction workers, the ephemeral Prefect
server) and of the whole tree every 0.2 s (`sampling.run_sampled`), and checks that the run kept every
mention's offsets valid. Nothing here is asserted by tests.

    .venv/bin/python bench/bench_large_file.py [--mb 20] [--keep DIR] [--log FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sampling import ROOT, Sampled, run_sampled  # a sibling script, not a package

__all__ = ["Sampled", "bench_folder", "cli_run", "run_sampled"]


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
