"""Choosing and connecting to the database.

``DATABASE_URL`` (any libpq URL) wins when set. Otherwise kbio runs an embedded
PostgreSQL through ``pgserver`` with its data in a per-user directory
(``KBIO_DATA_DIR`` overrides it), so a machine with no database still works and
two commands in a row see the same data.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError, ProgrammingError

from etl.errors import DatabaseUnreachable, UsageError

EMBEDDED_DATABASE = "kbio"

_embedded: Any = None  # the pgserver handle, kept alive for the life of the process


@dataclass(frozen=True)
class Target:
    url: str  # SQLAlchemy URL (postgresql+psycopg://...)
    embedded: bool

    def describe(self) -> str:
        if self.embedded:
            return f"embedded PostgreSQL in {data_dir()}"
        return make_url(self.url).render_as_string(hide_password=True)


def data_dir() -> Path:
    configured = os.environ.get("KBIO_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("kbio")) / "pgdata"


def sqlalchemy_url(libpq_url: str) -> str:
    """Accept the URLs users write (postgres://, postgresql://) and pick the psycopg 3 driver."""
    scheme, sep, rest = libpq_url.partition("://")
    if not sep or scheme not in ("postgres", "postgresql", "postgresql+psycopg"):
        raise UsageError("DATABASE_URL must look like postgresql://user:password@host:5432/dbname")
    return f"postgresql+psycopg://{rest}"


def _start_embedded() -> str:
    global _embedded
    if _embedded is None:
        with warnings.catch_warnings():
            # pgserver asks platformdirs for a runtime dir, which warns on servers
            # without XDG_RUNTIME_DIR; the fallback it takes is fine.
            warnings.simplefilter("ignore")
            import pgserver

        directory = data_dir()
        directory.mkdir(parents=True, exist_ok=True)
        # cleanup_mode="stop": the server stops when the last process using it exits,
        # and a server already running on this directory is reused.
        _embedded = pgserver.get_server(directory, cleanup_mode="stop")
        exists = _embedded.psql(f"select 1 from pg_database where datname = '{EMBEDDED_DATABASE}';")
        if "(1 row)" not in exists:
            _embedded.psql(f"create database {EMBEDDED_DATABASE};")
    uri = _embedded.get_uri(EMBEDDED_DATABASE)
    return sqlalchemy_url(uri)


def resolve_target(url: str | None = None) -> Target:
    """The database to use: an explicit URL, then DATABASE_URL, then the embedded server."""
    url = url or os.environ.get("DATABASE_URL") or None
    if url:
        try:
            parsed = sqlalchemy_url(url)
            make_url(parsed)
        except (ArgumentError, ValueError) as exc:
            first = str(exc).splitlines()[0]
            raise UsageError(
                f"DATABASE_URL is not a valid URL ({first}): check host, port and name"
            ) from None
        return Target(parsed, embedded=False)
    return Target(_start_embedded(), embedded=True)


def connect(target: Target) -> Engine:
    """An engine whose first connection has been checked, with a one-line error if not."""
    engine = create_engine(target.url, pool_pre_ping=True, future=True)
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnreachable(_explain(exc, target)) from None
    except (InterfaceError, ProgrammingError, ValueError) as exc:
        # libpq refuses the URL itself: an unknown option, a malformed parameter.
        engine.dispose()
        cause = getattr(exc, "orig", None) or exc
        first = str(cause).strip().splitlines()[0]
        raise UsageError(f"DATABASE_URL is not usable ({first}): fix it") from None
    return engine


def _explain(exc: OperationalError, target: Target) -> str:
    message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    where = target.describe()
    if "password authentication failed" in message:
        return f"wrong user or password for {where}: check DATABASE_URL"
    if "does not exist" in message:
        return f"{message} on {where}: create it or fix DATABASE_URL"
    return f"cannot reach the database at {where} ({message}): start the server or fix DATABASE_URL"
