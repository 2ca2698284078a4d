"""Reviewed corrections: the pure step on the real corpus mentions (real dedup and deals), the file reader,
and real flow runs showing a correction survives a re-run and `reprocess --all`."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from flows.cells import names
from flows.curation.corrections import REVIEWED, Correction, apply_corrections
from flows.curation.dedup import fact_tables
from flows.store.corrections import HEADER, corrected_articles, read_corrections
from flows.store.tables import read_table
from tests.flows.same_tables import assert_same_tables, table_rows

ROOT = Path(__file__).resolve().parents[3]
ARTICLE = "000_7dc123fe638c4535"


@pytest.fixture(scope="module")
def mentions(corpus_run: tuple[Path, Any]) -> pd.DataFrame:
    return read_table(corpus_run[0], "mentions").drop(columns=[REVIEWED])


def correct(mentions: pd.DataFrame, *rows: tuple[str, ...]) -> Any:
    return apply_corrections(mentions, [Correction(i + 2, *row) for i, row in enumerate(rows)], fact_tables)


def first_source(frame: pd.DataFrame, which: pd.Series | None = None) -> str:
    rows = frame if which is None else frame[which]
    return names(rows.iloc[0]["sources"])[0]


def row_with(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    return frame[[source in names(s) for s in frame["sources"]]]


def test_no_corrections_change_nothing_but_add_reviewed(mentions: pd.DataFrame) -> None:
    done = correct(mentions)
    assert not done.log and not done.mentions[REVIEWED].any()
    plain = fact_tables(mentions)
    for name, frame in done.tables.items():
        assert not frame[REVIEWED].any(), name
        pd.testing.assert_frame_equal(frame.drop(columns=[REVIEWED]), plain[name], check_like=False)


def test_reject_a_fact_by_any_of_its_sources(mentions: pd.DataFrame) -> None:
    money = fact_tables(mentions)["money"]
    target = first_source(money, money["mentions"] > 1) if (money["mentions"] > 1).any() else first_source(money)
    fact = row_with(money, target).iloc[0]
    done = correct(mentions, ("money", target, "reject", "", "", "not a commitment"))
    assert row_with(done.tables["money"], target).empty
    assert fact["fact_id"] not in set(done.tables["money"]["fact_id"])
    assert {r["outcome"] for r in done.log} == {"rejected"} and len(done.log) == len(names(fact["sources"]))
    assert all(target not in names(s) for s in done.tables["deals"]["sources"])


def test_set_a_value_changes_the_fact_and_marks_it_reviewed(mentions: pd.DataFrame) -> None:
    money = fact_tables(mentions)["money"]
    target = first_source(money, money["value"].notna())
    done = correct(mentions, ("money", target, "set", "value", "123456789", ""))
    fixed = row_with(done.tables["money"], target).iloc[0]
    assert fixed["value"] == 123456789.0 and fixed[REVIEWED]
    assert done.tables["money"][REVIEWED].sum() == 1
    assert row_with(done.tables["deals"], target).iloc[0][REVIEWED]
    article, start = target.rsplit(":", 1)
    changed = done.mentions[(done.mentions["article_id"] == article) & (done.mentions["start"] == int(start))]
    assert changed[REVIEWED].all() and (changed["value"] == 123456789.0).all()


def test_set_a_deals_parties_and_a_column_mentions_do_not_have(mentions: pd.DataFrame) -> None:
    deals = fact_tables(mentions)["deals"]
    target = first_source(deals, deals["money_currency"].notna())
    done = correct(mentions, ("deals", target, "set", "parties", "Alpha Corp; Beta SA", ""),
                   ("deals", target, "set", "kind", "investment", ""))
    deal = row_with(done.tables["deals"], target).iloc[0]
    assert set(names(deal["parties"])) == {"Alpha Corp", "Beta SA"} and deal[REVIEWED]
    kind = [r for r in done.log if r["field"] == "kind"]
    if "kind" in deals.columns:  # once the deals table has a kind (issue 12), the row gets it
        assert deal["kind"] == "investment" and kind[0]["outcome"] == "changed"
    else:
        assert [r["outcome"] for r in kind] == ["unmatched: deals has no column 'kind'"]
    assert list(names(row_with(done.tables["money"], target).iloc[0]["parties"])) == ["Alpha Corp", "Beta SA"]


def test_merge_alias_split_and_reject_organisations(mentions: pd.DataFrame) -> None:
    orgs = mentions[mentions["type"] == "org"]
    parties = [p for ps in mentions["parties"] for p in names(ps)]
    merged = next(c for c in orgs["canonical"].value_counts().index if c in parties)
    into = "Merged Holding"
    alias_text = orgs[orgs["canonical"] != merged].iloc[0]["text"]
    split = orgs[orgs["canonical"] != merged].iloc[-1]
    done = correct(
        mentions,
        ("organisations", merged, "merge", "", into, ""),
        ("organisations", "Alias Target", "alias", "", alias_text, ""),
        ("organisations", f"{split['article_id']}:{split['start']}", "split", "", "Split Off", ""),
    )
    names_now = set(done.tables["organisations"]["canonical"])
    assert merged not in names_now and {into, "Alias Target", "Split Off"} <= names_now
    assert merged not in {p for ps in done.mentions["parties"] for p in names(ps)}
    assert into in {p for ps in done.mentions["parties"] for p in names(ps)}
    written = done.mentions[(done.mentions["type"] == "org") & (done.mentions["text"] == alias_text)]
    assert set(written["canonical"]) == {"Alias Target"}
    assert done.tables["organisations"].set_index("canonical").loc[into, REVIEWED]
    rejected = correct(mentions, ("organisations", into, "reject", "", "", ""))
    assert [r["outcome"] for r in rejected.log] == [f"unmatched: no organisation {into!r}"]
    gone = correct(mentions, ("organisations", merged, "reject", "", "", ""))
    assert merged not in set(gone.tables["organisations"]["canonical"])
    assert merged not in {p for ps in gone.mentions["parties"] for p in names(ps)}


def test_unmatched_and_invalid_corrections_are_reported(mentions: pd.DataFrame) -> None:
    done = correct(
        mentions,
        ("mentions", f"{ARTICLE}:999999", "reject", "", "", ""),
        ("money", "no-such-article:1", "set", "value", "1", ""),
        ("mentions", f"{ARTICLE}:0", "explode", "", "", ""),
        ("nowhere", f"{ARTICLE}:0", "reject", "", "", ""),
        ("mentions", first_source(fact_tables(mentions)["money"]), "set", "no_such_column", "1", ""),
    )
    assert len(done.unmatched()) == 5
    assert [r["outcome"].split(":")[0] for r in done.log] == ["unmatched"] * 5
    assert "unknown action 'explode'" in done.unmatched()[2] and "unknown table 'nowhere'" in done.unmatched()[3]
    assert done.log_frame()["line"].tolist() == [2, 3, 4, 5, 6]


def test_read_corrections_file(tmp_path: Path) -> None:
    path = tmp_path / "corrections.csv"
    assert read_corrections(path) == []
    path.write_text("# a comment\n\n" + ",".join(HEADER) + "\n  # indented comment\n"
                    f'deals,{ARTICLE}:145,set,parties,"A, Inc; B",checked\n'
                    "organisations,Foo,merge,,Bar\n", encoding="utf-8")
    assert read_corrections(path) == [
        Correction(5, "deals", f"{ARTICLE}:145", "set", "parties", "A, Inc; B", "checked"),
        Correction(6, "organisations", "Foo", "merge", "", "Bar", ""),
    ]
    path.write_text("table,target,verb\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: expected the header"):
        read_corrections(path)
    path.write_text(",".join(HEADER) + "\nmentions,a:1,reject,,,,extra\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: 7 cells"):
        read_corrections(path)


def test_project_corrections_file_is_documented_and_empty() -> None:
    assert read_corrections(ROOT / "review" / "corrections.csv") == []
    assert "merge" in (ROOT / "review" / "corrections.csv").read_text(encoding="utf-8")


# --- real flow runs --------------------------------------------------------------------------------------

@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(ROOT / "raw" / f"{ARTICLE}.txt", folder)
    return folder


def run(raw: Path, curated: Path, **params: Any) -> Any:
    from flows.main import curate

    return curate(raw_dir=str(raw), curated_dir=str(curated), **params)


@pytest.mark.integration
def test_a_correction_survives_reruns_and_reprocess_all(
    prefect_harness: None, raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "plain"
    run(raw, plain)
    money = read_table(plain, "money")
    target = first_source(money, money["value"].notna())
    rejected = first_source(money, money["sources"].map(lambda s: target not in names(s)))
    corrections = tmp_path / "corrections.csv"
    corrections.write_text(",".join(HEADER) + f"\nmoney,{target},set,value,42,\nmoney,{rejected},reject,,,\n"
                           "mentions,gone:1,reject,,,\n", encoding="utf-8")
    monkeypatch.setenv("INFRAFACTS_CORRECTIONS", str(corrections))

    def check(curated: Path, summary: Any) -> None:
        money = read_table(curated, "money")
        assert row_with(money, target).iloc[0]["value"] == 42.0 and row_with(money, target).iloc[0][REVIEWED]
        assert row_with(money, rejected).empty and len(money) == len(read_table(plain, "money")) - 1
        assert summary.unmatched_corrections == ["no such mention (gone:1, line 4)"]
        assert corrected_articles(curated) == {ARTICLE}

    curated = tmp_path / "curated"
    check(curated, first := run(raw, curated))
    assert first.corrections == 2
    again = run(raw, curated)  # same files, code and corrections: nothing to do, the tables stay corrected
    check(curated, again)
    assert again.unchanged and again.extracted == 0
    corrections.write_text(corrections.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = run(raw, curated)  # the corrections file changed: a real run, the corrected article re-extracted
    check(curated, edited)
    assert edited.extracted == 1
    everything = run(raw, curated, reprocess_all=True)
    check(curated, everything)
    fresh = tmp_path / "fresh"
    run(raw, fresh)
    assert_same_tables(curated, fresh, ("mentions", "money", "dates", "organisations", "deals", "corrections"))
    monkeypatch.delenv("INFRAFACTS_CORRECTIONS")
    monkeypatch.chdir(tmp_path)  # no review/corrections.csv here: no corrections
    run(raw, curated)  # the correction removed: the article comes back as extracted
    assert table_rows(curated, "money") == table_rows(plain, "money")
    assert corrected_articles(curated) == set()
