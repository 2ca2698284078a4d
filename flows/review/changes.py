"""What the corrections changed, as text lines (`infrafacts review`), from the curated `corrections` table."""

from __future__ import annotations

import pandas as pd

from flows.review.table_view import text_of


def change_lines(log: pd.DataFrame) -> list[str]:
    if log.empty:
        return ["no corrections applied (review/corrections.csv has none, or none changed anything)"]
    out = []
    for line, rows in log.groupby("line", sort=True):
        first = rows.iloc[0]
        what = " ".join(text_of(first[c]) for c in ("on_table", "target", "action", "field", "new_value") if
                        text_of(first[c]))
        note = f"  ({first['note']})" if text_of(first["note"]) else ""
        out.append(f"line {line}: {what}{note}")
        for row in rows.to_dict("records"):
            if str(row["outcome"]).startswith("unmatched"):
                out.append(f"    {row['outcome']}")
                continue
            place = f"{row['article_id']}:{row['start']} {row['type']}"
            change = f"{text_of(row['before'])!r} -> {text_of(row['after'])!r}" if row["outcome"] == "changed" \
                else repr(text_of(row["before"]))
            out.append(f"    {row['outcome']} {place}: {change}")
    unmatched = int(log["outcome"].astype(str).str.startswith("unmatched").sum())
    out.append(f"{len(log) - unmatched} rows changed, {unmatched} corrections unmatched")
    return out
