"""Only regular files inside the raw folder are read: FIFOs, devices, folders and links out of the folder
are rejected with their reason, never opened for reading, and never hang the run."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from flows.sources import Article, Rejected, discover, read_articles

FRENCH = "Le groupe Hexavolt investira 2,5 milliards d’euros dans un campus de centres de données près de Lyon.\n"


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a FIFO opened the ordinary way blocks until a writer comes)."""
    def too_long(signum: int, frame: object) -> None:
        raise TimeoutError(f"reading took more than {seconds} s: it hung")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_folder(raw: Path) -> dict[str, Article | Rejected]:
    with at_most(20):
        return {item.article_id: item for item in read_articles(discover(raw))}


def reason(item: Article | Rejected) -> str:
    assert isinstance(item, Rejected), item
    return item.reason


def test_fifo_and_links_to_it_are_rejected_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube.txt")
    (tmp_path / "lien-tube.txt").symlink_to(tmp_path / "tube.txt")
    items = read_folder(tmp_path)
    assert reason(items["tube"]) == ("not a regular file: a FIFO (named pipe), never read "
                                     "(only plain files are articles)")
    assert reason(items["lien-tube"]).startswith("not a regular file: a FIFO")


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd", "/dev/null"])
def test_links_out_of_the_raw_folder_are_not_followed(tmp_path: Path, target: str) -> None:
    (tmp_path / "dehors.txt").symlink_to(target)
    expected = f"link out of the raw folder (to {os.path.realpath(target)})"
    assert reason(read_folder(tmp_path)["dehors"]).startswith(expected)


def test_relative_link_climbing_out_is_not_followed(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "secret.txt").write_text(FRENCH, encoding="utf-8")
    (raw / "fuite.txt").symlink_to("../secret.txt")
    assert reason(read_folder(raw)["fuite"]).startswith("link out of the raw folder")


def test_link_inside_the_raw_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "sous").mkdir()
    (tmp_path / "sous" / "article.md").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "lien.txt").symlink_to("sous/article.md")
    assert isinstance(read_folder(tmp_path)["lien"], Article)


def test_a_folder_named_like_an_article_gets_a_row(tmp_path: Path) -> None:
    (tmp_path / "dossier.txt").mkdir()
    assert reason(read_folder(tmp_path)["dossier"]).startswith("not a regular file: a directory")


def test_a_file_name_that_is_not_utf8_gets_a_safe_id(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes: Python keeps them as a lone surrogate
    (tmp_path / name).write_text(FRENCH, encoding="utf-8")
    (item,) = read_folder(tmp_path).values()
    assert isinstance(item, Article) and item.article_id == "caf\\xe9"
    assert item.path == "caf\\xe9.txt"
    item.path.encode("utf-8")  # storable: no surrogate left
