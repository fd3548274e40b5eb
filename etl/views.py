"""The public views: created by migrations from ``sql/views/<version>/*.sql``.

A published view is never edited in place: additions go into new files applied by a
new migration, and a breaking change goes to a new schema (``api_v2``).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from etl.paths import sql_dir

CURRENT_SCHEMA = "api_v1"


def view_sql(version: str, file_name: str) -> str:
    return (sql_dir() / "views" / version / file_name).read_text(encoding="utf-8")


def create_views(conn: Connection, version: str, file_names: list[str]) -> None:
    """Run each view file; the files create the views and their comments."""
    conn.exec_driver_sql(f"create schema if not exists api_{version}")
    for name in file_names:
        conn.exec_driver_sql(view_sql(version, name))


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
