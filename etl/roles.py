"""Login roles for BI tools: members of kbio_reader, which may only read api_v1 views.

kbio_reader is one role for the whole server; what confines a login to the database it
was granted on is CONNECT, which migration 0005 takes away from PUBLIC and
:func:`grant_reader` gives to the login on this database only.
"""

from __future__ import annotations

import re

import psycopg
from psycopg import sql
from sqlalchemy import Connection, Engine, text

from etl.errors import UsageError

READER_ROLE = "kbio_reader"
_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def is_reader_here(conn: Connection, login: str) -> bool:
    """Whether ``login`` is a plain kbio reader of this database: a LOGIN role with no
    special attributes, whose only membership is kbio_reader, allowed to connect here."""
    row = conn.execute(
        text(
            """
            select r.rolcanlogin
                and not (r.rolsuper or r.rolcreatedb or r.rolcreaterole
                         or r.rolreplication or r.rolbypassrls)
                and array(select g.rolname from pg_auth_members m
                          join pg_roles g on g.oid = m.roleid where m.member = r.oid)
                    = array[:reader]::name[]
                and has_database_privilege(r.oid, current_database(), 'CONNECT')
            from pg_roles r where r.rolname = :login
            """
        ),
        {"login": login, "reader": READER_ROLE},
    ).scalar()
    return bool(row)


def grant_reader(engine: Engine, login: str, password: str | None = None) -> bool:
    """Create LOGIN role ``login`` as a kbio reader of this database, or update one that
    already is; True if created. Any other existing role is refused and left as it is."""
    if not _ROLE_NAME.match(login):
        raise UsageError(f"{login!r} is not a valid role name (letters, digits and _; 63 at most)")
    if login == READER_ROLE:
        raise UsageError(f"{READER_ROLE} is the group role; choose another login name")
    with engine.begin() as conn:
        exists = conn.execute(
            text("select 1 from pg_roles where rolname = :n"), {"n": login}
        ).first()
        if exists and not is_reader_here(conn, login):
            raise UsageError(
                f"role {login} already exists and is not a kbio reader of this database; "
                "it was left unchanged: choose another name"
            )
        raw = conn.connection.dbapi_connection
        with raw.cursor() as cursor:
            if not exists:
                cursor.execute(
                    sql.SQL("create role {} login inherit").format(sql.Identifier(login))
                )
            if password is not None:
                cursor.execute(
                    sql.SQL("alter role {} password {}").format(
                        sql.Identifier(login), sql.Literal(password)
                    )
                )
            cursor.execute(
                sql.SQL("grant {} to {}").format(sql.Identifier(READER_ROLE), sql.Identifier(login))
            )
            database = conn.execute(text("select current_database()")).scalar_one()
            # A database copied from a template lost what migration 0005 revoked:
            # confine readers again whenever one is granted.
            cursor.execute("savepoint confine")
            try:
                cursor.execute(
                    sql.SQL(
                        "grant connect, temporary on database {db} to current_user; "
                        "revoke connect, temporary on database {db} from public"
                    ).format(db=sql.Identifier(database))
                )
            except psycopg.errors.InsufficientPrivilege:
                cursor.execute("rollback to savepoint confine")  # not the owner: as it was
            cursor.execute("release savepoint confine")
            cursor.execute(
                sql.SQL("grant connect on database {} to {}").format(
                    sql.Identifier(database), sql.Identifier(login)
                )
            )
        return not exists
