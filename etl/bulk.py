"""Bulk writes shared by the load and the event linking: ids reserved from a
sequence in one round trip, and rows sent with COPY."""

from __future__ import annotations

from collections.abc import Iterable

from psycopg import sql
from sqlalchemy import Connection, text


def reserve_ids(conn: Connection, table: str, column: str, count: int) -> list[int]:
    """``count`` fresh ids from the column's identity sequence, in one round trip."""
    if count == 0:
        return []
    return list(
        conn.execute(
            text("select nextval(pg_get_serial_sequence(:t, :c)) from generate_series(1, :n)"),
            {"t": table, "c": column, "n": count},
        ).scalars()
    )


def copy_rows(conn: Connection, table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    """COPY rows into a table (names are ours, never from input; values are data)."""
    raw = conn.connection.dbapi_connection
    statement = sql.SQL("copy {} ({}) from stdin").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
