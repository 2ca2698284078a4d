"""JSON and JSON Lines records (news-please style), and how a file's format is chosen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.sources import Article, Rejected
from flows.sources.reading import choose_reader, read_file
from flows.sources.records import iso_date

TEXT = ("Le groupe Hexavolt a annoncé mardi qu’il investira 2,5 milliards d’euros dans un campus de centres de "
        "données près de Lyon, avec une mise en service prévue pour 2028.")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("field", ["maintext", "text", "content", "body", "articleBody"])
def test_text_field_names(tmp_path: Path, field: str) -> None:
    [item] = read_file(write(tmp_path, "a.json", json.dumps({field: TEXT, "title": "Hexavolt à Lyon"})))
    assert isinstance(item, Article) and item.text == f"Hexavolt à Lyon\n{TEXT}" and item.article_id == "a"


def test_news_please_record(tmp_path: Path) -> None:
    record = {"title": "Hexavolt à Lyon", "description": "Un campus de 300 MW.", "maintext": TEXT,
              "date_publish": "2026-03-04 09:31:00", "url": "https://www.exemple.example/2026/03/04/x",
              "source_domain": "exemple.example", "language": "fr", "authors": ["Claire Dubois", "Paul Roy"]}
    [item] = read_file(write(tmp_path, "a.json", json.dumps(record, ensure_ascii=False)))
    assert isinstance(item, Article)
    assert item.text == f"Hexavolt à Lyon\nUn campus de 300 MW.\n{TEXT}"
    meta = item.meta
    assert (meta.format, meta.published, meta.published_from, meta.source, meta.language, meta.author) == (
        "json", "2026-03-04", "metadata", "exemple.example", "fr", "Claire Dubois, Paul Roy")


def test_json_list_and_json_lines_number_their_records(tmp_path: Path) -> None:
    records = [{"maintext": TEXT}, {"maintext": TEXT + " Deux."}, 3]
    items = read_file(write(tmp_path, "liste.json", json.dumps(records)))
    assert [i.article_id for i in items] == ["liste#1", "liste#2", "liste#3"]
    assert isinstance(items[2], Rejected) and items[2].reason == "not an article record: a JSON int"
    lines = "\n".join([json.dumps({"maintext": TEXT}), "", "{oups", json.dumps({"maintext": TEXT + " Trois."})])
    items = read_file(write(tmp_path, "flux.jsonl", lines))
    assert [(i.article_id, type(i).__name__) for i in items] == [
        ("flux#1", "Article"), ("flux#3", "Rejected"), ("flux#4", "Article")]
    assert items[0].sha256 != items[2].sha256  # each record its own hash: appending one re-extracts none


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("a.txt", json.dumps({"maintext": TEXT}), "json"),  # content wins over the name
        ("a.txt", json.dumps({"maintext": TEXT}) + "\n" + json.dumps({"maintext": TEXT}), "jsonl"),
        ("a.json", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("a.html", TEXT, "html"),  # no claim by content: the name decides
        ("a.txt", "[Mise à jour] " + TEXT, "txt"),
        ("a.jsonl", json.dumps({"maintext": TEXT}), "jsonl"),  # one line is still a JSON Lines file
    ],
)
def test_format_is_chosen_by_content_then_name(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    from flows.sources.encoding import decode

    path = write(tmp_path, name, content)
    assert choose_reader(path, decode(path.read_bytes())[0]).name == fmt


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"title": "x"', "invalid JSON (line 1, column 14: Expecting ',' delimiter)"),
        ("[]", "JSON without an article record"),
        ('{"title": "Sans texte"}', "record without a text"),
        ('{"maintext": "   "}', "record without a text"),
    ],
)
def test_bad_json_is_rejected_with_its_reason(tmp_path: Path, content: str, reason: str) -> None:
    [item] = read_file(write(tmp_path, "a.json", content))
    assert isinstance(item, Rejected) and item.reason.startswith(reason), item


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2025-05-19 09:31:00", "2025-05-19"), ("2025-05-19T09:31:00Z", "2025-05-19"), ("2025-05", "2025-05"),
     ("19 mai 2025", None), (None, None)],
)
def test_record_dates(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbf" + json.dumps({"maintext": TEXT}, ensure_ascii=False).encode(), "utf-8-sig"),
        (json.dumps({"maintext": TEXT}, ensure_ascii=False).encode("utf-16"), "utf-16-le"),
        (json.dumps({"maintext": TEXT}, ensure_ascii=False).encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8-bom", "utf-16", "cp1252"],
)
def test_records_in_any_readable_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(data)
    [item] = read_file(path)
    assert isinstance(item, Article) and item.text == TEXT and item.meta.encoding == encoding
