"""Small command-line conveniences: --version, export's default folder, evaluate's overlap warning, the
deployment named after its schedule, and `review` on a folder with and without corrections."""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from flows.cli import build_parser, main
from flows.commands.evaluate import overlap_warning
from flows.commands.serve import schedule_name

ROOT = Path(__file__).resolve().parents[2]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"infrafacts {metadata.version('infrafacts')}"


@pytest.mark.parametrize(("cron", "name"), [
    ("0 6 * * *", "daily-06h00"), ("30 18 * * *", "daily-18h30"),
    ("*/30 * * * 1-5", "cron-every30-x-x-x-1-5"), ("0 6 1 * *", "cron-0-6-1-x-x"),
])
def test_serve_names_the_deployment_after_its_schedule(cron: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INFRAFACTS_DEPLOYMENT", raising=False)
    assert schedule_name(cron) == name
    assert build_parser().parse_args(["serve", "--cron", cron]).name is None  # then named by schedule_name
    assert build_parser().parse_args(["serve", "--name", "mine"]).name == "mine"


def test_evaluate_overlap_warning() -> None:
    assert overlap_warning({"a", "b"}, {"a", "b", "c"}) is None
    assert overlap_warning({"a", "b"}, {"a"}) == "1 of 2 gold articles are not in the curated folder: b"
    assert "none of the 2 gold articles" in str(overlap_warning({"a", "b"}, {"c"}))


@pytest.fixture()
def curated(corpus_run: tuple[Path, Any], tmp_path: Path) -> Path:
    folder = tmp_path / "curated"
    folder.mkdir()
    for path in corpus_run[0].glob("*.parquet"):
        shutil.copy(path, folder)
    return folder


def test_export_defaults_into_the_curated_folder(curated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "jsonl", "--curated", str(curated)]) == 0
    assert (curated / "export" / "jsonl" / "datapackage.json").exists()
    assert str(curated / "export" / "jsonl") in capsys.readouterr().out


def test_evaluate_warns_when_gold_and_curated_do_not_overlap(
    curated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "999_other.jsonl").write_text('{"type": "money", "start": 0, "end": 3, "text": "1 €"}\n')
    assert main(["evaluate", "--curated", str(curated), "--gold", str(gold)]) == 0
    assert "none of the 1 gold articles is in the curated folder" in capsys.readouterr().err
    assert main(["evaluate", "--curated", str(curated), "--gold", str(ROOT / "tests" / "gold" / "dev")]) == 0
    assert "warning" not in capsys.readouterr().err


def test_review_lists_nothing_without_corrections(curated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--curated", str(curated)]) == 0
    assert "no corrections applied" in capsys.readouterr().out
