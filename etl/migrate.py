"""Running Alembic migrations from kbio (upgrade, downgrade, current revision).

Alembic is imported only by the commands that migrate: every load checks that the
schema is current, and importing Alembic for that costs a seventh of a second, a
sixth of an unchanged reload; ``is_current`` reads the version table and the
revision files' ids directly instead.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from etl.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# Autogenerate compares the tables of these schemas only: the views in api_v* and the
# checks in kbio_checks are created from frozen SQL, not from the models.
MODEL_SCHEMAS = (None, "public", "kbio_private")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return type_ != "schema" or name in MODEL_SCHEMAS


COMPARE_OPTIONS = {"compare_type": True, "include_schemas": True, "include_name": include_name}


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def upgrade_sql(start: str | None, revision: str = "head") -> str:
    """The DDL that upgrading from ``start`` (None: an empty database) to ``revision``
    would run, without touching any database (Alembic's offline mode)."""
    import contextlib
    import io

    from alembic import command

    buffer = io.StringIO()
    config = alembic_config()
    config.output_buffer = buffer
    with contextlib.redirect_stdout(buffer):
        command.upgrade(config, f"{start}:{revision}" if start else revision, sql=True)
    return buffer.getvalue()


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


_REVISION = re.compile(r"^revision\s*=\s*['\"](\w+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*['\"](\w+)['\"]", re.MULTILINE)


@functools.cache
def head_in_files() -> str | None:
    """The head revision read from the revision files' ``revision`` and
    ``down_revision`` lines (one linear history; a test checks it against Alembic)."""
    revisions, parents = set(), set()
    for path in migrations_dir().glob("versions/*.py"):
        source = path.read_text(encoding="utf-8")
        if found := _REVISION.search(source):
            revisions.add(found[1])
        if found := _DOWN_REVISION.search(source):
            parents.add(found[1])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stamped_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with, read from Alembic's version table."""
    with engine.connect() as conn:
        if conn.execute(text("select to_regclass('alembic_version')")).scalar() is None:
            return None
        return conn.execute(text("select version_num from alembic_version")).scalar()


def is_current(engine: Engine) -> bool:
    head = head_in_files()
    if head is None:  # not one linear history: let Alembic say
        return current_revision(engine) == head_revision()
    return stamped_revision(engine) == head
