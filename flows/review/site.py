"""The report's pages, from the curated tables: `site_files(curated_dir, ...)` yields every file of the site
(relative path, content) one at a time, so a large corpus never holds the whole site in memory;
`flows/store/site.py` writes them atomically.

- `index.html`: the run's counts, rejected files with their reasons, the corrections applied, the deals table;
- `tables/<name>.html`: every curated table, all its columns, sortable and filterable (its first
  `TABLE_PAGE_ROWS` rows: the Parquet file and the exports hold the rest);
- `charts.html`: the charts of `charts.py`;
- `articles/<article_id>.html`: the article's metadata, its text with every mention highlighted, its mentions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import pandas as pd

from extractors.fact_types import FACT_TYPES
from flows.cells import missing, names, records
from flows.curation.corrections import REVIEWED
from flows.curation.deals import DEALS_TABLE
from flows.review.charts import charts
from flows.review.highlight import colours, details, highlight
from flows.review.table_view import SOURCE, TableView, table_view, text_of
from flows.review.texts import article_text
from flows.store.datapackage import table_docs

ASSETS = ("report.css", "report.js")
VEGA_BUNDLE = "assets/vega-embed.js"
CORRECTIONS_TABLE = "corrections"
# A browser sorts and filters 5,000 rows at ease, and the page renders in about a second; a 100 MB corpus
# has ~500,000 mentions (a 700 MB page). The article pages still show every mention in its text.
TABLE_PAGE_ROWS = 5_000
ARTICLES_PER_CHUNK = 200
# Rendering costs measured on 5 MB: ~90 µs per mention of an article page, ~100 µs per row of a table page,
# ~0.45 s for the index and the charts; in cost units, a mention or a table row is one, index and charts 5,000.
FIXED_UNITS = 5_000
NO_ROWS = np.array([], dtype=np.intp)


@dataclass(frozen=True)
class Curated:
    """The curated tables the report shows, by name (articles and mentions always present)."""

    tables: dict[str, pd.DataFrame]

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    @property
    def mentions(self) -> pd.DataFrame:
        return self.tables["mentions"]

    def fact_tables(self) -> dict[str, pd.DataFrame]:
        return {t: self.tables[t] for t in FACT_TYPES.tables() if t in self.tables}

    def published(self) -> dict[str, Any]:
        return dict(zip(self.articles["article_id"], self.articles["published"], strict=True))


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("flows.review", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )


def title_of(article: Mapping[str, Any]) -> str:
    title = article.get("title")
    return str(title) if not missing(title) and str(title) else str(article["article_id"])


def counts(curated: Curated) -> list[tuple[str, int]]:
    status = curated.articles["status"]
    out = [("articles ok", int((status == "ok").sum())), ("articles rejected", int((status != "ok").sum()))]
    out += [(f"mentions: {t}", int((curated.mentions["type"] == t).sum())) for t in FACT_TYPES.names()]
    out += [(f"rows: {name}", len(frame)) for name, frame in curated.tables.items()
            if name not in ("articles", "mentions")]
    if REVIEWED in curated.mentions.columns:
        out.append(("mentions reviewed", int(curated.mentions[REVIEWED].fillna(False).astype(bool).sum())))
    return out


def deals_by_article(deals: pd.DataFrame | None) -> dict[str, dict[int, str]]:
    """article_id -> start of a mention -> the summary (else the id) of the deal it belongs to."""
    out: dict[str, dict[int, str]] = defaultdict(dict)
    if deals is None or "sources" not in deals.columns:
        return out
    labels = deals["summary"] if "summary" in deals.columns else deals["deal_id"]
    for label, sources in zip(labels, deals["sources"], strict=True):
        for source in names(sources):
            match = SOURCE.match(source)
            if match:
                out[match["article"]][int(match["start"])] = str(label)
    return out


def article_page(env: jinja2.Environment, article: Mapping[str, Any], text: str | None,
                 rows: list[dict[str, Any]], deals: Mapping[int, str]) -> str:
    article_id = str(article["article_id"])
    described = [details(r) for r in rows]
    marked = highlight(text, rows, FACT_TYPES.names(), deals, described) if text is not None else None
    listed = [
        {"start": int(r["start"]), "type": r["type"], "text": r["text"], "details": d,
         "deal": deals.get(int(r["start"])), "anchored": marked is None or int(r["start"]) not in marked.shown}
        for r, d in zip(rows, described, strict=True)
    ]
    return env.get_template("article.html.j2").render(
        prefix="../", title=title_of(article), article_id=article_id,
        metadata=[(k, text_of(v)) for k, v in article.items() if text_of(v)],
        text_html=marked.html if marked else None, mentions=listed, colours=colours(FACT_TYPES.names()),
    )


def shown_rows(name: str, frame: pd.DataFrame, description: str) -> tuple[pd.DataFrame, str]:
    """The first TABLE_PAGE_ROWS rows of a table and its description, which says when rows were left out."""
    if len(frame) <= TABLE_PAGE_ROWS:
        return frame, description
    note = (f"Showing the first {TABLE_PAGE_ROWS:,} of {len(frame):,} rows: query curated/{name}.parquet, "
            "curated/infrafacts.duckdb or `infrafacts export` for all of them.")
    return frame.head(TABLE_PAGE_ROWS), f"{description} {note}".strip()


def table_page(env: jinja2.Environment, name: str, frame: pd.DataFrame) -> str:
    frame, description = shown_rows(name, frame, table_docs().get(name, ""))
    view = table_view(name, frame, description=description, prefix="../")
    return env.get_template("table.html.j2").render(prefix="../", title=f"table {name}", table=view)


def deals_view(deals: pd.DataFrame) -> TableView:
    frame, description = shown_rows(DEALS_TABLE, deals, table_docs().get(DEALS_TABLE, ""))
    return table_view(DEALS_TABLE, frame, description=description)


def index_page(env: jinja2.Environment, curated: Curated) -> str:
    articles = curated.articles
    rejected = articles[articles["status"] != "ok"]
    deals = curated.tables.get(DEALS_TABLE)
    corrections = curated.tables.get(CORRECTIONS_TABLE)
    return env.get_template("index.html.j2").render(
        prefix="", title="infrafacts report", counts=counts(curated),
        rejected=[(str(r["article_id"]), str(r["path"]), str(r["status"])) for _, r in rejected.iterrows()],
        articles=[(str(r["article_id"]), title_of(r), text_of(r.get("published"))) for _, r in articles.iterrows()
                  if r["status"] == "ok"],
        tables=[(name, len(frame), table_docs().get(name, "")) for name, frame in curated.tables.items()],
        deals=deals_view(deals) if deals is not None else None,
        corrections=table_view(CORRECTIONS_TABLE, corrections) if corrections is not None else None,
    )


def charts_page(env: jinja2.Environment, curated: Curated) -> str:
    deals = curated.tables.get(DEALS_TABLE, pd.DataFrame(columns=["parties", "currency", "value", "value_gw"]))
    drawn = charts(deals, curated.fact_tables(), curated.published())
    return env.get_template("charts.html.j2").render(
        prefix="", title="charts", charts=drawn, vega_bundle=VEGA_BUNDLE,
        specs={c.key: json.dumps(c.spec) for c in drawn if c.spec is not None},
    )


def site_files(curated_dir: Path, tables: Mapping[str, pd.DataFrame], vega_js: str,
               articles: slice = slice(None)) -> Iterator[tuple[str, str]]:
    """Every file of the report as (relative path, text), rendered one at a time; `vega_js` is the
    vega-embed bundle the charts load. `articles`: only those pages of the ok articles (in table order),
    the others being rendered elsewhere (`article_files`)."""
    curated = Curated(dict(tables))
    env = environment()
    env.globals["nav_tables"] = list(curated.tables)
    yield "index.html", index_page(env, curated)
    yield "charts.html", charts_page(env, curated)
    yield VEGA_BUNDLE, vega_js
    for name in ASSETS:
        yield f"assets/{name}", resources.files("flows.review").joinpath("templates", name).read_text("utf-8")
    for name, frame in curated.tables.items():
        yield f"tables/{name}.html", table_page(env, name, frame)
    yield from article_files(curated_dir, tables, articles, env)


def article_files(curated_dir: Path, tables: Mapping[str, pd.DataFrame], articles: slice = slice(None),
                  env: jinja2.Environment | None = None, nav: Sequence[str] = ()) -> Iterator[tuple[str, str]]:
    """The pages of the ok articles in `articles` (a slice of them, in table order). `tables` needs only
    `articles`, the mentions of those articles and `deals`; `nav`: every table's name, for the menu."""
    curated = Curated(dict(tables))
    if env is None:
        env = environment()
        env.globals["nav_tables"] = list(nav)
    deals = deals_by_article(curated.tables.get(DEALS_TABLE))
    for article, rows in articles_with_mentions(curated, articles):
        article_id = str(article["article_id"])
        yield f"articles/{article_id}.html", article_page(
            env, article, article_text(curated_dir, article), rows, deals[article_id]
        )


def ok_articles(articles: pd.DataFrame) -> list[str]:
    """The ids of the articles that get a page, in table order."""
    return [str(a) for a, status in zip(articles["article_id"], articles["status"], strict=True) if status == "ok"]


def _article_costs(tables: Mapping[str, pd.DataFrame]) -> list[int]:
    counts = tables["mentions"]["article_id"].value_counts()
    return [int(counts.get(a, 0)) + 1 for a in ok_articles(tables["articles"])]


def _page_costs(tables: Mapping[str, pd.DataFrame]) -> int:
    """The index, the charts and the table pages, in cost units."""
    return FIXED_UNITS + sum(min(len(frame), TABLE_PAGE_ROWS) for frame in tables.values())


def report_units(tables: Mapping[str, pd.DataFrame]) -> int:
    """The work of rendering the whole report, in cost units (~90 µs each)."""
    return _page_costs(tables) + sum(_article_costs(tables))


def article_split(tables: Mapping[str, pd.DataFrame], shares: int) -> list[slice]:
    """`shares` consecutive slices of the ok articles whose rendering costs about the same, the first
    (rendered with the index, the charts and the table pages) counting those pages too."""
    costs = _article_costs(tables)  # one per ok article, in table order
    pages = _page_costs(tables)
    total = pages + sum(costs)
    bounds, spent, start = [], pages, 0
    for share in range(1, shares):
        end = start
        while end < len(costs) and spent + costs[end] <= total * share / shares:
            spent += costs[end]
            end += 1
        bounds.append(slice(start, end))
        start = end
    return [*bounds, slice(start, len(costs))]


def articles_with_mentions(curated: Curated, articles: slice = slice(None), chunk: int = ARTICLES_PER_CHUNK
                           ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each ok article's row (of the `articles` slice of them) with its mention rows, converted to dicts a
    chunk of articles at a time (one DataFrame slice per article cost more than the page itself; all at once
    would hold every mention)."""
    rows_of = curated.mentions.groupby("article_id").indices
    ok = [a for a in records(curated.articles) if a["status"] == "ok"][articles]
    for i in range(0, len(ok), chunk):
        part = ok[i : i + chunk]
        found = [rows_of.get(str(a["article_id"]), NO_ROWS) for a in part]
        rows = records(curated.mentions.iloc[np.concatenate([NO_ROWS, *found])])
        ends = np.cumsum([len(f) for f in found]).tolist()
        yield from ((a, rows[end - len(f) : end]) for a, f, end in zip(part, found, ends, strict=True))


def build_site(curated_dir: Path, tables: Mapping[str, pd.DataFrame], vega_js: str) -> dict[str, str]:
    """Every file of the report at once (relative path -> text): for tests and small sites."""
    return dict(site_files(curated_dir, tables, vega_js))
