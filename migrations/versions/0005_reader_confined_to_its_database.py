"""Readers confined to their database: no CONNECT or TEMP for PUBLIC here

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22

kbio_reader is a cluster-wide role and every kbio database grants it SELECT on its
api_v1 views; what keeps a reader of database A out of database B is CONNECT, which
PostgreSQL grants to PUBLIC on every database. This revision takes CONNECT and
TEMPORARY away from PUBLIC on this database (the migrating role keeps both), and
`kbio grant-reader` grants CONNECT to each login on the database it was run against.
A role that is not the database's owner cannot change its privileges: the revision
then warns and changes nothing, and readers stay confined only by the api_v1 grants.
Existing reader logins need `kbio grant-reader NAME` again after this upgrade.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        do $$
        begin
            execute format('grant connect, temporary on database %I to %I',
                           current_database(), current_user);
            execute format('revoke connect, temporary on database %I from public',
                           current_database());
        exception when insufficient_privilege then
            raise warning 'kbio: only the owner of database % can take CONNECT and TEMP '
                          'from PUBLIC; readers of other kbio databases may connect here',
                          current_database();
        end
        $$;
        """
    )


def downgrade() -> None:
    op.execute(
        """
        do $$
        begin
            execute format('grant connect, temporary on database %I to public',
                           current_database());
        exception when insufficient_privilege then
            null;
        end
        $$;
        """
    )
