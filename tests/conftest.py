"""Test databases on a real PostgreSQL.

``KBIO_TEST_DATABASE_URL`` (a server URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres)
points the suite at a running server; unset, the suite starts an embedded PostgreSQL
with pgserver in a temporary directory. Each test that writes gets its own database,
copied from a migrated template, and every database made here is dropped at the end.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from etl import migrate
from etl.db import sqlalchemy_url

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles"


class Server:
    """A PostgreSQL server the tests may create databases on."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url  # libpq URL of a maintenance database
        self.created: list[str] = []

    def url(self, database: str) -> str:
        return (
            make_url(sqlalchemy_url(self.admin_url))
            .set(database=database)
            .render_as_string(hide_password=False)
        )

    def libpq_url(self, database: str) -> str:
        return self.url(database).replace("postgresql+psycopg://", "postgresql://", 1)

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(self.admin_url, autocommit=True)

    def create(self, template: str | None = None) -> str:
        name = f"kbio_test_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            if template:
                conn.execute(f'create database "{name}" template "{template}"')
            else:
                conn.execute(f'create database "{name}"')
        self.created.append(name)
        return name

    def drop_all(self) -> None:
        with self._admin() as conn:
            for name in self.created:
                conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    url = os.environ.get("KBIO_TEST_DATABASE_URL")
    handle = None
    if not url:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver

        handle = pgserver.get_server(tmp_path_factory.mktemp("pgdata"), cleanup_mode="stop")
        url = handle.get_uri()
    srv = Server(url)
    yield srv
    srv.drop_all()
    if handle is not None:
        # Close what the CLI tests left open, so the server stops cleanly.
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend'"
            )
        handle.cleanup()


@pytest.fixture(scope="session")
def template_db(server: Server) -> str:
    """A database migrated to head, copied for each test that needs a fresh one."""
    name = server.create()
    engine = create_engine(server.url(name))
    migrate.upgrade(engine)
    engine.dispose()
    return name


@pytest.fixture
def db_url(server: Server, template_db: str) -> str:
    """A fresh, migrated, empty database of this test's own (SQLAlchemy URL)."""
    return server.url(server.create(template=template_db))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = create_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def empty_db_url(server: Server) -> str:
    """A fresh database with no schema at all."""
    return server.url(server.create())


@pytest.fixture(scope="session")
def seeded_db_url(server: Server, template_db: str) -> str:
    """One database with the five seed articles loaded, shared by read-only tests."""
    from etl.run.pipeline import run_load

    url = server.url(server.create(template=template_db))
    eng = create_engine(url)
    summary = run_load(eng, [str(SEEDS)])
    assert summary.loaded == 5, summary.line()
    eng.dispose()
    return url


@pytest.fixture(scope="session")
def seeded_engine(seeded_db_url: str) -> Iterator[Engine]:
    eng = create_engine(seeded_db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def cli_env(url: str) -> dict[str, str]:
    """Environment for invoking the CLI against a test database."""
    return {"DATABASE_URL": url.replace("postgresql+psycopg://", "postgresql://", 1)}


@pytest.fixture
def alembic_config() -> object:
    """pytest-alembic's set-up as its documentation gives it: the script location."""
    from pytest_alembic.config import Config

    from etl.paths import migrations_dir

    return Config(config_options={"script_location": str(migrations_dir())})


@pytest.fixture
def alembic_engine(server: Server) -> Iterator[Engine]:
    """An empty database for pytest-alembic; it hands this engine to migrations/env.py."""
    eng = create_engine(server.url(server.create()))
    yield eng
    eng.dispose()
