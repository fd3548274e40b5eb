"""Choosing and connecting to the database.

``DATABASE_URL`` (any libpq URL) wins when set. Otherwise kbio runs an embedded
PostgreSQL through ``pgserver`` with its data in a per-user directory
(``KBIO_DATA_DIR`` overrides it), so a machine with no database still works and
two commands in a row see the same data.
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
)

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
    try:
        engine = create_engine(target.url, pool_pre_ping=True, future=True)
    except ArgumentError as exc:  # options SQLAlchemy reads itself (`?port=abc`)
        first = str(exc).strip().splitlines()[0]
        raise UsageError(f"DATABASE_URL is not usable ({first}): fix it") from None
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
    except OperationalError as exc:
        engine.dispose()
        if _is_configuration_error(exc):
            raise UsageError(f"DATABASE_URL is not usable ({error_line(exc)}): fix it") from None
        raise DatabaseUnreachable(_explain(exc, target)) from None
    except (InterfaceError, ProgrammingError, ValueError) as exc:
        # libpq refuses the URL itself: an unknown option, a malformed parameter.
        engine.dispose()
        cause = getattr(exc, "orig", None) or exc
        first = str(cause).strip().splitlines()[0]
        raise UsageError(f"DATABASE_URL is not usable ({first}): fix it") from None
    return engine


# What libpq says when it refuses an option of the URL before reaching any server
# (`?sslmode=bogus`, `:99999`, `?keepalives=x`, `?hostaddr=name`), and what the server
# says of a bad `?options=-c ...`: the user's configuration, not an unreachable database.
_CONFIGURATION_ERRORS = re.compile(
    r"invalid \w+ value: "
    r"|invalid integer value .* for connection option"
    r"|invalid port number"
    r"|could not parse network address"
    r"|could not match \d+ "
    r"|invalid value for parameter"
    r"|unrecognized configuration parameter"
    r"|requires a value"
)


def error_line(exc: DBAPIError) -> str:
    """The first line of libpq's or the server's own words, for a one-line error."""
    cause = exc.orig if exc.orig is not None else exc
    message = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    # psycopg prefixes libpq's own words; the user needs only libpq's.
    for prefix in ("connection is bad: ", "connection failed: "):
        message = message.removeprefix(prefix)
    return message


def _is_configuration_error(exc: OperationalError) -> bool:
    return bool(_CONFIGURATION_ERRORS.search(error_line(exc)))


# SQLSTATEs of a session the server ended: admin_shutdown (pg_terminate_backend, a
# fast shutdown), crash_shutdown, cannot_connect_now (starting up or shutting down),
# idle_session_timeout, idle_in_transaction_session_timeout; class 08 is the
# connection's own failure.
_ENDED_SESSION = {"57P01", "57P02", "57P03", "57P05", "25P03"}


def connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` says the connection is gone or the server cannot take one (a
    restart, a terminated backend, a network cut), not that a statement was wrong."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    state = getattr(exc.orig, "sqlstate", None)
    if state is None:
        # libpq's own failures (refused, closed unexpectedly) carry no SQLSTATE.
        return isinstance(exc.orig, psycopg.OperationalError)
    return state.startswith("08") or state in _ENDED_SESSION


def _explain(exc: OperationalError, target: Target) -> str:
    message = error_line(exc)
    where = target.describe()
    if "password authentication failed" in message:
        return f"wrong user or password for {where}: check DATABASE_URL"
    if "does not exist" in message:
        return f"{message} on {where}: create it or fix DATABASE_URL"
    return f"cannot reach the database at {where} ({message}): start the server or fix DATABASE_URL"
