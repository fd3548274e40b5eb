"""kbio_reader: a NOLOGIN role that may read the api_v1 views and nothing else

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

Roles are cluster-wide, grants are per database. The role is created when missing
(so several kbio databases on one server share it) and never dropped while another
database still grants it something. Default privileges make views added to api_v1
later by the migrating role readable too.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        do $$
        begin
            if not exists (select from pg_roles where rolname = 'kbio_reader') then
                create role kbio_reader nologin;
            end if;
            -- Before PostgreSQL 15 everyone may create objects in schema public.
            if current_setting('server_version_num')::int < 150000 then
                revoke create on schema public from public;
            end if;
        end
        $$;
        """
    )
    op.execute("grant usage on schema api_v1 to kbio_reader")
    op.execute("grant select on all tables in schema api_v1 to kbio_reader")
    op.execute("alter default privileges in schema api_v1 grant select on tables to kbio_reader")


def downgrade() -> None:
    op.execute("alter default privileges in schema api_v1 revoke select on tables from kbio_reader")
    op.execute("revoke select on all tables in schema api_v1 from kbio_reader")
    op.execute("revoke usage on schema api_v1 from kbio_reader")
    op.execute(
        """
        do $$
        begin
            drop role kbio_reader;
        exception when dependent_objects_still_exist then
            null;  -- another database still grants it something: leave the role
        end
        $$;
        """
    )
