"""The command line: help, and clear errors that say what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import build_parser, main


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "run" in out and "evaluate" in out


def test_run_defaults_follow_the_contract() -> None:
    args = build_parser().parse_args(["run"])
    assert (args.raw, args.curated) == (Path("raw"), Path("curated"))


def test_evaluate_without_curated_tables_says_run_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--curated", str(tmp_path)]) == 1
    assert "infrafacts run" in capsys.readouterr().err


def test_run_on_missing_folder_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--raw", str(tmp_path / "absent"), "--curated", str(tmp_path / "out")]) == 1
    assert "absent" in capsys.readouterr().err
