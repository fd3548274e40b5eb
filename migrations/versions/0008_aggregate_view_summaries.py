"""The aggregate question views read summary tables refreshed by each load

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22

visits_by_region_month, official_trips, agreements_by_region and institution_network
scanned every fact on each query (0.3-1.2 s at 100,000 articles). Their queries are
kept as views in kbio_summaries (``<name>_live``), their rows in tables of the same
name, refreshed by ``kbio_summaries.refresh()`` at the end of every load and reprocess;
the api_v1 views now read those tables. Their api_v1 columns, types and comments do
not change (CREATE OR REPLACE keeps them). The live queries are taken from the views
as the database holds them, so this revision carries no copy of their SQL.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

VIEWS = ["visits_by_region_month", "official_trips", "agreements_by_region", "institution_network"]
_ARRAY = "array[" + ", ".join(f"'{v}'" for v in VIEWS) + "]"


def upgrade() -> None:
    op.execute("create schema kbio_summaries")
    op.execute(
        f"""
        do $$
        declare
            v text;
            q text;
        begin
            foreach v in array {_ARRAY} loop
                q := pg_get_viewdef(format('api_v1.%I', v)::regclass, true);
                execute format('create view kbio_summaries.%I as %s', v || '_live', q);
                execute format('create table kbio_summaries.%I as select * from kbio_summaries.%I',
                               v, v || '_live');
                execute format('create or replace view api_v1.%I as select * from kbio_summaries.%I',
                               v, v);
            end loop;
        end
        $$;
        """
    )
    op.execute(
        f"""
        create function kbio_summaries.refresh() returns void language plpgsql as $$
        declare
            v text;
        begin
            foreach v in array {_ARRAY} loop
                execute format('truncate kbio_summaries.%I', v);
                execute format('insert into kbio_summaries.%I select * from kbio_summaries.%I',
                               v, v || '_live');
            end loop;
        end
        $$
        """
    )
    op.execute("revoke all on function kbio_summaries.refresh() from public")


def downgrade() -> None:
    op.execute(
        f"""
        do $$
        declare
            v text;
            q text;
        begin
            foreach v in array {_ARRAY} loop
                q := pg_get_viewdef(format('kbio_summaries.%I', v || '_live')::regclass, true);
                execute format('create or replace view api_v1.%I as %s', v, q);
            end loop;
        end
        $$;
        """
    )
    op.execute("drop schema kbio_summaries cascade")
