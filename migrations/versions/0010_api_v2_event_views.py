"""api_v2: the event views, frozen in sql/revisions/0010_api_v2/

agreement_events, agreement_event_mentions, visit_events, visit_event_mentions and
boston_agreements_by_region at event grain. api_v1 is untouched. The reader role
gets api_v2 as it has api_v1 (revision 0003), default privileges included.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

SQL_DIR = Path(__file__).resolve().parents[2] / "sql" / "revisions" / "0010_api_v2"
FILES = [
    "01_agreement_events.sql",
    "02_agreement_event_mentions.sql",
    "03_visit_events.sql",
    "04_visit_event_mentions.sql",
    "05_boston_agreements_by_region.sql",
]

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("create schema api_v2")
    op.execute("comment on schema api_v2 is 'kbio public views, version 2: events across articles'")
    for name in FILES:
        op.execute((SQL_DIR / name).read_text(encoding="utf-8"))
    op.execute("grant usage on schema api_v2 to kbio_reader")
    op.execute("grant select on all tables in schema api_v2 to kbio_reader")
    op.execute("alter default privileges in schema api_v2 grant select on tables to kbio_reader")


def downgrade() -> None:
    op.execute("alter default privileges in schema api_v2 revoke select on tables from kbio_reader")
    op.execute("revoke all on schema api_v2 from kbio_reader")
    op.execute("drop schema api_v2 cascade")
