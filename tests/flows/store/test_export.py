"""Exports: every curated table in each format plus a datapackage.json the Frictionless validator accepts;
reading an export back gives the same tables; CSV cells cannot run as spreadsheet formulas."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import frictionless
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.cli import main as cli_main
from flows.commands import EXIT_ERROR, EXIT_OK
from flows.commands.export import FORMATS as CLI_FORMATS
from flows.store.datapackage import UNDOCUMENTED
from flows.store.export import FORMATS, PACKAGE_FILE, export, neutralise, plain, read_export, restore
from flows.store.tables import read_table, write_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NASTY = ["=SUM(A1:A3)", "+33 1 23", "-5 %", "@cmd", "\tonglet", "\rretour", "'=déjà cité", "''+x", "normal",
         "guillemets \" et , virgule", "ligne\nsuivante", "Ünïcødé €"]


def sample_tables() -> dict[str, pd.DataFrame]:
    n = len(NASTY)
    return {
        "articles": pd.DataFrame({
            "article_id": [f"a{i}" for i in range(n)],
            "chars": pd.array([10 * i if i % 3 else None for i in range(n)], dtype="Int64"),
            "status": NASTY,
            "processed_at": [datetime(2026, 5, 13, 10, 32, i, 123456, tzinfo=UTC) for i in range(n)],
        }),
        "money": pd.DataFrame({
            "fact_id": [f"f{i}" for i in range(n)],
            "value": [-2.5, 1e12, None, 0.1, -0.0, 3.0, 7.25, -1e-9, 2.0, 5.0, 6.0, 1 / 3],
            "explicit": [True, False] * (n // 2),
            "organisations": [[], ["OpenAI", "=HYPERLINK()"], ["a, \"b\""], ["Mistral AI"]] * (n // 4),
            "text": NASTY[::-1],
            "empty": [None] * n,
        }),
        "organisations": pd.DataFrame({"fact_id": ["x", "x"], "aliases": [["X"], ["Y"]]}),  # no valid key
    }


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("curated")
    write_tables(sample_tables(), folder)
    return folder


def rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    return [tuple(plain(v) for v in row) for row in frame.astype(object).itertuples(index=False)]


def assert_same_tables(curated: Path, got: dict[str, pd.DataFrame]) -> None:
    names = sorted(p.stem for p in curated.glob("*.parquet"))
    assert sorted(got) == names
    for name in names:
        want = read_table(curated, name)
        assert list(got[name].columns) == list(want.columns), name
        assert rows(got[name]) == rows(want), name


def validation_errors(out: Path) -> list[tuple[str, str, str]]:
    report = frictionless.validate(str(out / PACKAGE_FILE))
    return [(task.name, error.type, getattr(error, "field_name", "")) for task in report.tasks for error in task.errors]


def array_fields(out: Path) -> set[str]:
    descriptor = json.loads((out / PACKAGE_FILE).read_text(encoding="utf-8"))
    return {f["name"] for r in descriptor["resources"] for f in r["schema"]["fields"] if f["type"] == "array"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_round_trip_and_validates(curated: Path, tmp_path: Path, fmt: str) -> None:
    export(curated, tmp_path, fmt)
    assert_same_tables(curated, read_export(tmp_path))
    errors = validation_errors(tmp_path)
    if fmt == "parquet":  # frictionless reads Parquet list cells as numpy arrays, which its array type refuses
        errors = [e for e in errors if not (e[1] == "type-error" and e[2] in array_fields(tmp_path))]
    assert errors == []


def test_package_describes_every_table(curated: Path, tmp_path: Path) -> None:
    export(curated, tmp_path, "csv")
    package = frictionless.Package(str(tmp_path / PACKAGE_FILE))
    assert [r.name for r in package.resources] == ["articles", "money", "organisations"]
    keys = {r.name: r.schema.primary_key for r in package.resources}
    assert keys == {"articles": ["article_id"], "money": ["fact_id"], "organisations": []}  # "x" twice: no key
    money = package.get_resource("money").schema
    types = {f.name: f.type for f in money.fields}
    assert types == {"fact_id": "string", "value": "number", "explicit": "boolean", "organisations": "array",
                     "text": "string", "empty": "any"}
    assert "JSON array" in money.get_field("organisations").description
    assert "single quote" in package.description


def test_csv_cells_never_start_a_formula(curated: Path, tmp_path: Path) -> None:
    export(curated, tmp_path, "csv")
    with open(tmp_path / "articles.csv", encoding="utf-8", newline="") as fh:
        statuses = [row["status"] for row in csv.DictReader(fh)]
    assert all(not s or s[0] not in "=+-@\t\r" for s in statuses)
    assert statuses[:6] == ["'=SUM(A1:A3)", "'+33 1 23", "'-5 %", "'@cmd", "'\tonglet", "'\rretour"]
    assert statuses[6:8] == ["''=déjà cité", "'''+x"]  # already quoted: one more quote, undone exactly
    with open(tmp_path / "money.csv", encoding="utf-8", newline="") as fh:
        values = [row["value"] for row in csv.DictReader(fh)]
    assert values[0] == "-2.5" and values[7] == "-1e-09"  # numbers stay numbers


@given(st.text(max_size=20))
def test_neutralise_is_undone_exactly(text: str) -> None:
    safe = neutralise(text)
    assert restore(safe) == text
    assert not safe or safe[0] not in "=+-@\t\r"


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("＝SUM(A1)", "'＝SUM(A1)"), ("＋33", "'＋33"), ("－5", "'－5"), ("＠cmd", "'＠cmd"),  # fullwidth
        (" =1+1", "' =1+1"), ("\n=1+1", "'\n=1+1"), ("  @x", "'  @x"),  # after leading white space
        ("Paris", "Paris"), (" Paris", " Paris"), ("a=b", "a=b"), ("", ""),  # text that runs nothing
    ],
)
def test_every_formula_start_is_neutralised(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe and restore(safe) == cell


def test_export_refuses_a_folder_that_is_not_empty(curated: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(FileExistsError, match="--force"):
        export(curated, out, "csv")
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]  # nothing written


def test_force_replaces_the_previous_export_and_only_its_files(curated: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(curated, out, "csv")
    (out / "notes.txt").write_text("à garder", encoding="utf-8")
    export(curated, out, "jsonl", force=True)
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".csv")]  # the previous export's tables are gone
    assert "notes.txt" in names and PACKAGE_FILE in names  # a file it did not write stays
    assert set(read_export(out)) == {p.stem for p in out.glob("*.jsonl")} != set()  # the new export reads back


def test_cli_export_and_missing_curated_folder(
    curated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert CLI_FORMATS == FORMATS
    out = tmp_path / "out"
    assert cli_main(["export", "--format", "jsonl", "--out", str(out), "--curated", str(curated)]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == sorted([PACKAGE_FILE, "articles.jsonl", "money.jsonl",
                                                              "organisations.jsonl"])
    assert "datapackage.json" in capsys.readouterr().out
    assert cli_main(["export", "--out", str(out), "--curated", str(tmp_path / "nothing")]) == EXIT_ERROR
    assert "infrafacts run" in capsys.readouterr().err
    assert cli_main(["export", "--format", "csv", "--out", str(out), "--curated", str(curated)]) == EXIT_ERROR
    assert "--force" in capsys.readouterr().err  # the previous export is not overwritten silently
    assert cli_main(["export", "--format", "csv", "--out", str(out), "--curated", str(curated), "--force"]) == EXIT_OK
    assert not list(out.glob("*.jsonl"))


@pytest.mark.integration
@pytest.mark.parametrize("fmt", FORMATS)
def test_corpus_run_exports(corpus_run: tuple[Path, object], tmp_path: Path, fmt: str) -> None:
    curated, _ = corpus_run
    export(curated, tmp_path, fmt)
    assert_same_tables(curated, read_export(tmp_path))
    descriptor = json.loads((tmp_path / PACKAGE_FILE).read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert {"articles", "mentions", "money", "power", "dates", "organisations"} <= set(resources)
    assert resources["articles"]["schema"]["primaryKey"] == ["article_id"]
    assert resources["mentions"]["schema"]["primaryKey"] == ["article_id", "type", "start", "end"]
    undocumented = [(r["name"], f["name"]) for r in resources.values() for f in r["schema"]["fields"]
                    if f["description"].startswith(UNDOCUMENTED)]
    assert undocumented == []
    if fmt in ("csv", "jsonl"):
        assert validation_errors(tmp_path) == []
