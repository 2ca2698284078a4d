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

VIEWS: dict[str, tuple[tuple[str, ...], str]] = {
    "deal_parties": (("deals",), """
        SELECT deal_id, role, party AS organisation, kind, status, country, site, date_start, date_end,
               amount_kind, amount_eur, amount_low_eur, amount_high_eur, amount_usd, power_value_gw, power_low_gw,
               power_high_gw, summary
        FROM (
            SELECT *, 'from' AS role, unnest("from") AS party FROM deals
            UNION ALL SELECT *, 'to' AS role, unnest("to") AS party FROM deals
            UNION ALL SELECT *, 'partners' AS role, unnest(partners) AS party FROM deals
        )"""),
    "money_by_org_year": (("deals",), """
        SELECT organisation, year(CAST(date_start AS DATE)) AS year, country, amount_kind,
               count(*) AS deals, sum(amount_eur) AS eur, sum(amount_low_eur) AS low_eur,
               sum(amount_high_eur) AS high_eur
        FROM deal_parties
        WHERE amount_kind IS NOT NULL AND (role = 'from' OR (role = 'partners' AND kind = 'joint_venture'))
        GROUP BY ALL"""),
    "gw_by_org_country": (("deals",), """
        SELECT organisation, country, count(*) AS deals, sum(power_value_gw) AS gw,
               sum(power_low_gw) AS low_gw, sum(power_high_gw) AS high_gw
        FROM deal_parties
        WHERE power_value_gw IS NOT NULL OR power_low_gw IS NOT NULL
        GROUP BY ALL"""),
    "deal_evidence": (("deals", "deal_sources"), """
        SELECT d.deal_id, d.summary, d.kind, d.status, s.article_id, s.figures, s.sentence
        FROM deals d JOIN deal_sources s USING (deal_id)"""),
    "organisation_facts": (("money", "power", "deals"), """
        SELECT unnest(parties) AS organisation, 'money' AS fact, text, sentence, article_ids FROM money
        UNION ALL SELECT unnest(parties), 'power', text, sentence, article_ids FROM power
        UNION ALL SELECT unnest(parties), 'deal', summary, sentence, article_ids FROM deals"""),
}


def view_statements(tables: Iterable[str]) -> list[str]:
    """CREATE VIEW statements for the views whose tables are all present, in dependency order."""
    present = set(tables)
    return [f'CREATE VIEW "{name}" AS {sql.strip()}' for name, (needs, sql) in VIEWS.items()
            if set(needs) <= present]
