"""The public contract as a BI administrator and a careless user would try it.

A reader login reads the api_v1 views (and the checks) of the database it was granted
on and nothing else; kbio's read-only commands work with it; write commands say in
one line that they need the ETL's login; mistyped input is a usage error.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from etl import migrate
from etl.cli import cli
from etl.run.runlog import LOCK_STATEMENT
from tests.conftest import SEEDS, Server, cli_env


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _as(url: str, login: str) -> str:
    """The same database, logged in as ``login`` (the test servers trust local logins)."""
    return _libpq(make_url(url).set(username=login, password=None).render_as_string(False))


@pytest.fixture
def migrated(server: Server) -> str:
    """A database migrated from empty (so every revision ran on it), with the seeds."""
    url = server.url(server.create())
    engine = create_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    result = CliRunner().invoke(cli, ["load", str(SEEDS)], env=cli_env(url))
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture
def reader(server: Server, migrated: str, runner: CliRunner) -> Iterator[str]:
    login = f"bi_{uuid.uuid4().hex[:8]}"
    result = runner.invoke(cli, ["grant-reader", login], env=cli_env(migrated))
    assert result.exit_code == 0, result.output
    assert f"created login {login}" in result.output
    yield login
    with psycopg.connect(server.admin_url, autocommit=True) as conn:
        for name in server.created:
            conn.execute(f'revoke all on database "{name}" from "{login}"')
    with psycopg.connect(_libpq(migrated), autocommit=True) as conn:
        conn.execute(f'drop owned by "{login}"')
        conn.execute(f'drop role "{login}"')


def test_reader_reads_the_views_of_its_database(migrated: str, reader: str) -> None:
    with psycopg.connect(_as(migrated, reader)) as conn:
        assert conn.execute("select count(*) from api_v1.articles").fetchone() == (5,)


def test_reader_cannot_reach_another_kbio_database(
    server: Server, migrated: str, reader: str, runner: CliRunner
) -> None:
    other = server.url(server.create())
    engine = create_engine(other)
    migrate.upgrade(engine)
    engine.dispose()
    # Another kbio database that has a reader of its own.
    result = runner.invoke(cli, ["grant-reader", f"{reader}_b"], env=cli_env(other))
    assert result.exit_code == 0, result.output
    try:
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(_as(other, reader))
    finally:
        with psycopg.connect(_libpq(other), autocommit=True) as conn:
            conn.execute(f'drop owned by "{reader}_b"')
            conn.execute(f'drop role "{reader}_b"')


@pytest.mark.parametrize(
    "statement",
    [
        "select count(*) from public.articles",
        "create temporary table scratch (x int)",
        "create table public.scratch (x int)",
        "insert into public.etl_runs (command, status, code_version, extractor_version) "
        "values ('x', 'running', 'x', 'x')",
        LOCK_STATEMENT + " nowait",
    ],
)
def test_reader_can_do_nothing_else(migrated: str, reader: str, statement: str) -> None:
    with (
        psycopg.connect(_as(migrated, reader)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)


def test_reader_cannot_stop_a_load(migrated: str, reader: str, runner: CliRunner) -> None:
    with psycopg.connect(_as(migrated, reader)) as conn:
        conn.execute("select pg_advisory_lock(1801677167)")  # the old load lock's key
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            # A failed statement keeps its locks until the transaction ends.
            conn.execute("select * from kbio_private.load_lock for update")
        result = runner.invoke(cli, ["load", str(SEEDS)], env=cli_env(migrated))
        assert result.exit_code == 0, result.output
        assert "0 loaded, 5 unchanged" in result.output


def test_read_only_commands_work_for_the_reader(
    migrated: str, reader: str, runner: CliRunner
) -> None:
    env = {"DATABASE_URL": _as(migrated, reader)}
    result = runner.invoke(cli, ["query", "articles", "--format", "csv"], env=env)
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 6  # header and the five seeds
    result = runner.invoke(cli, ["status"], env=env)
    assert result.exit_code == 0, result.output
    assert "read-only" in result.output
    assert re.search(r"^api_v1\.articles\s+5$", result.output, re.M)
    result = runner.invoke(cli, ["check"], env=env)
    assert result.exit_code == 0, result.output
    assert "12 passed, 0 failed" in result.output
    for arguments in (["--help"], ["--version"], ["query"]):
        assert runner.invoke(cli, arguments, env=env).exit_code == 0


@pytest.mark.parametrize(
    "arguments", [["load", str(SEEDS)], ["reprocess"], ["migrate"], ["grant-reader", "someone"]]
)
def test_write_commands_refuse_the_reader_in_one_line(
    migrated: str, reader: str, runner: CliRunner, arguments: list[str]
) -> None:
    result = runner.invoke(cli, arguments, env={"DATABASE_URL": _as(migrated, reader)})
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Error:" in result.output


def test_grant_reader_refuses_a_privileged_role(migrated: str, runner: CliRunner) -> None:
    login = f"etl_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(migrated), autocommit=True) as conn:
        conn.execute(f'create role "{login}" login createdb createrole')
    try:
        result = runner.invoke(cli, ["grant-reader", login], env=cli_env(migrated))
        assert result.exit_code == 2
        assert "left unchanged" in result.output
        with psycopg.connect(_libpq(migrated)) as conn:
            row = conn.execute(
                "select rolcreatedb, rolcreaterole, pg_has_role(%s, 'kbio_reader', 'MEMBER') "
                "from pg_roles where rolname = %s",
                (login, login),
            ).fetchone()
        assert row == (True, True, False)
    finally:
        with psycopg.connect(_libpq(migrated), autocommit=True) as conn:
            conn.execute(f'drop role "{login}"')


def test_grant_reader_updates_an_existing_reader(
    migrated: str, reader: str, runner: CliRunner
) -> None:
    result = runner.invoke(cli, ["grant-reader", reader, "--password", "x"], env=cli_env(migrated))
    assert result.exit_code == 0, result.output
    assert f"updated login {reader}" in result.output


def test_missing_path_is_a_usage_error_and_writes_nothing(db_url: str, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["load", "/nonexistent/inbox"], env=cli_env(db_url))
    assert result.exit_code == 2
    assert "no files found in /nonexistent/inbox" in result.output
    with psycopg.connect(_libpq(db_url)) as conn:
        assert conn.execute("select count(*) from etl_runs").fetchone() == (0,)
        assert conn.execute("select count(*) from quarantine").fetchone() == (0,)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://postgres@127.0.0.1:54x/kbio",
        "postgresql://postgres@127.0.0.1:5432/kbio?no_such_option=1",
    ],
)
def test_malformed_database_url_is_one_line_exit_2(runner: CliRunner, url: str) -> None:
    result = runner.invoke(cli, ["status"], env={"DATABASE_URL": url})
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: DATABASE_URL")
    assert len(result.output.strip().splitlines()) == 1


def test_reprocess_exits_1_when_an_article_failed(
    migrated: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import etl.run.workers

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("extractor broke")

    monkeypatch.setattr(etl.run.workers, "transform", broken)
    monkeypatch.setenv("KBIO_WORKERS", "1")
    result = runner.invoke(cli, ["reprocess", "--all"], env=cli_env(migrated))
    assert result.exit_code == 1, result.output
    assert "0 articles re-extracted, 5 failed" in result.output


def test_migrate_sql_prints_the_ddl_without_a_database(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["migrate", "--sql"], env={"DATABASE_URL": ""})
    assert result.exit_code == 0, result.output
    ddl = result.output
    assert "CREATE TABLE articles" in ddl
    assert (
        "create view api_v1.articles" in ddl.lower()
        or "create or replace view api_v1.articles" in ddl.lower()
    )
    assert "kbio_private.load_lock" in ddl
    assert f"UPDATE alembic_version SET version_num='{migrate.head_revision()}'" in ddl


def test_the_reader_reads_api_v2_and_makes_a_report(
    migrated: str, reader: str, runner: CliRunner, tmp_path: Path
) -> None:
    env = {"DATABASE_URL": _as(migrated, reader)}
    with psycopg.connect(env["DATABASE_URL"]) as conn:
        # The seeds report nine agreements, each in one article only: nine events.
        assert conn.execute("select count(*) from api_v2.agreement_events").fetchone() == (9,)
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["report", "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert "10 visits, 4 agreements" in out.read_text(encoding="utf-8")
