"""The DuckDB views of `infrafacts.duckdb`: the analyst's usual questions as one short query each.

- `deal_parties`: one row per deal and party, with its role (`from`, `to`, `partners`).
- `money_by_org_year`: money committed per paying organisation (`from`, or a partner of a joint
  venture), year (of the deal's date, null if undated) and country, in EUR, with `amount_kind`
  kept apart (exact, approx, bound, range, vague) so "jusqu'à" is never summed with exact figures.
- `gw_by_org_country`: gigawatts per organisation and country, over the deals that state power.
- `deal_evidence`: each deal with every article stating it: the sentence and the figure offsets.
- `organisation_facts`: every money/power fact and deal of an organisation, with its sentence and articles.
The README shows the queries and their output on `raw/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# view -> (the `table.column`s it needs, `[]` for a list column, and its SQL). A table written empty has
# untyped columns (Parquet `null`, read as INTEGER), which DuckDB cannot unnest: a view needing one is left out.
VIEWS: dict[str, tuple[tuple[str, ...], str]] = {
    "deal_parties": (("deals.from[]", "deals.to[]", "deals.partners[]"), """
        SELECT deal_id, role, party AS organisation, kind, status, country, site, date_start, date_end,
               amount_kind, amount_eur, amount_low_eur, amount_high_eur, amount_usd, power_value_gw, power_low_gw,
               power_high_gw, summary
        FROM (
            SELECT *, 'from' AS role, unnest("from") AS party FROM deals
            UNION ALL SELECT *, 'to' AS role, unnest("to") AS party FROM deals
            UNION ALL SELECT *, 'partners' AS role, unnest(partners) AS party FROM deals
        )"""),
    "money_by_org_year": (("deals.from[]", "deals.to[]", "deals.partners[]"), """
        SELECT organisation, year(CAST(date_start AS DATE)) AS year, country, amount_kind,
               count(*) AS deals, sum(amount_eur) AS eur, sum(amount_low_eur) AS low_eur,
               sum(amount_high_eur) AS high_eur
        FROM deal_parties
        WHERE amount_kind IS NOT NULL AND (role = 'from' OR (role = 'partners' AND kind = 'joint_venture'))
        GROUP BY ALL"""),
    "gw_by_org_country": (("deals.from[]", "deals.to[]", "deals.partners[]"), """
        SELECT organisation, country, count(*) AS deals, sum(power_value_gw) AS gw,
               sum(power_low_gw) AS low_gw, sum(power_high_gw) AS high_gw
        FROM deal_parties
        WHERE power_value_gw IS NOT NULL OR power_low_gw IS NOT NULL
        GROUP BY ALL"""),
    "deal_evidence": (("deals.deal_id", "deal_sources.deal_id"), """
        SELECT d.deal_id, d.summary, d.kind, d.status, s.article_id, s.figures, s.sentence
        FROM deals d JOIN deal_sources s USING (deal_id)"""),
    "organisation_facts": (("money.parties[]", "power.parties[]", "deals.parties[]"), """
        SELECT unnest(parties) AS organisation, 'money' AS fact, text, sentence, article_ids FROM money
        UNION ALL SELECT unnest(parties), 'power', text, sentence, article_ids FROM power
        UNION ALL SELECT unnest(parties), 'deal', summary, sentence, article_ids FROM deals"""),
}


def view_statements(columns: Iterable[str]) -> list[str]:
    """CREATE VIEW statements, in dependency order, for the views whose `table.column`s are all usable."""
    usable = set(columns)
    return [f'CREATE VIEW "{name}" AS {sql.strip()}' for name, (needs, sql) in VIEWS.items()
            if set(needs) <= usable]


def usable_columns(con: Any) -> list[str]:
    """`table.column` of every column of the database, with `[]` after a list column."""
    rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall()
    return [f"{table}.{column}{'[]' if dtype.endswith('[]') else ''}" for table, column, dtype in rows]


def create_views(con: Any) -> None:
    """The analyst views over the tables of an open DuckDB connection."""
    for statement in view_statements(usable_columns(con)):
        con.execute(statement)
