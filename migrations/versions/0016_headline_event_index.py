"""A partial index for the headline view of events: the signed Korea–Boston events

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05

``api_v2.boston_agreements_by_region`` reads the events that are signed and Korea–Boston
(``is_korea_boston``, stored since 0015). A full reprocess rewrites every event row, and
until the emptied pages are reused the first 100 such events sit behind them: a
sequential scan read 1,650 pages for 132 rows at 10,000 articles (1.2 ms). Through this
index it reads those rows only. No view changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_agreement_events_signed_korea_boston",
        "agreement_events",
        ["agreement_event_id"],
        postgresql_where=sa.text("status = 'signed' and is_korea_boston"),
    )


def downgrade() -> None:
    op.drop_index("ix_agreement_events_signed_korea_boston", table_name="agreement_events")
