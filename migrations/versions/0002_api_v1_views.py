"""api_v1: the public views, frozen in sql/revisions/0002_api_v1/

The SQL of this revision is a frozen copy and is never edited: a changed view is a new
revision with SQL of its own (a new column at the end of a view), or a new schema.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

# migrations/versions/ -> the project (or the bundle) -> sql/revisions/<revision>
SQL_DIR = Path(__file__).resolve().parents[2] / "sql" / "revisions" / "0002_api_v1"

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FILES = [
    "01_articles.sql",
    "02_places.sql",
    "03_organizations.sql",
    "04_officials.sql",
    "05_mentions.sql",
    "06_visits.sql",
    "07_agreements.sql",
    "08_agreement_parties.sql",
    "09_amounts.sql",
    "10_boston_agreements_by_region.sql",
    "11_visits_by_region_month.sql",
    "12_official_trips.sql",
    "13_agreements_by_region.sql",
    "14_institution_network.sql",
    "15_curation_queue.sql",
    "16_agreement_counts.sql",
]


def upgrade() -> None:
    op.execute("create schema if not exists api_v1")
    for name in FILES:
        op.execute((SQL_DIR / name).read_text(encoding="utf-8"))


def downgrade() -> None:
    op.execute("drop schema api_v1 cascade")
