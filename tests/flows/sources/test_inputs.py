"""Real-world inputs through the real flow: web pages, JSON records, legacy encodings, boilerplate, metadata.

The pages in tests/fixtures/inputs/ are written for this suite in the shape of French news sites (no copied
text); expected.json says, for each article, its status and metadata, the main-text facts that must be
found, the boilerplate lines that must give nothing, and figures that appear only in boilerplate.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from flows.store.tables import read_table
from flows.store.texts import read_text, text_path

pytestmark = pytest.mark.integration
INPUTS = Path(__file__).resolve().parents[2] / "fixtures" / "inputs"
EXPECTED = {k: v for k, v in json.loads((INPUTS / "expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}
OK = sorted(k for k, v in EXPECTED.items() if v["status"] == "ok")
METADATA = ("format", "encoding", "published", "published_from", "title", "author", "source", "language", "url")


@pytest.fixture(scope="module")
def run(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    from flows.main import curate

    raw = tmp_path_factory.mktemp("raw")
    for path in INPUTS.iterdir():
        if path.name != "expected.json":
            shutil.copy(path, raw / path.name)
    curated = tmp_path_factory.mktemp("curated")
    summary = curate(raw_dir=str(raw), curated_dir=str(curated))
    return raw, curated, summary


@pytest.fixture(scope="module")
def tables(run: tuple[Path, Path, object]) -> tuple[pd.DataFrame, pd.DataFrame]:
    _, curated, _ = run
    return read_table(curated, "articles").set_index("article_id"), read_table(curated, "mentions")


def test_every_file_and_record_has_its_row(tables: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    articles, _ = tables
    assert sorted(articles.index) == sorted(EXPECTED)
    status = articles["status"]
    assert {k: status[k] for k, v in EXPECTED.items() if not status[k].startswith(v["status"])} == {}


@pytest.mark.parametrize("article_id", OK)
def test_metadata(tables: tuple[pd.DataFrame, pd.DataFrame], article_id: str) -> None:
    row = tables[0].loc[article_id]
    expected = {k: v for k, v in EXPECTED[article_id].items() if k in METADATA}
    assert {k: row[k] for k in expected} == expected


def test_every_offset_indexes_the_stored_text(run: tuple[Path, Path, object],
                                             tables: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    raw, curated, _ = run
    articles, mentions = tables
    assert len(mentions) > 100
    for article_id, rows in mentions.groupby("article_id"):
        text = read_text(curated, article_id)
        assert articles.loc[article_id, "chars"] == len(text)
        for row in rows.itertuples():
            assert text[row.start : row.end] == row.text, row
            assert row.text in row.sentence, row
    # a UTF-8 .txt file: the stored text is the file as CONTRACT.md reads it
    with open(raw / "abonnes-page.txt", encoding="utf-8") as fh:
        assert read_text(curated, "abonnes-page") == fh.read()


def test_cp1252_twin_gives_the_same_mentions(tables: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    _, mentions = tables
    twin = mentions[mentions["article_id"] == "actualite-cp1252"].drop(columns="article_id").reset_index(drop=True)
    utf8 = mentions[mentions["article_id"] == "actualite-utf8"].drop(columns="article_id").reset_index(drop=True)
    assert len(utf8) >= 8
    pd.testing.assert_frame_equal(twin, utf8)


def lines_holding(text: str, marker: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        if marker in line:
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


@pytest.mark.parametrize("article_id", [k for k in OK if "facts" in EXPECTED[k]])
def test_main_text_facts_found_and_boilerplate_gives_none(run: tuple[Path, Path, object],
                                                        tables: tuple[pd.DataFrame, pd.DataFrame],
                                                        article_id: str) -> None:
    _, curated, _ = run
    _, mentions = tables
    expected = EXPECTED[article_id]
    text = read_text(curated, article_id)
    rows = mentions[mentions["article_id"] == article_id]
    found = set(zip(rows["type"], rows["text"], strict=True))
    assert [fact for fact in map(tuple, expected["facts"]) if fact not in found] == []
    for marker in expected["boilerplate"]:
        spans = lines_holding(text, marker)
        assert spans, f"{marker!r} not in the stored text"
        hits = rows[[any(a < row.end and row.start < b for a, b in spans) for row in rows.itertuples()]]
        assert hits.empty, (marker, hits[["type", "text"]].to_dict("records"))
    assert [t for t in rows["text"] if any(word in t for word in expected["never"])] == []


def test_boilerplate_is_counted(tables: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    articles, _ = tables
    assert articles.loc["abonnes-page", "boilerplate_chars"] > 500
    assert articles.loc["depeches#4", "boilerplate_chars"] == 0


def test_second_run_reuses_everything_and_a_removed_file_loses_its_text(
    run: tuple[Path, Path, object], tables: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    from flows.main import curate

    raw, curated, _ = run
    before = {p.name: p.read_bytes() for p in (curated / "texts").iterdir()}
    summary = curate(raw_dir=str(raw), curated_dir=str(curated))
    assert summary.extracted == 0 and summary.skipped == len(OK)
    assert {p.name: p.read_bytes() for p in (curated / "texts").iterdir()} == before
    (raw / "fiche.json").unlink()
    summary = curate(raw_dir=str(raw), curated_dir=str(curated))
    assert summary.removed == ["fiche"] and not text_path(curated, "fiche").exists()
    assert sorted(p.stem for p in (curated / "texts").glob("*.txt")) == sorted(set(OK) - {"fiche"})


def test_run_accepts_a_single_file(prefect_harness: None, tmp_path: Path) -> None:
    from flows.cli import main
    from flows.commands import EXIT_OK

    page = tmp_path / "lyon-campus.html"
    shutil.copy(INPUTS / page.name, page)
    assert main(["run", "--raw", str(page), "--curated", str(tmp_path / "out")]) == EXIT_OK
    articles = read_table(tmp_path / "out", "articles")
    assert list(articles["article_id"]) == ["lyon-campus"] and list(articles["status"]) == ["ok"]
