"""Deferred event linking (the queue of facts waiting for their events), and fast views

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

A load no longer links events in every batch: it queues the batch's articles in
``event_link_queue`` (and the events whose reports changed in ``event_refresh_queue``)
in the batch's own transaction, and links them set-based every few batches and at the
end of the run (etl/events/linking.py, ``drain``). Both tables are empty after every
completed run; what a killed run left is drained first by the next one. A database
upgraded to this revision starts with empty queues, which is the state of a completed
run.

Views: four api_v2 views get the same columns and rows from SQL that reads per event
(sql/revisions/0014_event_views/); they computed every event's parties or reports
before returning a row, and cost enough for the server to compile them (JIT), 11-135
ms for ``limit 100`` at 10,000 articles. The headline view
``api_v1.boston_agreements_by_region`` reads a summary table refreshed with the four
aggregate ones (revision 0008's scheme: its query kept as
``kbio_summaries.boston_agreements_by_region_live``), as its full read joined every
agreement party twice (40 ms in the server at 10,000 articles, 460 ms at 100,000).
Columns, types and comments of every view are unchanged.

The event refresh functions of revision 0009 run their statements with EXECUTE
(sql/revisions/0014_event_refresh/), planned for each call's array: a drain passes
thousands of events, and the plans made for an array of ten took seconds.

A data check, frozen in sql/revisions/0014_checks/: facts_have_events_or_wait, every
agreement and visit is in an event or its article is queued.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SQL = Path(__file__).resolve().parents[2] / "sql" / "revisions"
VIEW_FILES = [
    "01_agreement_events.sql",
    "02_agreement_event_mentions.sql",
    "03_visit_event_mentions.sql",
    "04_boston_agreements_by_region_v2.sql",
]
# The same views as revision 0013 froze them, for a downgrade.
EARLIER_VIEW_FILES = [
    "07_agreement_events.sql",
    "08_agreement_event_mentions.sql",
    "10_visit_event_mentions.sql",
    "11_boston_agreements_by_region_v2.sql",
]
SUMMARIZED = [
    "visits_by_region_month",
    "official_trips",
    "agreements_by_region",
    "institution_network",
]
HEADLINE = "boston_agreements_by_region"
CHECK = "facts_have_events_or_wait"
REFRESH_FILES = {
    "refresh_agreement_events": (
        "01_refresh_agreement_events.sql",
        "02_refresh_agreement_events.sql",
    ),
    "refresh_visit_events": ("02_refresh_visit_events.sql", "03_refresh_visit_events.sql"),
}


def _refresh_function(views: list[str]) -> str:
    """kbio_summaries.refresh() over these summaries (as revision 0008 made it)."""
    array = "array[" + ", ".join(f"'{v}'" for v in views) + "]"
    return f"""
        create or replace function kbio_summaries.refresh() returns void language plpgsql as $$
        declare
            v text;
        begin
            foreach v in array {array} loop
                execute format('truncate kbio_summaries.%I', v);
                execute format('insert into kbio_summaries.%I select * from kbio_summaries.%I',
                               v, v || '_live');
            end loop;
        end
        $$
        """


def upgrade() -> None:
    op.create_table(
        "event_link_queue",
        sa.Column("article_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("run_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_event_link_queue_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["etl_runs.run_id"], name=op.f("fk_event_link_queue_run_id_etl_runs")
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_event_link_queue")),
    )
    op.create_table(
        "event_refresh_queue",
        sa.Column("event_kind", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "event_kind in ('agreement', 'visit')", name=op.f("ck_event_refresh_queue_event_kind")
        ),
        sa.PrimaryKeyConstraint("event_kind", "event_id", name=op.f("pk_event_refresh_queue")),
    )
    for name in VIEW_FILES:
        op.execute((SQL / "0014_event_views" / name).read_text(encoding="utf-8"))
    for name, _ in REFRESH_FILES.values():
        op.execute((SQL / "0014_event_refresh" / name).read_text(encoding="utf-8"))
    op.execute(
        f"""
        do $$
        declare
            q text := pg_get_viewdef('api_v1.{HEADLINE}'::regclass, true);
        begin
            execute format('create view kbio_summaries.%I as %s', '{HEADLINE}_live', q);
            execute format('create table kbio_summaries.%I as select * from kbio_summaries.%I',
                           '{HEADLINE}', '{HEADLINE}_live');
            execute format('create or replace view api_v1.%I as select * from kbio_summaries.%I',
                           '{HEADLINE}', '{HEADLINE}');
        end
        $$;
        """
    )
    op.execute(_refresh_function([*SUMMARIZED, HEADLINE]))
    query = (SQL / "0014_checks" / f"{CHECK}.sql").read_text(encoding="utf-8")
    op.execute(f"create view kbio_checks.{CHECK} as\n{query}")
    rule = query.splitlines()[0].removeprefix("-- rule:").strip().replace("'", "''")
    op.execute(f"comment on view kbio_checks.{CHECK} is '{rule}'")
    op.execute(f"grant select on kbio_checks.{CHECK} to kbio_reader")


def downgrade() -> None:
    # Facts still queued would be left without their events by an older kbio, which
    # links in every batch: link them first (any kbio load or reprocess does).
    queued = op.get_bind().execute(sa.text("select count(*) from event_link_queue")).scalar_one()
    if queued:
        raise RuntimeError(
            f"{queued} articles wait for their events: run kbio load or reprocess first"
        )
    op.execute(f"drop view kbio_checks.{CHECK}")
    for function, (_, earlier) in REFRESH_FILES.items():
        op.execute(f"drop function kbio_private.{function}(bigint[], bigint)")
        op.execute((SQL / "0009_events" / earlier).read_text(encoding="utf-8"))
        op.execute(f"revoke all on function kbio_private.{function}(bigint[], bigint) from public")
    op.execute(_refresh_function(SUMMARIZED))
    op.execute(
        f"""
        do $$
        declare
            q text := pg_get_viewdef('kbio_summaries.{HEADLINE}_live'::regclass, true);
        begin
            execute format('create or replace view api_v1.%I as %s', '{HEADLINE}', q);
        end
        $$;
        """
    )
    op.execute(f"drop table kbio_summaries.{HEADLINE}")
    op.execute(f"drop view kbio_summaries.{HEADLINE}_live")
    for name in EARLIER_VIEW_FILES:
        op.execute((SQL / "0013_provenance" / name).read_text(encoding="utf-8"))
    op.drop_table("event_refresh_queue")
    op.drop_table("event_link_queue")
