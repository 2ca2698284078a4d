"""The report rendered by several processes is the report one process renders, byte for byte."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from flows.review.site import article_split, ok_articles, report_units
from flows.store import report
from flows.store.report import read_curated, report_shares, write_report


def same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in compared.common_dirs)


@pytest.fixture
def curated(corpus_run: tuple[Path, Any], tmp_path: Path) -> Path:
    folder = tmp_path / "curated"
    shutil.copytree(corpus_run[0], folder, ignore=shutil.ignore_patterns("report"))
    return folder


def test_several_processes_write_the_same_report(curated: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    tables = read_curated(curated)
    monkeypatch.setattr(report, "UNITS_PER_PROCESS", 1)  # the dev corpus is small: split it anyway
    assert report_shares(tables, 3) == 3
    write_report(curated, tmp_path / "one", tables, processes=1)
    write_report(curated, tmp_path / "three", tables, processes=3)
    assert same_tree(tmp_path / "one", tmp_path / "three")
    assert len(list((tmp_path / "three" / "articles").glob("*.html"))) == len(ok_articles(tables["articles"]))


def test_a_share_whose_process_fails_is_rendered_by_the_caller(curated: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    tables = read_curated(curated)
    write_report(curated, tmp_path / "one", tables, processes=1)
    (curated / "mentions.parquet").unlink()  # the other process reads its mentions from the folder: it fails
    monkeypatch.setattr(report, "UNITS_PER_PROCESS", 1)
    write_report(curated, tmp_path / "two", tables, processes=2)
    assert "failed (exit 1); rendering them here" in caplog.text
    assert same_tree(tmp_path / "one", tmp_path / "two")


def frames(mentions_per_article: list[int], table_rows: int = 0) -> dict[str, pd.DataFrame]:
    ids = [f"a{i}" for i in range(len(mentions_per_article))]
    return {
        "articles": pd.DataFrame({"article_id": ids, "status": ["ok"] * len(ids)}),
        "mentions": pd.DataFrame({"article_id": [a for a, n in zip(ids, mentions_per_article, strict=True)
                                                 for _ in range(n)]}),
        "money": pd.DataFrame({"x": range(table_rows)}),
    }


@pytest.mark.parametrize(("mentions", "shares"), [
    ([100] * 400, 2), ([100] * 400, 3), ([1] * 10 + [5_000] * 10, 2), ([10_000], 2), ([], 2), ([50] * 7, 4),
])
def test_shares_cover_the_ok_articles_in_order(mentions: list[int], shares: int) -> None:
    tables = frames(mentions)
    parts = article_split(tables, shares)
    assert len(parts) == shares
    assert [i for part in parts for i in range(len(mentions))[part]] == list(range(len(mentions)))


def test_the_first_share_counts_the_index_and_table_pages() -> None:
    tables = frames([100] * 400, table_rows=5_000)
    first, second = article_split(tables, 2)
    half = report_units(tables) / 2
    with_pages = report_units(tables) - sum(101 for _ in range(second.start, second.stop))
    assert first.stop < second.stop - first.stop  # fewer articles where the other pages are rendered
    assert abs(with_pages - half) <= 101


def test_a_small_report_stays_in_one_process() -> None:
    assert report_shares(frames([10] * 100)) == 1
    assert report_shares(frames([10] * 100), processes=4) == 1
    assert report_shares(frames([100] * 2_000), processes=2) == 2


FORKED = """
import sys
from pathlib import Path
from flows.runners import WarmProcessPool
from flows.store import report

if __name__ == "__main__":
    pool = WarmProcessPool(max_workers=2).start()  # as a parallel run: its forkserver, loaded
    report.UNITS_PER_PROCESS = 1
    report.write_report(Path(sys.argv[1]), Path(sys.argv[2]), processes=2, forked=True)
    pool.close()
"""


def test_a_runs_report_processes_are_forked_by_its_workers_server(curated: Path, tmp_path: Path) -> None:
    write_report(curated, tmp_path / "one", processes=1)
    script = tmp_path / "forked.py"
    script.write_text(FORKED, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(curated), str(tmp_path / "two")],
                          cwd=Path(__file__).resolve().parents[3], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "rendering them here" not in proc.stderr  # the forked process did its share
    assert same_tree(tmp_path / "one", tmp_path / "two")
