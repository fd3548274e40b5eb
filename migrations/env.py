"""Alembic environment: schema only, one transaction per migration.

Whoever runs the migrations may hand over a Connection or an Engine in
``config.attributes["connection"]`` (kbio passes its connection; pytest-alembic passes
an engine). Run from the ``alembic`` command line, the database is chosen as kbio
chooses it (DATABASE_URL, else the embedded server). Offline (``alembic upgrade head
--sql`` or ``kbio migrate --sql``) prints the DDL for a DBA to review and touches no
database: every revision is plain SQL through ``op``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from etl.migrate import COMPARE_OPTIONS
from etl.models import metadata

config = context.config


def _include_object(obj, name, type_, reflected, compare_to) -> bool:
    # Views live in api_v* schemas and are created from frozen SQL, not from models.
    return not (type_ == "table" and reflected and compare_to is None and obj.schema)


_OPTIONS = {
    "target_metadata": metadata,
    "transaction_per_migration": True,
    "include_object": _include_object,
    **COMPARE_OPTIONS,
}


def run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, **_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    context.configure(dialect_name="postgresql", literal_binds=True, **_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        run_migrations(given)
        return
    if isinstance(given, Engine):
        with given.connect() as conn:
            run_migrations(conn)
            conn.commit()
        return
    from etl.db import connect, resolve_target

    engine = connect(resolve_target())
    with engine.connect() as conn:
        run_migrations(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
