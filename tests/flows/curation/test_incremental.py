"""Incremental runs and reprocessing: real flow runs on a small copy of the corpus.

The property checked after every change to the raw folder: the incremental run's curated tables are
exactly those of a from-scratch run over the same folder (same rows, same ids; `processed_at` aside).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from flows.curation.incremental import PreviousState, plan_run
from flows.sources import Article, Rejected
from flows.store.state import load_state
from flows.store.tables import read_table
from flows.versioning import extractor_version
from tests.flows.same_tables import TABLES, assert_same_tables, table_rows

ROOT = Path(__file__).resolve().parents[3]

SMALL = ("000_7dc123fe638c4535", "002_b59bb55a070cc80a", "004_cc9eb378494e53c6")
EXTRA = (
    "\n\nLe fonds Exemple Capital annonce 750 millions d’euros pour un campus de calcul de 1,2 GW "
    "près de Lyon, dont la mise en service est prévue au second semestre 2029.\n"
)


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    for article_id in SMALL:
        shutil.copy(ROOT / "raw" / f"{article_id}.txt", folder)
    return folder


def run(raw: Path, curated: Path, **params: Any) -> Any:
    from flows.main import curate

    return curate(raw_dir=str(raw), curated_dir=str(curated), **params)


def fresh(raw: Path, tmp_path: Path, label: str) -> Path:
    curated = tmp_path / f"fresh-{label}"
    run(raw, curated)
    return curated


# --- planning, without Prefect -------------------------------------------------------------------------

def article(article_id: str, sha: str) -> Article:
    return Article(article_id, f"raw/{article_id}.txt", sha, "texte")


def previous(article_id: str, sha: str, *, status: str = "ok", version: str = "v1") -> dict[str, Any]:
    return {"article_id": article_id, "sha256": sha, "status": status, "extractor_version": version,
            "published": None, "processed_at": None}


@pytest.mark.parametrize(
    ("prev", "force", "force_all", "expected"),
    [
        (None, (), False, "new"),
        (previous("a", "h1"), (), False, None),
        (previous("a", "h2"), (), False, "changed"),
        (previous("a", "h1", version="v0"), (), False, "extractor version changed"),
        (previous("a", "h1", status="rejected: empty"), (), False, "previously rejected"),
        (previous("a", "h1"), ("a",), False, "reprocess requested"),
        (previous("a", "h1"), ("b",), False, None),
        (previous("a", "h1"), (), True, "reprocess requested"),
        (previous("a", "h2"), ("a",), False, "changed"),
    ],
)
def test_plan_decides_per_article(
    prev: dict[str, Any] | None, force: tuple[str, ...], force_all: bool, expected: str | None
) -> None:
    state = PreviousState(articles={} if prev is None else {"a": prev})
    plan = plan_run([article("a", "h1")], state, "v1", force=force, force_all=force_all)
    if expected is None:
        assert ([a.article_id for a, _ in plan.reused], plan.extract, plan.reasons) == (["a"], [], {})
    else:
        assert ([a.article_id for a in plan.extract], plan.reused, plan.reasons) == (["a"], [], {expected: 1})


def test_plan_lists_removed_articles_and_keeps_rejected_ones() -> None:
    state = PreviousState(articles={"gone": previous("gone", "h"), "bad": previous("bad", "h", status="rejected: x")})
    plan = plan_run([Rejected("bad", "raw/bad.txt", "h", "empty")], state, "v1")
    assert plan.removed == ["gone"]
    assert [r.article_id for r in plan.rejected] == ["bad"]


@pytest.mark.parametrize("damage", ["missing", "garbage", "foreign-columns"])
def test_unusable_previous_tables_mean_a_full_run(tmp_path: Path, damage: str) -> None:
    if damage == "garbage":
        (tmp_path / "articles.parquet").write_bytes(b"not parquet")
        (tmp_path / "mentions.parquet").write_bytes(b"not parquet")
    elif damage == "foreign-columns":
        pd.DataFrame({"x": [1]}).to_parquet(tmp_path / "articles.parquet")
        pd.DataFrame({"y": [1]}).to_parquet(tmp_path / "mentions.parquet")
    state = load_state(tmp_path)
    assert state.articles == {} and state.mentions == {}


# --- real flow runs ------------------------------------------------------------------------------------

pytestmark_integration = pytest.mark.integration


@pytestmark_integration
def test_rerun_with_nothing_new_extracts_nothing(prefect_harness: None, raw: Path, tmp_path: Path) -> None:
    curated = tmp_path / "curated"
    first = run(raw, curated)
    assert (first.extracted, first.skipped) == (len(SMALL), 0)
    before = {name: table_rows(curated, name) for name in TABLES}
    stamps = read_table(curated, "articles")["processed_at"].tolist()
    second = run(raw, curated)
    assert (second.extracted, second.skipped, second.removed) == (0, len(SMALL), [])
    assert sum(second.new_facts.values()) == 0
    assert {name: table_rows(curated, name) for name in TABLES} == before
    assert read_table(curated, "articles")["processed_at"].tolist() == stamps  # reused rows keep their time
    assert set(read_table(curated, "articles")["extractor_version"]) == {extractor_version()}


@pytestmark_integration
def test_changed_and_removed_articles_match_a_fresh_run(prefect_harness: None, raw: Path, tmp_path: Path) -> None:
    curated = tmp_path / "curated"
    run(raw, curated)
    changed, removed = raw / f"{SMALL[1]}.txt", raw / f"{SMALL[2]}.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: len(text) // 2] + EXTRA, encoding="utf-8")  # old second half gone, new facts
    removed.unlink()
    summary = run(raw, curated)
    assert (summary.extracted, summary.skipped, summary.removed) == (1, 1, [SMALL[2]])
    assert summary.new_facts["money"] >= 1
    assert_same_tables(curated, fresh(raw, tmp_path, "changed"))
    mentions = read_table(curated, "mentions")
    assert SMALL[2] not in set(mentions["article_id"])
    new_text = changed.read_text(encoding="utf-8")
    mine = mentions[mentions["article_id"] == SMALL[1]]
    assert all(new_text[s:e] == t for s, e, t in zip(mine["start"], mine["end"], mine["text"], strict=True))
    assert "750 millions d’euros" in set(mine["text"])
    for name in ("money", "power", "dates", "organisations"):
        ids = {a for ids in read_table(curated, name)["article_ids"] for a in ids}
        assert SMALL[2] not in ids, name


@pytestmark_integration
def test_reprocess_all_and_one_article_give_identical_tables(
    prefect_harness: None, raw: Path, tmp_path: Path
) -> None:
    curated = tmp_path / "curated"
    run(raw, curated)
    before = {name: table_rows(curated, name) for name in TABLES}
    everything = run(raw, curated, reprocess_all=True)
    assert (everything.extracted, everything.skipped) == (len(SMALL), 0)
    assert {name: table_rows(curated, name) for name in TABLES} == before
    one = run(raw, curated, reprocess=[SMALL[0]])
    assert (one.extracted, one.skipped) == (1, len(SMALL) - 1)
    assert {name: table_rows(curated, name) for name in TABLES} == before


@pytestmark_integration
def test_reprocess_unknown_article_fails_and_writes_nothing(prefect_harness: None, raw: Path, tmp_path: Path) -> None:
    curated = tmp_path / "curated"
    with pytest.raises(ValueError, match="no-such-article"):
        run(raw, curated, reprocess=["no-such-article"])
    assert not (curated / "mentions.parquet").exists()


@pytestmark_integration
def test_run_summary_artifact_counts_skipped_and_new(prefect_harness: None, raw: Path, tmp_path: Path) -> None:
    from prefect.artifacts import Artifact

    curated = tmp_path / "curated"
    run(raw, curated)
    summary = run(raw, curated)
    artifact = Artifact.get("infrafacts-run-summary")
    assert artifact is not None and artifact.type == "table"
    rows = {row["measure"]: row["count"] for row in _table(artifact.data)}
    assert rows["articles.skipped"] == len(SMALL) and rows["articles.extracted"] == 0
    assert rows["articles.ok"] == summary.processed == len(SMALL)
    assert rows["new_facts.money"] == 0 and rows["facts.money"] == summary.facts["money"]


def _table(data: Any) -> list[dict[str, Any]]:
    import json

    return json.loads(data) if isinstance(data, str) else data
