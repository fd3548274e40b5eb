"""Provenance of every fact: the pattern that produced it and that pattern's precision.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

Facts (mentions, visits, agreements, agreement counts, amounts) get ``pattern_id`` and
``confidence``. The public views that show facts get both as new columns at the end
(allowed by the api_v1 contract), frozen in sql/revisions/0013_provenance/; the api_v2
event views show the event's best report. Facts written before this revision have NULL
in both until ``kbio reprocess``.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[2] / "sql" / "revisions"
TABLES = ["mentions", "visits", "agreements", "agreement_counts", "amounts"]
FILES = [
    "01_mentions.sql",
    "02_visits.sql",
    "03_agreements.sql",
    "04_amounts.sql",
    "05_agreement_counts.sql",
    "06_boston_agreements_by_region.sql",
    "07_agreement_events.sql",
    "08_agreement_event_mentions.sql",
    "09_visit_events.sql",
    "10_visit_event_mentions.sql",
    "11_boston_agreements_by_region_v2.sql",
]
# The same views as their earlier revisions froze them, for a downgrade.
EARLIER = {
    "api_v1.mentions": "0002_api_v1/05_mentions.sql",
    "api_v1.visits": "0002_api_v1/06_visits.sql",
    "api_v1.agreements": "0002_api_v1/07_agreements.sql",
    "api_v1.amounts": "0002_api_v1/09_amounts.sql",
    "api_v1.agreement_counts": "0002_api_v1/16_agreement_counts.sql",
    "api_v1.boston_agreements_by_region": "0002_api_v1/10_boston_agreements_by_region.sql",
    "api_v2.agreement_events": "0010_api_v2/01_agreement_events.sql",
    "api_v2.agreement_event_mentions": "0010_api_v2/02_agreement_event_mentions.sql",
    "api_v2.visit_events": "0010_api_v2/03_visit_events.sql",
    "api_v2.visit_event_mentions": "0010_api_v2/04_visit_event_mentions.sql",
    "api_v2.boston_agreements_by_region": "0010_api_v2/05_boston_agreements_by_region.sql",
}


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("pattern_id", sa.String(length=64), nullable=True))
        op.add_column(table, sa.Column("confidence", sa.REAL(), nullable=True))
    for name in FILES:
        op.execute((SQL / "0013_provenance" / name).read_text(encoding="utf-8"))


def downgrade() -> None:
    # A view loses columns only by being made again: drop the new ones, run the old SQL.
    # Views that read them (the summaries' live queries of revision 0008) are kept as
    # the database holds them, dropped first and made again last.
    conn = op.get_bind()
    dependents = conn.execute(
        sa.text(
            """
            select distinct view.oid::regclass::text as name,
                   pg_get_viewdef(view.oid, true) as query
            from pg_depend as dependency
            inner join pg_rewrite as rule on rule.oid = dependency.objid
            inner join pg_class as view on view.oid = rule.ev_class
            where dependency.refobjid = any(cast(:views as regclass[]))
              and view.oid <> dependency.refobjid
            """
        ),
        {"views": list(EARLIER)},
    ).all()
    dependents = [(name, query) for name, query in dependents if name not in EARLIER]
    for name, _ in dependents:
        op.execute(f"drop view {name}")
    for view in reversed(EARLIER):
        op.execute(f"drop view {view}")
    for table in reversed(TABLES):
        op.drop_column(table, "confidence")
        op.drop_column(table, "pattern_id")
    for view, path in EARLIER.items():
        op.execute((SQL / path).read_text(encoding="utf-8"))
    for name, query in dependents:
        op.execute(f"create view {name} as {query}")
