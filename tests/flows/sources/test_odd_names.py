"""Every entry of the raw folder named for a reader gets exactly one row, whatever its name or kind; ids and
paths are safe to store and to use as file names; `articles.path` is relative to the raw folder; links are
followed as `follow_links` says; a read that never ends is given up after `read_timeout`."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from flows.settings import Settings
from flows.sources import Article, Rejected, discover, read_articles
from flows.sources.reading import article_id_of
from flows.sources.safety import read_capped

TEXT = "Le groupe Hexavolt investira {n} milliards d’euros dans un campus de centres de données près de Lyon.\n"
OK = "ok"


def article(n: int) -> bytes:
    return TEXT.format(n=n).encode()


def fifo(path: Path) -> None:
    os.mkfifo(path)


def folder(path: Path) -> None:
    path.mkdir()


def data(content: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(content)


# (file name as bytes, how it is made, expected id, expected path, expected status)
ODD_ENTRIES = [
    (b"normal.txt", data(article(1)), "normal", "normal.txt", OK),
    (b"MAJUSCULES.TXT", data(article(2)), "MAJUSCULES", "MAJUSCULES.TXT", OK),
    (b"Page.Md", data(article(3)), "Page", "Page.Md", OK),
    (b"caf\xe9.txt", data(article(4)), "caf\\xe9", "caf\\xe9.txt", OK),  # not UTF-8
    (b"ligne\nsuivante.txt", data(article(5)), "ligne\\x0asuivante", "ligne\\x0asuivante.txt", OK),
    (b"tab\tulation.txt", data(article(6)), "tab\\x09ulation", "tab\\x09ulation.txt", OK),
    (b"-tiret.txt", data(article(7)), "-tiret", "-tiret.txt", OK),
    (b"--help.txt", data(article(8)), "--help", "--help.txt", OK),
    (b"..txt", data(article(9)), "\\x2e", "\\x2e.txt", OK),  # id "." made safe
    (b"...txt", data(article(10)), "\\x2e.", "\\x2e..txt", OK),  # id ".." made safe
    (b".txt", data(article(11)), "\\x2etxt", "\\x2etxt", OK),  # only a suffix: the whole name
    (b".cache.txt", data(article(12)), "\\x2ecache", "\\x2ecache.txt", OK),  # hidden
    (b" espace .txt", data(article(13)), " espace ", " espace .txt", OK),
    (b"nul.txt", data(article(14).replace(b"Hexavolt", b"Hexa\x00volt")), "nul", "nul.txt", OK),
    (b"tube.txt", fifo, "tube", "tube.txt", "not a regular file: a FIFO"),
    (b"dossier.txt", folder, "dossier", "dossier.txt", "not a regular file: a directory"),
    (b"z-copie.txt", data(article(1)), "z-copie", "z-copie.txt", "duplicate of normal"),  # after normal.txt
    (b"binaire.txt", data(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20), "binaire", "binaire.txt",
     "binary: NUL bytes"),
]
NOT_ARTICLES = [b"README", b"notes.docx", b"sans-suffixe."]  # no reader takes them: not articles, no row


def build(raw: Path) -> None:
    for name, make, *_ in ODD_ENTRIES:
        make(raw / os.fsdecode(name))
    for name in NOT_ARTICLES:
        (raw / os.fsdecode(name)).write_bytes(article(99))


def test_every_entry_named_for_a_reader_gets_one_row_with_its_status(tmp_path: Path) -> None:
    build(tmp_path)
    items = read_articles(discover(tmp_path))
    ids = [item.article_id for item in items]
    assert sorted(ids) == sorted(entry[2] for entry in ODD_ENTRIES) and len(set(ids)) == len(ids)
    by_id = {item.article_id: item for item in items}
    for name, _, article_id, path, status in ODD_ENTRIES:
        item = by_id[article_id]
        assert item.path == path, name
        if status == OK:
            assert isinstance(item, Article), (name, item)
        else:
            assert isinstance(item, Rejected) and item.reason.startswith(status), (name, item)
        item.article_id.encode("utf-8"), item.path.encode("utf-8")  # storable: no lone surrogate
        assert item.article_id not in {"", ".", ".."} and "/" not in item.article_id and "\n" not in item.path


@pytest.mark.parametrize(("name", "article_id"), [(b"a.txt", "a"), (b"a.b.txt", "a.b"), (b".txt", "\\x2etxt"),
                                                  (b"..txt", "\\x2e"), (b"x\x7f.md", "x\\x7f")])
def test_ids_are_the_name_without_its_suffix_made_safe(name: bytes, article_id: str) -> None:
    assert article_id_of(Path(os.fsdecode(name))) == article_id


def test_a_nul_byte_keeps_the_text_and_its_offsets(tmp_path: Path) -> None:
    text = TEXT.format(n=40).replace("Hexavolt", "Hexa\x00volt")
    (tmp_path / "nul.txt").write_text(text, encoding="utf-8")
    (item,) = read_articles(discover(tmp_path))
    assert isinstance(item, Article) and item.text == text  # kept: offsets index the file's own text


def link_folder(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "sous").mkdir()  # not discovered: discovery does not descend
    (raw / "sous" / "vrai.md").write_bytes(article(1))
    (tmp_path / "dehors.md").write_bytes(article(2))
    (raw / "dedans.txt").symlink_to("sous/vrai.md")
    (raw / "sortie.txt").symlink_to("../dehors.md")
    (raw / "zero.txt").symlink_to("/dev/zero")
    return raw


@pytest.mark.parametrize(("follow", "expected"), [
    ("inside", {"dedans": OK, "sortie": "link out of the raw folder", "zero": "link out of the raw folder"}),
    ("never", {"dedans": "a symbolic link: not followed", "sortie": "a symbolic link: not followed",
               "zero": "a symbolic link: not followed"}),
    ("always", {"dedans": OK, "sortie": OK, "zero": "not a regular file: a character device"}),
])
def test_follow_links_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, follow: str,
                              expected: dict[str, str]) -> None:
    monkeypatch.setenv("INFRAFACTS_FOLLOW_LINKS", follow)
    items = {item.article_id: item for item in read_articles(discover(link_folder(tmp_path)))}
    assert sorted(items) == sorted(expected)
    for article_id, status in expected.items():
        item = items[article_id]
        if status == OK:
            assert isinstance(item, Article), item
        else:
            assert isinstance(item, Rejected) and item.reason.startswith(status), item


@pytest.mark.parametrize(("name", "value", "message"), [
    ("INFRAFACTS_FOLLOW_LINKS", "parfois", "expected one of inside, never, always"),
    ("INFRAFACTS_READ_TIMEOUT", "vite", "expected a number of seconds"),
    ("INFRAFACTS_READ_TIMEOUT", "0", "above 0"),
    ("INFRAFACTS_READ_TIMEOUT", "inf", "above 0"),
])
def test_bad_input_settings_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Settings.from_env({name: value})


def test_input_settings_from_the_environment() -> None:
    settings = Settings.from_env({"INFRAFACTS_FOLLOW_LINKS": "never", "INFRAFACTS_READ_TIMEOUT": "2.5"})
    assert (settings.follow_links, settings.read_timeout) == ("never", 2.5)
    assert (Settings().follow_links, Settings().read_timeout) == ("inside", 120.0)


def test_a_read_that_never_ends_is_given_up(tmp_path: Path) -> None:
    """A descriptor whose read blocks (the read end of a pipe nobody writes to, as a stuck network mount
    would block a regular file's read): rejected after the timeout, and this thread goes on."""
    read_end, write_end = os.pipe()
    try:
        started = time.monotonic()
        reason = read_capped(read_end, 1000, timeout=0.5)
        waited = time.monotonic() - started
    finally:
        os.close(write_end)  # ends the abandoned read: the test leaves no thread blocked
    assert isinstance(reason, str) and reason.startswith("read timeout: not read within 0.5 s")
    assert "INFRAFACTS_READ_TIMEOUT" in reason and 0.5 <= waited < 10


def test_a_read_within_the_timeout_gives_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(article(1))
    assert read_capped(os.open(path, os.O_RDONLY), 1000, timeout=30) == article(1)
    assert read_capped(os.open(path, os.O_RDONLY), 10, timeout=30).startswith("too large")  # type: ignore[union-attr]


@pytest.mark.integration
def test_odd_folder_through_the_cli(prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The real flow: one stored row per entry, with its relative path and status; a run with only known
    rejections exits 0, a new one exits 3; rows an older version wrote with absolute paths are migrated."""
    import pandas as pd

    from flows.cli import main
    from flows.commands import EXIT_OK, EXIT_REJECTED
    from flows.store.tables import read_table, table_path
    from flows.store.texts import read_text

    monkeypatch.delenv("INFRAFACTS_FOLLOW_LINKS", raising=False)  # the CLI sets it from --follow-links
    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    build(raw)
    run = ["run", "--raw", str(raw), "--curated", str(curated)]

    assert main(run) == EXIT_REJECTED
    articles = read_table(curated, "articles")
    rows = {r.article_id: (r.path, r.status) for r in articles.itertuples()}
    assert len(rows) == len(articles) == len(ODD_ENTRIES)
    for name, _, article_id, path, status in ODD_ENTRIES:
        assert rows[article_id][0] == path, name
        assert rows[article_id][1] == OK if status == OK else rows[article_id][1].startswith(f"rejected: {status}")
    assert read_text(curated, "nul") == TEXT.format(n=14).replace("Hexavolt", "Hexa\x00volt")
    mentions = read_table(curated, "mentions")
    assert set(mentions[(mentions["type"] == "money")]["article_id"]) == {
        article_id for _, _, article_id, _, status in ODD_ENTRIES if status == OK}
    capsys.readouterr()

    assert main(run) == EXIT_OK  # the same four rejections: reported again, not news
    assert "4 rejected (4 already reported)" in capsys.readouterr().out
    (raw / "vide.txt").write_bytes(b"")
    assert main(run) == EXIT_REJECTED  # a file rejected for the first time is

    # An older version stored the path as given to the run (absolute): the next run rewrites the rows.
    old = read_table(curated, "articles")
    old["path"] = str(raw) + "/" + old["path"]
    old.to_parquet(table_path(curated, "articles").resolve())
    capsys.readouterr()
    assert main(run) == EXIT_OK
    assert f"({0} extracted, {len(ODD_ENTRIES) - 4} unchanged and skipped)" in capsys.readouterr().out
    migrated = read_table(curated, "articles")
    assert not migrated["path"].str.startswith("/").any()
    pd.testing.assert_series_equal(migrated["sha256"], old["sha256"])


def test_extraction_tasks_have_the_configured_timeout() -> None:
    from flows.main import extract_batch

    assert extract_batch.timeout_seconds == Settings.from_env().extract_timeout
    assert Settings.from_env({"INFRAFACTS_EXTRACT_TIMEOUT": "60"}).extract_timeout == 60.0
