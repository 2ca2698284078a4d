"""The report site: written by the real flow over the corpus, read back as HTML (links, anchors, highlights),
and the pieces that must pick up new columns and stored texts without code changes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from flows.cli import main
from flows.review.site import TABLE_PAGE_ROWS, build_site, shown_rows
from flows.review.texts import article_text, stored_text_path
from flows.store.report import read_curated
from flows.store.site import write_site
from flows.store.tables import read_table

ROOT = Path(__file__).resolve().parents[3]


class Page(HTMLParser):
    """Ids, links and highlights of one page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.marks: list[tuple[str, str]] = []  # (id, type)
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(str(attr["id"]))
        if tag == "a" and attr.get("href"):
            self.hrefs.append(str(attr["href"]))
        if tag == "mark" and attr.get("id"):
            self.marks.append((str(attr["id"]), str(attr.get("data-type"))))


@pytest.fixture(scope="module")
def report(corpus_run: tuple[Path, Any]) -> Path:
    return corpus_run[0] / "report"


def page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def test_the_flow_writes_every_page(corpus_run: tuple[Path, Any], report: Path) -> None:
    curated, _ = corpus_run
    articles = read_table(curated, "articles")
    assert (report / "index.html").exists() and (report / "charts.html").exists()
    ok = articles["article_id"][articles["status"] == "ok"]
    assert {p.stem for p in (report / "articles").glob("*.html")} == set(ok)
    assert {p.stem for p in (report / "tables").glob("*.html")} == set(read_curated(curated))
    assert (report / "assets" / "vega-embed.js").stat().st_size > 100_000  # inlined locally: no CDN
    for html in report.rglob("*.html"):
        assert not re.search(r'(src|href)="(https?:)?//', html.read_text(encoding="utf-8")), html  # works offline


def test_every_source_link_lands_on_its_mention(report: Path) -> None:
    ids = {p.stem: page(p).ids for p in (report / "articles").glob("*.html")}
    links = [h for p in (report / "tables").glob("*.html") for h in page(p).hrefs if h.startswith("../articles/")]
    assert len(links) > 100
    for href in links:
        article, _, anchor = href.removeprefix("../articles/").partition(".html")
        assert article in ids, href
        assert not anchor or anchor[1:] in ids[article], href


def test_every_mention_is_highlighted_with_its_text_and_type(corpus_run: tuple[Path, Any], report: Path) -> None:
    mentions = read_table(corpus_run[0], "mentions")
    for article_id, rows in mentions.groupby("article_id"):
        html = (report / "articles" / f"{article_id}.html").read_text(encoding="utf-8")
        parsed = Page(html)
        marks = dict(parsed.marks)
        for row in rows.itertuples():
            anchor = f"m-{row.start}"
            assert anchor in parsed.ids, (article_id, row.start)
            if anchor in marks:
                assert marks[anchor] == row.type
        assert len(marks) >= 0.9 * len(rows)  # overlapping mentions are listed, not highlighted
        money = rows[rows["type"] == "money"].iloc[0]
        mark = re.search(rf'<mark[^>]*id="m-{money.start}"[^>]*title="([^"]*)"[^>]*>(.*?)<span', html, re.S)
        assert mark is not None and mark[2].strip() == money.text.replace("&", "&amp;")
        assert "currency = " in mark[1]  # the normalised value on hover


def test_index_counts_rejections_and_deals(corpus_run: tuple[Path, Any], report: Path) -> None:
    index = (report / "index.html").read_text(encoding="utf-8")
    deals = read_table(corpus_run[0], "deals")
    assert "None: every input file was read." in index
    assert index.count('<tr><td data-sort') == len(deals)
    assert f'<th>mentions: money</th><td class="num">{corpus_run[1].mentions["money"]}</td>' in index


def test_new_columns_and_stored_texts_need_no_code(corpus_run: tuple[Path, Any], tmp_path: Path) -> None:
    curated = corpus_run[0]
    tables = read_curated(curated)
    tables["money"] = tables["money"].assign(review_note="vu")  # a column the report has never heard of
    tables["articles"] = tables["articles"].assign(title="Un titre", url="https://example.org/a")
    article = tables["articles"].iloc[0].to_dict()
    stored = stored_text_path(tmp_path, article["article_id"])
    stored.parent.mkdir()
    text = article_text(curated, article)
    with open(ROOT / "raw" / article["path"], encoding="utf-8") as fh:  # `path` is relative to the raw folder
        assert text == fh.read()
    stored.write_text(text.upper(), encoding="utf-8")  # the text the extractors saw wins over the raw file
    assert article_text(tmp_path, article) == text.upper()
    files = build_site(tmp_path, tables, "// no charts drawn here")
    assert '<th data-column="review_note">' in files["tables/money.html"]
    assert '<th data-column="amount_eur">' in files["tables/money.html"]
    article_page = files[f"articles/{article['article_id']}.html"]
    assert "Un titre" in files["index.html"] and "https://example.org/a" in article_page
    assert text.upper()[:40].split()[0] in article_page
    assert 'id="vega-gw-country"' in files["charts.html"]  # drawn once deals have a country
    assert "amount_eur of the deals whose amount is exact or approximate" in files["charts.html"]


def test_write_site_replaces_the_folder_whole(tmp_path: Path) -> None:
    target = tmp_path / "report"
    write_site({"index.html": "one", "a/b.html": "b"}, target)
    dead = tmp_path / f".report.{2**22 + 1}.deadbeef.building"  # a writer that died mid-build
    dead.mkdir()
    with pytest.raises(TypeError):
        write_site({"index.html": "two", "bad.html": None}, target)  # type: ignore[dict-item]
    assert (target / "index.html").read_text() == "one" and not dead.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    write_site({"index.html": "two"}, target)
    assert (target / "index.html").read_text() == "two" and not (target / "a").exists()


@pytest.mark.parametrize(("rows", "shown", "noted"), [
    (0, 0, False), (TABLE_PAGE_ROWS, TABLE_PAGE_ROWS, False), (TABLE_PAGE_ROWS + 1, TABLE_PAGE_ROWS, True),
    (5 * TABLE_PAGE_ROWS, TABLE_PAGE_ROWS, True),
])
def test_table_pages_show_a_bounded_number_of_rows(rows: int, shown: int, noted: bool) -> None:
    frame, description = shown_rows("mentions", pd.DataFrame({"value": range(rows)}), "One row per mention.")
    assert len(frame) == shown and list(frame["value"][:3]) == list(range(min(rows, 3)))
    assert description.startswith("One row per mention.")
    assert ("curated/mentions.parquet" in description) is noted
    assert (f"of {rows:,} rows" in description) is noted


def test_write_site_takes_pages_made_one_at_a_time(tmp_path: Path) -> None:
    made: list[str] = []

    def pages() -> Any:
        for name in ("index.html", "articles/a.html"):
            made.append(name)
            yield name, f"<p>{name}</p>"

    write_site(pages(), tmp_path / "report")
    assert made == ["index.html", "articles/a.html"]
    assert (tmp_path / "report" / "articles" / "a.html").read_text() == "<p>articles/a.html</p>"


def test_report_command(corpus_run: tuple[Path, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["report", "--curated", str(corpus_run[0]), "--out", str(out)]) == 0
    assert str((out / "index.html").resolve()) in capsys.readouterr().out
    assert (out / "charts.html").exists()


def test_run_artifact_links_the_report(corpus_run: tuple[Path, Any]) -> None:
    from prefect.artifacts import Artifact

    artifact = Artifact.get("infrafacts-report")
    assert artifact is not None and artifact.type == "markdown"
    text = str(artifact.data)
    assert "Report: [" in text and "index.html" in text and "## Rejected files" in text and "## New facts" in text


def test_artifact_markdown_lists_new_facts_with_links(corpus_run: tuple[Path, Any]) -> None:
    from flows.review.artifact import NEW_FACTS_SHOWN, new_facts, run_markdown

    curated = corpus_run[0]
    tables = read_curated(curated)
    known = {"money": frozenset(tables["money"]["fact_id"][1:])}  # all money facts but the first were known
    fresh = new_facts(tables, known)
    assert len(fresh["money"]) == 1 and len(fresh["power"]) == len(tables["power"])
    text = run_markdown(curated / "report" / "index.html", ["a line"], [("raw/x.txt", "rejected: empty")], fresh,
                        ["no such mention (a:1, line 3)"])
    source = tables["money"].iloc[0]["sources"][0]
    article, start = source.rsplit(":", 1)
    assert f"[{source}]({(curated / 'report' / 'articles' / article).as_uri()}.html#m-{start})" in text
    assert "- `raw/x.txt`: rejected: empty" in text and "- no such mention (a:1, line 3)" in text
    assert f"{len(tables['dates']) - NEW_FACTS_SHOWN} more in the report" in text
