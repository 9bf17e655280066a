"""What every read module of the store shares: the connection type and row helpers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb

Conn = duckdb.DuckDBPyConnection
NO_LIMIT = 2**62


def dicts(cursor: Conn) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts (column name -> value)."""
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def scalar(conn: Conn, sql: str, params: list[Any] | None = None) -> Any:
    row = conn.execute(sql, params or []).fetchone()
    return row[0] if row else None


def strings(conn: Conn, sql: str, params: list[Any] | None = None) -> list[str]:
    """The first column of every row of a query, as strings."""
    return [str(row[0]) for row in conn.execute(sql, params or []).fetchall()]


def in_transaction(conn: Conn, statements: Iterable[tuple[str, list[Any]]]) -> None:
    """Run the statements in one transaction (all or nothing)."""
    conn.execute("BEGIN TRANSACTION")
    try:
        for sql, params in statements:
            conn.execute(sql, params)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def table_names(conn: Conn) -> list[str]:
    return strings(
        conn,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "ORDER BY table_name",
    )


def table_exists(conn: Conn, name: str) -> bool:
    return name in table_names(conn)
