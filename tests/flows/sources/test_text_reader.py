"""Reading input files and parsing long ones in pieces.

Offsets match open(path, encoding="utf-8").read(); bad files are rejected with a reason.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.extraction import batches, chunk_spans, extract_articles
from flows.sources import Article, Rejected, discover, read_article

ROOT = Path(__file__).resolve().parents[3]


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


def test_discover_lists_article_files_in_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "notes.md", "page.HTML", "feed.jsonl", "photo.jpg", "doc.pdf", "README"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["a.txt", "b.txt", "feed.jsonl", "notes.md", "page.HTML"]


def test_discover_takes_one_file(tmp_path: Path) -> None:
    (tmp_path / "seul.html").write_text("x", encoding="utf-8")
    (tmp_path / "doc.pdf").write_text("x", encoding="utf-8")
    assert discover(tmp_path / "seul.html") == [tmp_path / "seul.html"]
    with pytest.raises(ValueError, match=r"no reader for '\.pdf'"):
        discover(tmp_path / "doc.pdf")


def test_discover_missing_folder_names_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope"):
        discover(tmp_path / "nope")


# --- long articles: parsed in pieces whose offsets map back to the whole text -------------------------


@given(st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=400), st.integers(min_value=4, max_value=60))
def test_chunks_cover_the_text_contiguously_within_the_limit(text: str, limit: int) -> None:
    spans = chunk_spans(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(0 < end - start <= limit for start, end in spans) or text == ""


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        ("Un.\n\nDeux deux.\n\nTrois.", 18, ["Un.\n\nDeux deux.\n\n", "Trois."]),  # at a blank line
        ("Ligne un\nligne deux\nfin", 12, ["Ligne un\n", "ligne deux\n", "fin"]),  # else a line end
        ("Phrase un. Phrase deux. Fin", 14, ["Phrase un. ", "Phrase deux. ", "Fin"]),  # else a sentence end
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # else anywhere
        ("court", 100, ["court"]),
    ],
)
def test_chunks_cut_at_the_best_break(text: str, limit: int, pieces: list[str]) -> None:
    assert [text[a:b] for a, b in chunk_spans(text, limit)] == pieces


@pytest.mark.parametrize("name", ["000_7dc123fe638c4535.txt", "002_b59bb55a070cc80a.txt"])
def test_article_in_pieces_gives_the_same_mentions(nlp: object, name: str) -> None:
    article = read_article(ROOT / "raw" / name)
    assert isinstance(article, Article)
    whole = next(extract_articles([article], nlp, None)).rows  # type: ignore[arg-type]
    pieces = next(extract_articles([article], nlp, None, max_doc_chars=1500, chunk_chars=1500)).rows  # type: ignore[arg-type]
    assert len(chunk_spans(article.text, 1500)) > 3
    assert all(article.text[r["start"] : r["end"]] == r["text"] for r in pieces)
    assert [(r["type"], r["start"], r["end"]) for r in pieces] == [(r["type"], r["start"], r["end"]) for r in whole]


@pytest.mark.parametrize(
    ("sizes", "batch_size", "max_chars", "expected"),
    [
        ([5, 5, 5, 5], 3, 100, [3, 1]),  # by count
        ([40, 40, 40, 10], 16, 100, [2, 2]),  # by characters
        ([150, 5], 16, 100, [1, 1]),  # one piece longer than the budget goes alone
    ],
)
def test_batches_bound_count_and_characters(sizes: list[int], batch_size: int, max_chars: int,
                                            expected: list[int]) -> None:
    pieces = [("x" * n, (i, 0)) for i, n in enumerate(sizes)]
    got = list(batches(pieces, batch_size, max_chars))
    assert [len(b) for b in got] == expected
    assert [p for b in got for p in b] == pieces
