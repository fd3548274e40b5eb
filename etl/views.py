"""The public views, as the database lists them.

Migrations create them from SQL frozen beside each revision
(``sql/revisions/<revision>/``). A published view is never edited in place:
a new column comes with a new revision, and a breaking change goes to a new schema.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

CURRENT_SCHEMA = "api_v1"  # what a bare view name means, so that scripts keep working
# Every published version; api_v2 adds the event views (one real-world event, one row).
PUBLIC_SCHEMAS = ("api_v1", "api_v2")


def list_views(conn: Connection, schema: str = CURRENT_SCHEMA) -> list[tuple[str, str | None]]:
    """(view name, its comment) for every view in ``schema``."""
    rows = conn.execute(
        text(
            "select c.relname, obj_description(c.oid, 'pg_class') "
            "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            "where n.nspname = :schema and c.relkind = 'v' order by c.relname"
        ),
        {"schema": schema},
    ).all()
    return [(name, comment) for name, comment in rows]


def list_public_views(conn: Connection) -> list[tuple[str, str | None]]:
    """(schema.view, its comment) for every view of every published version."""
    return [
        (f"{schema}.{name}", comment)
        for schema in PUBLIC_SCHEMAS
        for name, comment in list_views(conn, schema)
    ]
