"""The removal guard: an empty, unmounted or unreadable raw folder must not empty the curated tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import main
from flows.commands import EXIT_OK, EXIT_REFUSED
from flows.curation.incremental import Plan, PreviousState
from flows.curation.removals import removal_refusal
from flows.sources import Rejected
from flows.store.tables import read_table

ARTICLES = {
    "a": "Le 3 mars 2026, Hexavolt a levé 40 millions d’euros pour un site de 50 MW à Lyon.\n",
    "b": "Le 4 avril 2026, Datavolt a annoncé un campus de 200 MW pour 2 milliards d’euros.\n",
    "c": "Le 5 mai 2026, Fluxion Compute a signé un contrat de 30 millions d’euros avec la région.\n",
}


def state_of(*ids: str, status: str = "ok") -> PreviousState:
    return PreviousState(articles={aid: {"article_id": aid, "status": status} for aid in ids})


def plan(removed: list[str], rejected: list[str] = ()) -> Plan:  # type: ignore[assignment]
    return Plan(extract=[], reused=[], rejected=[Rejected(r, f"raw/{r}.txt", None, "unreadable") for r in rejected],
                removed=removed)


def test_removing_more_than_half_is_refused_with_the_reason() -> None:
    refusal = removal_refusal(plan(["a", "b", "c"]), state_of("a", "b", "c"), "raw/")
    assert refusal is not None
    assert "remove 3 of the 3 articles" in refusal and "raw/ has 0 article files" in refusal
    assert "--allow-removals" in refusal and "Nothing was changed" in refusal


def test_now_rejected_articles_count_as_lost() -> None:
    assert removal_refusal(plan([], rejected=["a", "b"]), state_of("a", "b", "c"), "raw/") is not None


@pytest.mark.parametrize(("removed", "known"), [(["a"], ("a", "b", "c")), ([], ()), (["a"], ("a", "b"))])
def test_ordinary_removals_pass(removed: list[str], known: tuple[str, ...]) -> None:
    assert removal_refusal(plan(removed), state_of(*known), "raw/") is None


def test_previously_rejected_articles_do_not_count() -> None:
    assert removal_refusal(plan(["a", "b"]), state_of("a", "b", status="rejected: empty"), "raw/") is None


@pytest.mark.integration
def test_empty_raw_folder_is_refused_and_leaves_the_tables(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, empty, curated = tmp_path / "raw", tmp_path / "mnt", tmp_path / "curated"
    raw.mkdir()
    empty.mkdir()  # what an unmounted mount point looks like
    for aid, text in ARTICLES.items():
        (raw / f"{aid}.txt").write_text(text, encoding="utf-8")
    assert main(["run", "--raw", str(raw), "--curated", str(curated)]) == EXIT_OK
    before = read_table(curated, "money")
    assert len(before) == 3

    capsys.readouterr()
    assert main(["run", "--raw", str(empty), "--curated", str(curated)]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "remove 3 of the 3 articles" in err and "--allow-removals" in err
    assert read_table(curated, "money").equals(before)
    assert read_table(curated, "articles")["article_id"].tolist() == ["a", "b", "c"]

    assert main(["run", "--raw", str(empty), "--curated", str(curated), "--allow-removals"]) == EXIT_OK
    assert read_table(curated, "articles").empty and read_table(curated, "money").empty
