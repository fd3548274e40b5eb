"""Alembic environment: schema only, one transaction per migration.

kbio passes its open connection in ``config.attributes["connection"]``; run from the
``alembic`` command line, the database is chosen as kbio chooses it (DATABASE_URL,
else the embedded server).
"""

from __future__ import annotations

from alembic import context

from etl.models import metadata

config = context.config


def _include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    # Views live in api_v* schemas and are managed from sql/views, not from models.
    return not (type_ == "table" and reflected and compare_to is None and obj.schema)


def run_migrations(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=metadata,
        transaction_per_migration=True,
        include_object=_include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    from etl.db import connect, resolve_target

    engine = connect(resolve_target())
    with engine.connect() as conn:
        run_migrations(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("kbio migrations run online only: set DATABASE_URL or use `kbio migrate`")
main()
