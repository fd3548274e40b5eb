"""Deferred event linking: the queue of facts waiting for their events

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
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


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


def downgrade() -> None:
    # Facts still queued would be left without their events by an older kbio, which
    # links in every batch: link them first (any kbio load or reprocess does).
    queued = op.get_bind().execute(sa.text("select count(*) from event_link_queue")).scalar_one()
    if queued:
        raise RuntimeError(
            f"{queued} articles wait for their events: run kbio load or reprocess first"
        )
    op.drop_table("event_refresh_queue")
    op.drop_table("event_link_queue")
