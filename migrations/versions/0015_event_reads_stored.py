"""Events store what the api_v2 views show of their members

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05

The api_v2 views computed, for every row, what the event's members say: the parties'
names, count and regions (members → agreement_parties → organizations), the best
report's pattern and precision, and the first report in each article. On events with
hundreds of reports that was 1-8 ms for ``limit 100``. The event refresh now stores
them on the event (issue 20):

- ``agreement_events``: parties_ko, parties_en, party_count, is_korea_boston,
  party_organization_ids, pattern_id, confidence;
- ``visit_events``: pattern_id, confidence;
- ``agreement_event_articles`` and ``visit_event_articles``: each event's first report
  in each article reporting it, with what the mentions views show of it (status, date,
  sentence and span, pattern and precision; facts are never updated, only replaced).

What is stored is computed per event by private views that keep revision 0014's SQL
(sql/revisions/0015_event_reads/: ``kbio_private.agreement_event_reads``,
``visit_event_reads``, ``*_event_articles_live``) and written by
``kbio_private.store_*_event_reads(ids)``, which the refresh functions call for the
events they recompute (sql/revisions/0015_event_refresh/). The five api_v2 views read
the stored columns (sql/revisions/0015_event_views/): same columns, types, comments
and rows.

An organization's names, country and Boston area are shown from the stored lists, so a
statement that changes them (a reload of the reference data, a curator's update)
stores the affected events' lists again, by a trigger on ``organizations``. The
visit views still join officials, organizations and places by key (one row each).

A data check, frozen in sql/revisions/0015_checks/: event_reads_current, what every
event stores is what its members say, unless the event waits in event_refresh_queue.

The upgrade stores the reads of every existing event.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[2] / "sql" / "revisions"
READ_FILES = [
    "01_agreement_event_reads.sql",
    "02_agreement_event_articles_live.sql",
    "03_visit_event_reads.sql",
    "04_visit_event_articles_live.sql",
    "05_store_event_reads.sql",
    "06_organizations_trigger.sql",
]
VIEW_FILES = [
    "01_agreement_events.sql",
    "02_agreement_event_mentions.sql",
    "03_visit_events.sql",
    "04_visit_event_mentions.sql",
    "05_boston_agreements_by_region_v2.sql",
]
# The same views as their earlier revisions froze them, for a downgrade.
EARLIER_VIEW_FILES = [
    "0014_event_views/01_agreement_events.sql",
    "0014_event_views/02_agreement_event_mentions.sql",
    "0013_provenance/09_visit_events.sql",
    "0014_event_views/03_visit_event_mentions.sql",
    "0014_event_views/04_boston_agreements_by_region_v2.sql",
]
VISIT_EVENTS = "0013_provenance/09_visit_events.sql"
# The columns of visit_events before this revision, in their order.
VISIT_EVENT_COLUMNS = [
    "visit_event_id",
    "official_id",
    "organization_id",
    "place_id",
    "status",
    "visit_on",
    "visit_end_on",
    "date_precision",
    "first_reported_on",
    "last_reported_on",
    "article_count",
    "copy_count",
    "anchor_from",
    "anchor_to",
    "run_id",
]
REFRESH_FILES = ["01_refresh_agreement_events.sql", "02_refresh_visit_events.sql"]
CHECK = "event_reads_current"
FUNCTIONS = [
    "store_agreement_event_reads(bigint[])",
    "store_visit_event_reads(bigint[])",
    "organizations_changed()",
]


def _event_articles(kind: str, fact_table: str, fact_id: str, date_column: str) -> None:
    table = f"{kind}_event_articles"
    op.create_table(
        table,
        sa.Column(f"{kind}_event_id", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column(fact_id, sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(date_column, sa.Date(), nullable=True),
        sa.Column("sentence_id", sa.BigInteger(), nullable=False),
        sa.Column("char_start", sa.Integer(), nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("pattern_id", sa.String(length=64), nullable=True),
        sa.Column("confidence", sa.REAL(), nullable=True),
        sa.ForeignKeyConstraint(
            [f"{kind}_event_id"],
            [f"{kind}_events.{kind}_event_id"],
            name=op.f(f"fk_{table}_{kind}_event_id_{kind}_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            [fact_id],
            [f"{fact_table}.{fact_id}"],
            name=op.f(f"fk_{table}_{fact_id}_{fact_table}"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(f"{kind}_event_id", "article_id", name=op.f(f"pk_{table}")),
    )
    op.create_index(op.f(f"ix_{table}_{fact_id}"), table, [fact_id])


def upgrade() -> None:
    op.add_column("agreement_events", sa.Column("parties_ko", sa.Text(), nullable=True))
    op.add_column("agreement_events", sa.Column("parties_en", sa.Text(), nullable=True))
    op.add_column(
        "agreement_events",
        sa.Column("party_count", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column(
        "agreement_events",
        sa.Column("is_korea_boston", sa.Boolean(), server_default="false", nullable=False),
    )
    op.add_column(
        "agreement_events",
        sa.Column(
            "party_organization_ids",
            postgresql.ARRAY(sa.BigInteger()),
            server_default="{}",
            nullable=False,
        ),
    )
    for table in ("agreement_events", "visit_events"):
        op.add_column(table, sa.Column("pattern_id", sa.String(length=64), nullable=True))
        op.add_column(table, sa.Column("confidence", sa.REAL(), nullable=True))
    _event_articles("agreement", "agreements", "agreement_id", "signed_on")
    _event_articles("visit", "visits", "visit_id", "visit_on")
    for name in READ_FILES:
        op.execute((SQL / "0015_event_reads" / name).read_text(encoding="utf-8"))
    for function in FUNCTIONS:
        op.execute(f"revoke all on function kbio_private.{function} from public")
    for name in REFRESH_FILES:
        op.execute((SQL / "0015_event_refresh" / name).read_text(encoding="utf-8"))
    # Every existing event's reads, before any view reads them.
    op.execute(
        "select kbio_private.store_agreement_event_reads("
        "array(select agreement_event_id from public.agreement_events))"
    )
    op.execute(
        "select kbio_private.store_visit_event_reads("
        "array(select visit_event_id from public.visit_events))"
    )
    for name in VIEW_FILES:
        op.execute((SQL / "0015_event_views" / name).read_text(encoding="utf-8"))
    query = (SQL / "0015_checks" / f"{CHECK}.sql").read_text(encoding="utf-8")
    op.execute(f"create view kbio_checks.{CHECK} as\n{query}")
    rule = query.splitlines()[0].removeprefix("-- rule:").strip().replace("'", "''")
    op.execute(f"comment on view kbio_checks.{CHECK} is '{rule}'")
    op.execute(f"grant select on kbio_checks.{CHECK} to kbio_reader")


def downgrade() -> None:
    op.execute(f"drop view kbio_checks.{CHECK}")
    for path in EARLIER_VIEW_FILES:
        query = (SQL / path).read_text(encoding="utf-8")
        if path == VISIT_EVENTS:
            # Its `select *` would take this revision's columns too, and keep them from
            # being dropped: first with revision 0014's columns named, then as frozen.
            query = query.replace(
                "select * from public.visit_events",
                f"select {', '.join(VISIT_EVENT_COLUMNS)} from public.visit_events",
            )
        op.execute(query)
    for name in REFRESH_FILES:
        op.execute((SQL / "0014_event_refresh" / name).read_text(encoding="utf-8"))
    op.execute("drop trigger organizations_store_event_reads on public.organizations")
    for function in FUNCTIONS:
        op.execute(f"drop function kbio_private.{function}")
    for view in (
        "visit_event_articles_live",
        "visit_event_reads",
        "agreement_event_articles_live",
        "agreement_event_reads",
    ):
        op.execute(f"drop view kbio_private.{view}")
    op.drop_index(op.f("ix_visit_event_articles_visit_id"), table_name="visit_event_articles")
    op.drop_table("visit_event_articles")
    op.drop_index(
        op.f("ix_agreement_event_articles_agreement_id"), table_name="agreement_event_articles"
    )
    op.drop_table("agreement_event_articles")
    for table in ("visit_events", "agreement_events"):
        op.drop_column(table, "confidence")
        op.drop_column(table, "pattern_id")
    op.execute((SQL / VISIT_EVENTS).read_text(encoding="utf-8"))
    for column in (
        "party_organization_ids",
        "is_korea_boston",
        "party_count",
        "parties_en",
        "parties_ko",
    ):
        op.drop_column("agreement_events", column)
