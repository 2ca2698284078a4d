"""The main Prefect flow: raw/ articles -> extraction -> curated tables.

Stages (each a Prefect task): discover the `*.txt` files, read and extract them in batches (the
spaCy pipeline is loaded once per process and fed through `nlp.pipe`), build the curated tables,
write them atomically.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE

from extractors.pipeline import load_nlp
from extractors.records import FACT_TYPES
from flows.articles import Article, Rejected, discover, read_article
from flows.extract import extract_articles
from flows.facts import fact_tables
from flows.store import write_tables
from flows.tables import articles_frame, mentions_frame
from flows.versioning import extractor_version

DEFAULT_BATCH_SIZE = 16
ARTICLES_PER_TASK = 64


@dataclass
class BatchResult:
    articles: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class RunSummary:
    processed: int
    rejected: int
    facts: dict[str, int]
    mentions: dict[str, int]
    curated_dir: str
    rejections: list[tuple[str, str]]

    def lines(self) -> list[str]:
        out = [f"{self.processed} articles processed, {self.rejected} rejected -> {self.curated_dir}"]
        out += [f"  rejected {path}: {reason}" for path, reason in self.rejections]
        out.append("  mentions: " + ", ".join(f"{k} {v}" for k, v in self.mentions.items()))
        out.append("  facts:    " + ", ".join(f"{k} {v}" for k, v in self.facts.items()))
        return out


def article_row(item: Article | Rejected, *, version: str, published: str | None = None) -> dict[str, Any]:
    ok = isinstance(item, Article)
    return {
        "article_id": item.article_id,
        "path": item.path,
        "sha256": item.sha256,
        "chars": len(item.text) if ok else None,
        "published": published,
        "status": "ok" if ok else f"rejected: {item.reason}",
        "extractor_version": version,
        "processed_at": datetime.now(UTC),
    }


@task(retries=2, retry_delay_seconds=1)
def discover_articles(raw_dir: str) -> list[str]:
    paths = discover(Path(raw_dir))
    get_run_logger().info("found %d article files in %s", len(paths), raw_dir)
    return [str(p) for p in paths]


@task(cache_policy=NO_CACHE)
def process_batch(paths: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE) -> BatchResult:
    """Read and extract one batch of articles; unreadable files become rejected rows, never lost."""
    logger = get_run_logger()
    version = extractor_version()
    result = BatchResult()
    articles: list[Article] = []
    for path in paths:
        item = read_article(Path(path))
        if isinstance(item, Rejected):
            logger.warning("%s rejected: %s", item.path, item.reason)
            result.articles.append(article_row(item, version=version))
        else:
            articles.append(item)
    for done in extract_articles(articles, load_nlp(), batch_size=batch_size):
        per_type = Counter(row["type"] for row in done.rows)
        logger.info(
            "%s: %d chars, %s", done.article.article_id, len(done.article.text),
            ", ".join(f"{per_type.get(t, 0)} {t}" for t in FACT_TYPES),
        )
        result.articles.append(article_row(done.article, version=version, published=done.published))
        result.mentions.extend(done.rows)
    return result


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def write_curated(batches: Sequence[BatchResult], curated_dir: str) -> RunSummary:
    mentions = mentions_frame(row for b in batches for row in b.mentions)
    articles = articles_frame(row for b in batches for row in b.articles)
    facts = fact_tables(mentions)
    written = write_tables({"mentions": mentions, "articles": articles, **facts}, Path(curated_dir))
    get_run_logger().info("wrote %s", ", ".join(p.name for p in written))
    rejected = articles[articles["status"] != "ok"]
    return RunSummary(
        processed=int((articles["status"] == "ok").sum()),
        rejected=len(rejected),
        facts={name: len(frame) for name, frame in facts.items()},
        mentions={t: int((mentions["type"] == t).sum()) for t in FACT_TYPES},
        curated_dir=curated_dir,
        rejections=list(zip(rejected["path"], rejected["status"], strict=True)),
    )


def chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@flow(name="infrafacts-curate", log_prints=True)
def curate(raw_dir: str = "raw", curated_dir: str = "curated", batch_size: int = DEFAULT_BATCH_SIZE) -> RunSummary:
    """Extract money, power, date and organisation facts from every article in `raw_dir` into `curated_dir`."""
    paths = discover_articles(raw_dir)
    batches = [process_batch(chunk, batch_size) for chunk in chunks(paths, ARTICLES_PER_TASK)]
    summary = write_curated(batches, curated_dir)
    create_table_artifact(
        key="infrafacts-run-summary",
        table=[{"measure": k, "count": v} for k, v in
               [("processed", summary.processed), ("rejected", summary.rejected),
                *((f"mentions.{k}", v) for k, v in summary.mentions.items()),
                *((f"facts.{k}", v) for k, v in summary.facts.items())]],
        description=f"infrafacts run over {raw_dir}",
    )
    return summary
