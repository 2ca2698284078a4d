"""The report in a real browser: Debian's headless Chromium driven by Playwright (never a downloaded browser).
Opens the corpus report, follows a source link to its highlighted mention, filters and sorts a table, draws
the charts, and saves screenshots under tests/artifacts/report/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flows.store.tables import read_table

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "report"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which("chromium") is None,
    reason="no /usr/bin/chromium: `make test` installs Debian's chromium package (apt-get install -y chromium)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert errors == []


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_source_link_opens_the_highlighted_mention(corpus_run: tuple[Path, Any], tab: Any) -> None:
    curated = corpus_run[0]
    tab.goto((curated / "report" / "index.html").as_uri())
    shot(tab, "index")
    link = tab.locator('#deals a.source[href*="#m-"]').first
    source = link.inner_text()
    article_id, start = source.rsplit(":", 1)
    link.click()
    tab.wait_for_url(f"**/articles/{article_id}.html#m-{start}")
    target = tab.locator(":target")
    assert target.evaluate("e => e.tagName") == "MARK"
    mentions = read_table(curated, "mentions")
    row = mentions[(mentions["article_id"] == article_id) & (mentions["start"] == int(start))].iloc[0]
    assert target.evaluate("e => e.firstChild.textContent.trim()") == row["text"]
    assert target.get_attribute("data-type") == row["type"]
    assert "currency = " in target.get_attribute("title")
    assert target.is_visible()
    highlighted = tab.locator("#text mark.entity").count()
    assert highlighted == len(mentions[mentions["article_id"] == article_id])
    colours = {t: tab.locator(f"#text mark.m-{t}").first.evaluate("e => getComputedStyle(e).backgroundColor")
               for t in ("money", "org")}
    assert colours["money"] != colours["org"]
    shot(tab, "article")


def test_tables_filter_and_sort(corpus_run: tuple[Path, Any], tab: Any) -> None:
    tab.goto((corpus_run[0] / "report" / "tables" / "money.html").as_uri())
    rows = tab.locator("table.data tbody tr")
    total = rows.count()
    assert total == len(read_table(corpus_run[0], "money"))
    tab.fill("input.filter", "EUR")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total and all("eur" in r.text_content().lower() for r in visible)
    tab.fill("input.filter", "")
    tab.click('th[data-column="value"]')
    column = [h.get_attribute("data-column") for h in tab.locator("th").all()].index("value")
    values = [float(v) for v in tab.eval_on_selector_all(
        "table.data tbody tr", f"rows => rows.map(r => r.cells[{column}].dataset.sort)") if v]
    assert values == sorted(values) and len(values) > 10
    tab.click('th[data-column="value"]')
    first = tab.eval_on_selector("table.data tbody tr", f"r => r.cells[{column}].dataset.sort")
    assert float(first) == max(values)


def test_charts_draw_offline(corpus_run: tuple[Path, Any], tab: Any) -> None:
    tab.route("http*://**", lambda route: route.abort())  # nothing may come from the network
    tab.goto((corpus_run[0] / "report" / "charts.html").as_uri())
    drawn = tab.locator("div.vega")
    tab.wait_for_function(f"document.querySelectorAll('div.vega svg').length == {drawn.count()}")
    assert drawn.count() >= 3
    assert tab.locator("div.vega svg .mark-rect path").count() > 0
    shot(tab, "charts")
