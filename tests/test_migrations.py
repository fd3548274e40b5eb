"""Migrations on a real PostgreSQL: one head, up from empty, down and up again, and
models matching what the migrations build."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from etl import migrate
from etl.models import metadata


def test_single_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    # The head read from the revision files' own lines is Alembic's head.
    assert migrate.head_in_files() == script.get_current_head()


def test_upgrade_from_empty_downgrade_and_upgrade_every_revision(empty_db_url: str) -> None:
    engine = create_engine(empty_db_url)
    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert migrate.stamped_revision(engine) is None  # no version table yet
    assert not migrate.is_current(engine)
    for revision in revisions:
        migrate.upgrade(engine, revision)
        assert migrate.current_revision(engine) == revision
        # What a load checks without importing Alembic says the same as Alembic.
        assert migrate.stamped_revision(engine) == revision
        assert migrate.is_current(engine) == (revision == revisions[-1])
        previous = script.get_revision(revision).down_revision or "base"
        migrate.downgrade(engine, previous)
        migrate.upgrade(engine, revision)
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {
        "articles",
        "mentions",
        "visits",
        "agreements",
        "amounts",
        "quarantine",
        "etl_runs",
    } <= tables
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("select count(*) from pg_namespace where nspname = 'api_v1'")
            ).scalar()
            == 0
        )
    engine.dispose()


def test_models_match_migrations(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts=migrate.COMPARE_OPTIONS)
        diff = [d for d in compare_metadata(context, metadata) if not _is_view_schema(d)]
    engine.dispose()
    assert diff == []


def _is_view_schema(diff: object) -> bool:
    # Views in api_v* are not models; alembic may report them as tables to drop.
    return "api_v" in repr(diff)
