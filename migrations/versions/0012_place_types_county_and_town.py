"""Places may be counties and towns (US counties of the bio clusters, the towns of
Massachusetts), as the fuller reference data needs.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_BEFORE = "('country', 'state', 'province', 'municipality', 'city', 'district', 'site')"
_AFTER = (
    "('country', 'state', 'province', 'county', 'municipality', 'city', 'town', 'district', "
    "'site')"
)


def upgrade() -> None:
    op.drop_constraint(op.f("ck_places_place_type"), "places", type_="check")
    op.create_check_constraint(op.f("ck_places_place_type"), "places", f"place_type in {_AFTER}")


def downgrade() -> None:
    # Counties and towns go back to what the earlier schema knew: a municipality.
    op.execute("update places set place_type = 'municipality' where place_type in ('county', 'town')")
    op.drop_constraint(op.f("ck_places_place_type"), "places", type_="check")
    op.create_check_constraint(op.f("ck_places_place_type"), "places", f"place_type in {_BEFORE}")
