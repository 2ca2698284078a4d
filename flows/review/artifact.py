"""The run's Prefect markdown artifact: a link to the report, the rejected files, the facts this run added
and the corrections that matched nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from flows.cells import names
from flows.review.table_view import article_href, source_link, text_of

NEW_FACTS_SHOWN = 20  # per table; the report has them all


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def file_url(report: Path, href: str) -> str:
    """A report-relative link as a file:// URL (the anchor kept as an anchor, not escaped into the path)."""
    path, hash_, anchor = href.partition("#")
    return (report / path).as_uri() + hash_ + anchor


def new_facts(tables: Mapping[str, pd.DataFrame], previous: Mapping[str, frozenset[str]]) -> dict[str, pd.DataFrame]:
    """Rows of each fact table whose `fact_id` the previous run did not have."""
    return {
        name: frame[~frame["fact_id"].astype(str).isin(previous.get(name, frozenset()))]
        for name, frame in tables.items()
        if "fact_id" in frame.columns
    }


def _fact_lines(name: str, frame: pd.DataFrame, report: Path) -> list[str]:
    label = "text" if "text" in frame.columns else frame.columns[1]
    out = [f"### {name}: {len(frame)} new", "", "| fact | " + label + " | sources |", "|---|---|---|"]
    for row in frame.head(NEW_FACTS_SHOWN).to_dict("records"):
        links = [source_link(s) for s in names(row.get("sources"))] or [
            source_link(a) for a in names(row.get("article_ids"))
        ]
        cited = ", ".join(f"[{link.text}]({file_url(report, link.href or article_href(link.text))})" for link in links)
        out.append(f"| `{row['fact_id']}` | {_cell(text_of(row.get(label)))} | {cited} |")
    if len(frame) > NEW_FACTS_SHOWN:
        out.append(f"| … | {len(frame) - NEW_FACTS_SHOWN} more in the report | |")
    return [*out, ""]


def run_markdown(index: Path, summary_lines: Iterable[str], rejections: Iterable[tuple[str, str]],
                 fresh: Mapping[str, pd.DataFrame], unmatched: Iterable[str] = ()) -> str:
    """The artifact's markdown; `index` is the report's index page (linked as a file:// URL)."""
    index = index.resolve()
    lines = ["# infrafacts run", "", f"Report: [{index}]({index.as_uri()})", "", "```", *summary_lines, "```", ""]
    rejected = list(rejections)
    lines += ["## Rejected files", ""]
    lines += [f"- `{path}`: {_cell(reason)}" for path, reason in rejected] or ["None."]
    missed = list(unmatched)
    if missed:
        lines += ["", "## Corrections that matched nothing", "", *(f"- {_cell(m)}" for m in missed)]
    lines += ["", "## New facts", ""]
    for name, frame in fresh.items():
        lines += _fact_lines(name, frame, index.parent) if len(frame) else [f"### {name}: none new", ""]
    return "\n".join(lines)
