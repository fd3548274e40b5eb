"""The load lock as a table lock in a private schema, instead of an advisory lock

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

Any role may call pg_advisory_lock, so a read-only login could hold the load's lock
and stop every load. A load now holds kbio_private.load_lock in EXCLUSIVE mode for its
duration (released by the server if the holder dies, like the advisory lock). Taking
that mode needs UPDATE, DELETE or TRUNCATE on the table, and naming the table at all
needs USAGE on kbio_private, which no one but its owner has; the only locks another
role can take on it by OID (ACCESS SHARE, through size functions) do not conflict.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("create schema if not exists kbio_private")
    op.execute("revoke all on schema kbio_private from public")
    op.create_table(
        "load_lock",
        sa.Column("lock_id", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("lock_id", name=op.f("pk_load_lock")),
        schema="kbio_private",
        comment="Held in EXCLUSIVE mode by the running load; never has rows.",
    )


def downgrade() -> None:
    op.drop_table("load_lock", schema="kbio_private")
    op.execute("drop schema if exists kbio_private")
