"""The main Prefect flow: raw/ articles -> extraction -> curated tables.

Stages (each a Prefect task): discover the input files (`.txt`, `.md`, `.html`, `.json`, `.jsonl`); read
them and plan the run (an article whose bytes and extractor version are unchanged since the last run reuses
its mention rows, see `incremental.py`); extract the others in batches (the spaCy pipeline is loaded once per
process and fed through `nlp.pipe`; batches run in the flow process, or on Dask workers when the flow is
given a DaskTaskRunner, see `runners.py`); build the curated tables and write them atomically, with the text
each article's offsets index (`curated/texts/`). The whole run holds the curated folder's lock (`lock.py`).
"""

from __future__ import annotations

import math
import os
import socket
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from extractors.fact_types import FACT_TYPES
from extractors.pipeline import load_nlp
from flows.curation.corrections import LOG_TABLE, apply_corrections
from flows.curation.dedup import fact_tables
from flows.curation.incremental import Plan, PreviousState, known_rejections, new_fact_counts, plan_run, unknown_ids
from flows.curation.removals import TooManyRemovals, removal_refusal
from flows.curation.summary import RunSummary
from flows.curation.tables import article_row, articles_frame, mentions_frame, reused_row
from flows.extraction import extract_articles
from flows.progress import Progress
from flows.runners import release_workers, warm_pool_size, workers_of
from flows.settings import DEFAULTS, Settings
from flows.sources import Article, discover, read_articles
from flows.store.corrections import corrected_articles, forget_corrections, read_corrections
from flows.store.lock import curated_lock
from flows.store.stamp import fingerprint, forget_stamp, tables_code_version, unchanged_summary, write_stamp
from flows.store.state import load_state
from flows.store.tables import write_tables
from flows.store.texts import remove_texts_except, write_texts
from flows.versioning import extractor_version

FLOW_NAME = "infrafacts-curate"
ARTICLES_PER_TASK = 64
# Enough tasks for the workers to share the load evenly, few enough that Prefect's per-task cost stays small.
TARGET_TASKS = 16
# The smallest task handed to a worker at the end of a run (~0.3 s of parsing): below it Prefect's own
# cost per task would show.
MIN_TASK_CHARS = 30_000

T = TypeVar("T")


@dataclass
class BatchResult:
    """What one extraction task hands back: `articles` rows and its `mentions` as a typed frame (far
    smaller than row dicts: a run holds every batch's mentions until the tables are written)."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    mentions: pd.DataFrame = field(default_factory=lambda: mentions_frame([]))


@task(retries=2, retry_delay_seconds=1)
def discover_articles(raw_dir: str) -> list[str]:
    paths = discover(Path(raw_dir))
    get_run_logger().info("found %d article files in %s", len(paths), raw_dir)
    return [str(p) for p in paths]


@task(cache_policy=NO_CACHE)
def plan_articles(
    paths: Sequence[str], curated_dir: str, reprocess: Sequence[str], reprocess_all: bool,
    raw_dir: str = "", allow_removals: bool = False,
) -> tuple[Plan, PreviousState]:
    """Read every file (to hash it) and decide what to extract; unreadable files become rejected rows.
    Raises `TooManyRemovals` when the run would drop most known articles and `allow_removals` is not set."""
    logger = get_run_logger()
    items = read_articles(Path(p) for p in paths)  # a second copy of the same bytes: `duplicate of <id>`
    missing = unknown_ids(reprocess, (item.article_id for item in items))
    if missing:
        raise ValueError(f"no such article in the raw folder: {', '.join(missing)} "
                         "(ids are file names without their suffix, `<file>#<n>` for a record of a .jsonl)")
    state = load_state(Path(curated_dir))
    # Articles the last run corrected are re-extracted: corrections apply to fresh rows, never to corrected ones.
    force = set(reprocess) | corrected_articles(Path(curated_dir))
    plan = plan_run(items, state, extractor_version(), force=force, force_all=reprocess_all)
    logger.info("%s", state.note)
    for item in plan.rejected:
        logger.warning("%s rejected: %s", item.path, item.reason)
    for article, _ in plan.reused:
        logger.debug("%s unchanged (sha256 %s…): mentions reused", article.article_id, article.sha256[:12])
    logger.info(
        "%d articles to extract (%s), %d unchanged and skipped, %d rejected, %d removed%s",
        len(plan.extract), ", ".join(f"{n} {why}" for why, n in plan.reasons.items()) or "none",
        len(plan.reused), len(plan.rejected), len(plan.removed),
        f": {', '.join(plan.removed)}" if plan.removed else "",
    )
    refusal = None if allow_removals else removal_refusal(plan, state, raw_dir)
    if refusal:
        raise TooManyRemovals(refusal)
    return plan, state


class VersionMismatch(RuntimeError):
    """A worker runs other extractor code than the flow planned with (a stale Dask worker)."""


@task(cache_policy=NO_CACHE, timeout_seconds=Settings.from_env().extract_timeout)
def extract_batch(articles: Sequence[Article], version: str, batch_size: int = DEFAULTS.batch_size) -> BatchResult:
    """Extract one batch of read articles (on whichever process or Dask worker runs the task)."""
    logger = get_run_logger()
    if extractor_version() != version:
        raise VersionMismatch(
            f"this worker ({socket.gethostname()}, pid {os.getpid()}) has extractors {extractor_version()}, "
            f"the flow planned with {version}: install the same code on every worker and restart them"
        )
    result, rows = BatchResult(), []
    for done in extract_articles(articles, load_nlp(), load_nlp(syntax=True), batch_size=batch_size):
        per_type = Counter(row["type"] for row in done.rows)
        logger.info(
            "%s: %d chars, %s", done.article.article_id, len(done.article.text),
            ", ".join(f"{per_type.get(t, 0)} {t}" for t in FACT_TYPES.names()),
        )
        result.articles.append(article_row(done.article, version=version))
        rows.extend(done.rows)
    result.mentions = mentions_frame(rows)
    return result


def joined_mentions(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """`mentions_frame` of all their rows: each frame is sorted and holds whole articles, so a stable
    sort by article keeps the order one frame of every row would have. One non-empty frame is returned
    as it is (no second copy of a large run's mentions)."""
    full = [frame for frame in frames if len(frame)]
    if len(full) == 1:
        return full[0]
    return pd.concat(frames, ignore_index=True).sort_values("article_id", kind="stable").reset_index(drop=True)


def merged(batches: Sequence[BatchResult]) -> list[BatchResult]:
    """The batches as one (their mentions joined): the run then holds one frame of mentions, not each
    batch's frame beside the joined one, through the table stage."""
    if len(batches) < 2:
        return list(batches)
    return [BatchResult([row for b in batches for row in b.articles], joined_mentions([b.mentions for b in batches]))]


def inputs_of(plan: Plan) -> list[tuple[str, str]]:
    """Every file this run read, as `(path, sha256)`: what the run stamp records."""
    return [(item.path, item.sha256 or "") for item in (*plan.extract, *(a for a, _ in plan.reused), *plan.rejected)]


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def write_curated(plan: Plan, state: PreviousState, batches: Sequence[BatchResult], curated_dir: str) -> RunSummary:
    version = extractor_version()
    mentions = joined_mentions([mentions_frame(plan.reused_mentions(state)), *(b.mentions for b in batches)])
    articles = articles_frame([
        *(reused_row(article, previous, version) for article, previous in plan.reused),
        *(row for b in batches for row in b.articles),
        *(article_row(item, version=version) for item in plan.rejected),
    ])
    corrected = apply_corrections(mentions, read_corrections(Settings.from_env().corrections), fact_tables)
    mentions, facts = corrected.mentions, corrected.tables
    for problem in corrected.unmatched():
        get_run_logger().warning("correction not applied: %s", problem)
    log = corrected.log_frame()
    logged = {LOG_TABLE: log} if len(log) else {}
    texts = {article.article_id: article.text for article in (*plan.extract, *(a for a, _ in plan.reused))}
    write_texts(Path(curated_dir), texts)  # before the tables, so no table row indexes a text not yet stored
    forget_stamp(Path(curated_dir))
    written = write_tables({"mentions": mentions, "articles": articles, **facts, **logged}, Path(curated_dir))
    remove_texts_except(Path(curated_dir), texts)
    if log.empty:
        forget_corrections(Path(curated_dir))
    get_run_logger().info("wrote %s", ", ".join(p.name for p in written))
    rejected = articles[articles["status"] != "ok"]
    summary = RunSummary(
        processed=int((articles["status"] == "ok").sum()),
        rejected=len(rejected),
        known_rejections=known_rejections(plan.rejected, state),
        facts={name: len(frame) for name, frame in facts.items()},
        mentions={t: int((mentions["type"] == t).sum()) for t in FACT_TYPES.names()},
        curated_dir=curated_dir,
        rejections=list(zip(rejected["path"], rejected["status"], strict=True)),
        extracted=len(plan.extract),
        skipped=len(plan.reused),
        removed=plan.removed,
        new_facts=new_fact_counts(facts, state),
        corrections=len(corrected.log) - len(corrected.unmatched()),
        unmatched_corrections=corrected.unmatched(),
    )
    write_stamp(Path(curated_dir), inputs_of(plan), written, summary)
    return summary


@task(cache_policy=NO_CACHE)
def publish_report(curated_dir: str, summary: RunSummary, previous_fact_ids: dict[str, frozenset[str]]) -> str:
    """Write the HTML report; a markdown artifact links it and lists the new facts and rejected files."""
    from flows.review.artifact import new_facts, run_markdown
    from flows.store.report import read_curated, write_report

    curated = Path(curated_dir)
    tables = read_curated(curated)
    pool = warm_pool_size()  # its forkserver is loaded: forking report processes from it is cheap
    index = write_report(curated, Settings.from_env().report_dir(curated), tables, processes=pool, forked=bool(pool))
    get_run_logger().info("report: %s", index.resolve().as_uri())
    create_markdown_artifact(
        key="infrafacts-report", description=f"infrafacts report of {curated_dir}",
        markdown=run_markdown(index, summary.lines(), summary.rejections, new_facts(tables, previous_fact_ids),
                              summary.unmatched_corrections),
    )
    return str(index)


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def articles_per_task(count: int) -> int:
    return max(1, min(ARTICLES_PER_TASK, math.ceil(count / TARGET_TASKS)))


def shrinking_parts(articles: Sequence[Article], workers: int) -> list[Sequence[Article]]:
    """Consecutive parts of `articles` for `workers` processes: `articles_per_task` articles each, until the
    text still to hand out is short; then each part holds about 1/(2 x workers) of that text (at least
    `MIN_TASK_CHARS`), so the last tasks are short and no worker idles long while another finishes the
    run's last part (guided self-scheduling; equal parts left one core idle for half a part at the end)."""
    size, sizes = articles_per_task(len(articles)), [len(article.text) for article in articles]
    remaining = sum(sizes)
    parts: list[Sequence[Article]] = []
    start = 0
    while start < len(articles):
        budget = max(MIN_TASK_CHARS, remaining / (2 * workers))
        end, chars = start + 1, sizes[start]
        while end < len(articles) and end - start < size and chars + sizes[end] <= budget:
            chars += sizes[end]
            end += 1
        parts.append(articles[start:end])
        remaining -= chars
        start = end
    return parts


def runs_in_flow_process() -> bool:
    """The default thread pool gains nothing for spaCy (GIL), so batches then run one after another."""
    ctx = FlowRunContext.get()
    return ctx is None or isinstance(ctx.task_runner, ThreadPoolTaskRunner)


def progress_sink(total: int) -> Callable[[float], None]:
    artifact_id = create_progress_artifact(
        0.0, key="infrafacts-progress", description=f"articles extracted out of {total}"
    )
    return lambda percent: update_progress_artifact(artifact_id, percent)


def extract_all(articles: Sequence[Article], version: str, batch_size: int) -> list[BatchResult]:
    """Extract every planned article, in the flow process or submitted to the flow's task runner."""
    if not articles:
        return []
    progress = Progress(len(articles), sink=progress_sink(len(articles)))
    if runs_in_flow_process():
        parts, results = chunks(articles, articles_per_task(len(articles))), []
        for part in parts:
            results.append(extract_batch(part, version, batch_size))
            progress.advance(len(part))
        return merged(results)
    parts = shrinking_parts(articles, workers_of(FlowRunContext.get().task_runner))
    futures = [extract_batch.submit(part, version, batch_size) for part in parts]
    sizes = {future.task_run_id: len(part) for future, part in zip(futures, parts, strict=True)}
    for future in as_completed(futures):
        progress.advance(sizes[future.task_run_id])
    results = merged([future.result() for future in futures])
    release_workers()
    return results


@flow(name=FLOW_NAME, log_prints=True)
def curate(
    raw_dir: str = str(DEFAULTS.raw),
    curated_dir: str = str(DEFAULTS.curated),
    batch_size: int = DEFAULTS.batch_size,
    reprocess: list[str] | None = None,
    reprocess_all: bool = False,
    allow_removals: bool = False,
) -> RunSummary:
    """Extract money, power, date and organisation facts from every article in `raw_dir` into `curated_dir`.

    Unchanged articles (same bytes, same extractor version) reuse their previous mentions; `reprocess`
    (article ids) or `reprocess_all` force re-extraction. A run that would remove most of the known
    articles (an empty or unmounted raw folder) fails with `TooManyRemovals` before writing, unless
    `allow_removals`.
    """
    tables_code_version()  # fixed before any work: the run stamp must name the code that ran
    with curated_lock(curated_dir):
        paths = discover_articles(raw_dir)
        plan, state = plan_articles(paths, curated_dir, reprocess or [], reprocess_all, raw_dir, allow_removals)
        forced = bool(reprocess or reprocess_all)
        summary = None if forced else unchanged_summary(Path(curated_dir), fingerprint(inputs_of(plan)))
        if summary is not None:
            get_run_logger().info("nothing changed since the last run (same files, same code): nothing written")
        else:
            batches = extract_all(plan.extract, extractor_version(), batch_size)
            summary = write_curated(quote(plan), quote(state), quote(batches), curated_dir)
            publish_report(curated_dir, summary, quote(state.fact_ids))
    create_table_artifact(
        key="infrafacts-run-summary",
        table=summary.artifact_rows(),
        description=f"infrafacts run over {raw_dir}: {summary.extracted} extracted, {summary.skipped} skipped",
    )
    return summary
