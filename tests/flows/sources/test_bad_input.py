"""Bad input files: each is rejected with a reason a user can act on, and never stops the run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.sources import Article, Rejected, discover, read_article, read_articles
from flows.sources.language import language_reason
from flows.sources.safety import shown

FRENCH = (
    "Le groupe Hexavolt a annoncé mardi qu’il investira 2,5 milliards d’euros dans un campus de centres de "
    "données près de Lyon. Les travaux commenceront au printemps et la mise en service est prévue pour 2028, "
    "selon la direction, qui évoque aussi une puissance de 300 mégawatts.\n"
)
ENGLISH = (
    "The company said on Tuesday that it will invest 2.5 billion euros in a data centre campus near Lyon. "
    "Construction will start in the spring and the site is expected to be operational by 2028, according to "
    "its management, which has also mentioned a capacity of 300 megawatts for the first phase of the project.\n"
)
SPANISH = (
    "La empresa anunció el martes que invertirá 2.500 millones de euros en un campus de centros de datos cerca "
    "de Lyon. Las obras comenzarán en primavera y la puesta en servicio está prevista para 2028, según la "
    "dirección, que también menciona una potencia de 300 megavatios para la primera fase del proyecto y los "
    "acuerdos con las autoridades locales por el suministro de energía.\n"
)
GERMAN = (
    "Das Unternehmen hat am Dienstag angekündigt, dass es 2,5 Milliarden Euro in einen Campus für Rechenzentren "
    "bei Lyon investieren wird. Die Bauarbeiten werden im Frühjahr beginnen, und die Inbetriebnahme ist für "
    "2028 geplant, wie die Leitung mitteilte, die auch von einer Leistung von 300 Megawatt spricht und mit der "
    "Stadt über die Versorgung mit Strom verhandelt.\n"
)
HTML = (
    "<!DOCTYPE html>\n<html><head><title>Hexavolt</title></head><body>\n<p>" + FRENCH + "</p>\n</body></html>\n"
)
HTML_FRAGMENT = "<div class='article'>\n" + "".join(f"<p>{line}</p>\n" for line in FRENCH.split(". ")) + "</div>\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty: "),
        (b" \n\t\r\n\xc2\xa0\n", "empty: "),  # spaces, tabs, newlines and a NBSP
        ("Компания построит центр обработки данных под Москвой.\n".encode("cp1251"),
         "not UTF-8 text (byte 0: invalid continuation byte) and not cp1252/latin-1: detected cp1251"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary: NUL bytes"),
        (FRENCH.encode("utf-16-le"), "binary: looks like UTF-16 without a byte-order mark"),
        (bytes(range(1, 32)) * 10 + FRENCH.encode(), "binary: "),
        (b"\xff\xfe" + b"\x00\xd8" * 40, "not utf-16-le text despite its byte-order mark"),
        (b"<html><body><nav>Menu</nav></body></html>", "empty: only page boilerplate"),
        (ENGLISH.encode(), "not French (looks like en: "),
        (SPANISH.encode(), "not French (looks like es: "),
        (GERMAN.encode(), "not French (looks like de: "),
    ],
    ids=["empty", "whitespace", "cp1251", "binary-nul", "utf16-no-bom", "control-bytes", "utf16-broken",
         "html-no-body", "english", "spanish", "german"],
)
def test_bad_content_is_rejected_with_its_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    item = read_article(write(tmp_path, "bad.txt", data))
    assert isinstance(item, Rejected), item
    assert item.reason.startswith(reason), item.reason
    assert (item.article_id, item.path) == ("bad", "bad.txt")  # relative to the raw folder
    assert item.sha256 is not None and len(item.sha256) == 64


COST = "Coût : 3 M€ — «\u00a0l’usine\u00a0»\n" + FRENCH
SUMMER = "Été à Besançon, 2 GW.\n" + FRENCH.replace("’", "'")


@pytest.mark.parametrize(
    ("data", "text", "label"),
    [
        (COST.encode("cp1252"), COST, "cp1252"),
        (SUMMER.encode("latin-1"), SUMMER, "latin-1"),
        (FRENCH.encode("utf-16"), FRENCH, "utf-16-le"),
        (b"\xfe\xff" + FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
        (FRENCH.replace("\n", "\r\n").encode("cp1252"), FRENCH, "cp1252"),  # newlines as open() reads them
    ],
    ids=["cp1252", "latin-1", "utf-16-le", "utf-16-be", "cp1252-crlf"],
)
def test_legacy_encodings_are_decoded_and_named(tmp_path: Path, data: bytes, text: str, label: str) -> None:
    item = read_article(write(tmp_path, "a.txt", data))
    assert isinstance(item, Article), item
    assert item.text == text
    assert item.meta.encoding == label


@pytest.mark.parametrize("html", [HTML, HTML_FRAGMENT], ids=["page", "fragment"])
def test_html_in_a_txt_file_is_read_as_a_page(tmp_path: Path, html: str) -> None:
    item = read_article(write(tmp_path, "page.txt", html.encode()))
    assert isinstance(item, Article), item
    assert item.meta.format == "html" and "<" not in item.text and "Hexavolt" in item.text


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        "Fin 2027, Nvidia livrera 1 GW de puissance de calcul à Mistral AI.\n",  # too short to judge: kept
        FRENCH + "« We are building the largest AI campus in Europe », said the CEO of the company.\n",
        "Le prix du <b>kWh</b> baisse.\n" + FRENCH,  # one stray tag is not an HTML page
        "[Mise à jour] " + FRENCH,  # a bracket is not JSON
        "Compare a < b et c > d : " + FRENCH,
    ],
)
def test_french_text_with_quotes_or_stray_markup_is_kept(tmp_path: Path, text: str) -> None:
    item = read_article(write(tmp_path, "ok.txt", text.encode()))
    assert isinstance(item, Article), item
    assert item.text == text


def test_language_verdict_needs_enough_evidence() -> None:
    assert language_reason("The data centre.") is None
    assert language_reason(ENGLISH) is not None and language_reason(FRENCH) is None


def test_file_that_disappears_after_discovery(tmp_path: Path) -> None:
    write(tmp_path, "parti.txt", FRENCH.encode())
    [path] = discover(tmp_path)
    path.unlink()  # deleted between discovery and reading
    item = read_article(path)
    assert isinstance(item, Rejected)
    assert item.reason.startswith("disappeared: ") and item.sha256 is None


def test_dangling_link_is_discovered_and_rejected(tmp_path: Path) -> None:
    (tmp_path / "lien.txt").symlink_to(tmp_path / "nowhere.txt")
    [path] = discover(tmp_path)
    item = read_article(path)
    assert isinstance(item, Rejected) and item.reason.startswith("disappeared: ")


def test_link_to_a_folder_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier.txt").symlink_to(tmp_path / "dossier")  # works as root too
    item = read_article(tmp_path / "dossier.txt")
    assert isinstance(item, Rejected)
    assert item.reason.startswith("not a regular file: a directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; the folder-link case covers it")
def test_file_without_read_permission_is_unreadable(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", FRENCH.encode())
    path.chmod(0)
    try:
        item = read_article(path)
    finally:
        path.chmod(0o644)
    assert isinstance(item, Rejected) and item.reason == "unreadable: Permission denied"


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.sources.reading

    monkeypatch.setattr(flows.sources.reading, "MAX_ARTICLE_BYTES", 100)
    item = read_article(write(tmp_path, "gros.txt", FRENCH.encode()))
    assert isinstance(item, Rejected) and item.reason.startswith("too large: ") and item.sha256 is None


def test_same_bytes_under_two_names(tmp_path: Path) -> None:
    paths = [write(tmp_path, name, FRENCH.encode()) for name in ("a.txt", "b.txt", "c.txt")]
    a, b, c = read_articles(paths)
    assert isinstance(a, Article)
    assert isinstance(b, Rejected) and isinstance(c, Rejected)
    assert b.reason == c.reason == "duplicate of a (identical bytes)"
    assert a.sha256 == b.sha256 == c.sha256


def test_two_empty_files_are_both_empty_not_duplicates(tmp_path: Path) -> None:
    items = read_articles([write(tmp_path, n, b"") for n in ("x.txt", "y.txt")])
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["empty: no text to extract from"] * 2


@pytest.mark.integration
def test_mixed_folder_loses_nothing(prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The real flow through the CLI over good and bad files: one `articles` row per file, exit code 3."""
    from flows.cli import main
    from flows.commands import EXIT_REJECTED
    from flows.store.tables import read_table

    raw = tmp_path / "raw"
    raw.mkdir()
    files = {
        "bon.txt": FRENCH.encode(), "autre.txt": ("Fin 2027, Nvidia livrera 1 GW à Mistral AI.\n" + FRENCH).encode(),
        "copie.txt": FRENCH.encode(), "vide.txt": b"", "blanc.txt": b"  \n\n", "cp1252.txt": FRENCH.encode("cp1252"),
        "binaire.txt": b"\x00\x01\x02PK\x03\x04" * 50, "page.txt": HTML.encode(), "anglais.txt": ENGLISH.encode(),
    }
    for name, data in files.items():
        write(raw, name, data)
    (raw / "lien-mort.txt").symlink_to(raw / "absent")
    (raw / "sous").mkdir()
    (raw / "dossier.txt").symlink_to(raw / "sous")
    os.mkfifo(raw / "tube.txt")  # would block a plain open() forever
    (raw / "zero.txt").symlink_to("/dev/zero")  # would never end
    (raw / "passwd.txt").symlink_to("/etc/passwd")  # not an article anybody put here
    write(raw, os.fsdecode(b"r\xe9seau.txt"), ("Le réseau RTE ajoutera 2 GW en 2030.\n" + FRENCH).encode())
    curated = tmp_path / "curated"

    assert main(["run", "--raw", str(raw), "--curated", str(curated)]) == EXIT_REJECTED
    articles = read_table(curated, "articles")
    status = dict(zip(articles["article_id"], articles["status"], strict=True))
    assert sorted(status) == sorted(shown(p.stem) for p in raw.glob("*.txt"))  # exactly one row per input file
    assert status["bon"] == status["autre"] == status["r\\xe9seau"] == "ok"  # a non-UTF-8 name: a safe id
    expected = {
        "copie": "rejected: duplicate of bon", "vide": "rejected: empty", "blanc": "rejected: empty",
        "binaire": "rejected: binary", "anglais": "rejected: not French (looks like en",
        "lien-mort": "rejected: disappeared",
        "dossier": "rejected: not a regular file: a directory", "tube": "rejected: not a regular file: a FIFO",
        "zero": "rejected: link out of the raw folder", "passwd": "rejected: link out of the raw folder",
    }
    assert {k: v for k, v in status.items() if not v.startswith(expected.get(k, "ok"))} == {}
    mentions = read_table(curated, "mentions")
    # the copy is not extracted twice
    assert set(mentions["article_id"]) == {"bon", "autre", "cp1252", "page", "r\\xe9seau"}
    out = capsys.readouterr().out
    assert f"{len(expected)} rejected" in out and "binary: NUL bytes" in out
