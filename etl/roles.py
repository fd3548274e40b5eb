"""Login roles for BI tools: members of kbio_reader, which may only read api_v1."""

from __future__ import annotations

import re

from psycopg import sql
from sqlalchemy import Engine, text

from etl.errors import UsageError

READER_ROLE = "kbio_reader"
_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def grant_reader(engine: Engine, login: str, password: str | None = None) -> bool:
    """Create (or update) LOGIN role ``login`` as a member of kbio_reader; True if created."""
    if not _ROLE_NAME.match(login):
        raise UsageError(f"{login!r} is not a valid role name (letters, digits and _; 63 at most)")
    if login == READER_ROLE:
        raise UsageError(f"{READER_ROLE} is the group role; choose another login name")
    with engine.begin() as conn:
        raw = conn.connection.dbapi_connection
        exists = conn.execute(
            text("select 1 from pg_roles where rolname = :n"), {"n": login}
        ).first()
        verb = sql.SQL("alter role") if exists else sql.SQL("create role")
        statement = sql.SQL("{} {} login inherit nosuperuser nocreatedb nocreaterole").format(
            verb, sql.Identifier(login)
        )
        if password is not None:
            statement = sql.SQL("{} password {}").format(statement, sql.Literal(password))
        with raw.cursor() as cursor:
            cursor.execute(statement)
            cursor.execute(
                sql.SQL("grant {} to {}").format(sql.Identifier(READER_ROLE), sql.Identifier(login))
            )
        return not exists
