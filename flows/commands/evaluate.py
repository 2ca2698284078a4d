"""`infrafacts evaluate`: score curated mentions against the gold (SCORING.md), and deals (DEALS.md)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from flows.commands import EXIT_OK
from flows.commands.run import add_curated_option
from flows.settings import ENV, Settings

NAME = "evaluate"


def deal_gold_of(gold: Path) -> Path:
    """The deal gold beside a mention gold folder: tests/gold/dev -> tests/gold/deals/dev."""
    return gold.parent / "deals" / gold.name


def add_parser(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser(
        NAME, help="score curated mentions and deals against the hand-annotated gold",
        description="Score curated/mentions.parquet against gold JSONL files with the metrics of SCORING.md: "
        "per type detection P/R/F1, end-to-end P/R/F1 and attribute accuracy (counts summed over articles); "
        "then curated/deal_sources.parquet against the deal gold with the metrics of DEALS.md.",
    )
    settings = Settings.from_env()
    add_curated_option(ev, settings)
    ev.add_argument("--gold", type=Path, default=settings.gold,
                    help=f"gold folder (default: {settings.gold}/, or ${ENV['gold']})")
    ev.add_argument("--deal-gold", type=Path, default=None,
                    help="deal gold folder (default: the folder `deals/<name of --gold>` beside --gold; "
                    "skipped when it does not exist)")
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ev.add_argument("--errors", action="store_true",
                    help="also list every error behind the figures, article by article: gold facts missed, "
                    "predictions no gold fact matches, matched facts whose value or attribute differs")


def handle(args: argparse.Namespace) -> int:
    from flows.evaluation import (
        format_deal_report,
        format_errors,
        format_report,
        load_deal_gold,
        load_gold,
        org_aliases,
        score,
        score_deals,
        scoring_errors,
    )
    from flows.store.tables import read_table

    mentions, gold = read_table(args.curated, "mentions"), load_gold(args.gold)
    warning = overlap_warning({g.article_id for g in gold}, set(read_table(args.curated, "articles")["article_id"]))
    if warning:
        print(f"infrafacts: warning: {warning}", file=sys.stderr)
    report = score(mentions, gold)
    deal_dir = args.deal_gold or deal_gold_of(args.gold)
    deals = score_deals(read_table(args.curated, "deal_sources"), load_deal_gold(deal_dir), org_aliases(gold)) \
        if deal_dir.is_dir() else None
    errors = scoring_errors(mentions, gold) if args.errors else None
    if args.json:
        payload: dict[str, object] = {"mentions": report.rows(), "deals": deals}
        if errors is not None:
            payload["errors"] = [asdict(e) for e in errors]
        print(json.dumps(payload, indent=2))
    else:
        print(format_report(report))
        if deals is not None:
            print(format_deal_report(deals))
        if errors is not None:
            print(format_errors(errors))
    return EXIT_OK


def overlap_warning(gold: set[str], curated: set[str]) -> str | None:
    """Why the scores may mean nothing: gold articles the curated folder does not have."""
    missing = sorted(gold - curated)
    if not missing:
        return None
    if len(missing) == len(gold):
        return (f"none of the {len(gold)} gold articles is in the curated folder: every gold fact counts as missed "
                "(run the flow over the gold's articles, or pass --gold/--curated)")
    return f"{len(missing)} of {len(gold)} gold articles are not in the curated folder: {', '.join(missing)}"
