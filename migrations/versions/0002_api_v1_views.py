"""api_v1: the public views, from sql/views/v1

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

from etl.views import create_views

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
    create_views(op.get_bind(), "v1", FILES)


def downgrade() -> None:
    op.execute("drop schema api_v1 cascade")
