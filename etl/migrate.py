"""Running Alembic migrations from kbio (upgrade, downgrade, current revision)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from etl.paths import migrations_dir

# Autogenerate compares the tables of these schemas only: the views in api_v* and the
# checks in kbio_checks are created from frozen SQL, not from the models.
MODEL_SCHEMAS = (None, "public", "kbio_private")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return type_ != "schema" or name in MODEL_SCHEMAS


COMPARE_OPTIONS = {"compare_type": True, "include_schemas": True, "include_name": include_name}


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def upgrade_sql(start: str | None, revision: str = "head") -> str:
    """The DDL that upgrading from ``start`` (None: an empty database) to ``revision``
    would run, without touching any database (Alembic's offline mode)."""
    import contextlib
    import io

    buffer = io.StringIO()
    config = alembic_config()
    config.output_buffer = buffer
    with contextlib.redirect_stdout(buffer):
        command.upgrade(config, f"{start}:{revision}" if start else revision, sql=True)
    return buffer.getvalue()


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
