"""Reading input files: offsets match open(path, encoding="utf-8").read(); bad files are rejected with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.articles import Article, Rejected, discover, read_article


@pytest.mark.parametrize(
    "raw",
    [b"Ligne un\r\nLigne deux\r\n", b"Mac\rstyle\r", b"\xef\xbb\xbfAvec BOM\n", "Caf\u00e9 \u202f5 GW\n".encode()],
)
def test_text_is_exactly_what_open_read_returns(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    article = read_article(path)
    assert isinstance(article, Article)
    assert article.text == open(path, encoding="utf-8").read()  # noqa: SIM115


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), ("Énergie".encode("cp1252"), "not UTF-8")],
)
def test_bad_files_are_rejected_with_reason(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    item = read_article(path)
    assert isinstance(item, Rejected)
    assert item.reason.startswith(reason)
    assert item.article_id == "bad"


def test_discover_lists_txt_files_in_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "notes.md"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["a.txt", "b.txt"]


def test_discover_missing_folder_names_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope"):
        discover(tmp_path / "nope")
