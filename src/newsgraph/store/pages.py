"""Reads about pages and runs: what the ingest chain asks before writing, and the ledger.

``page_states`` (is this content stored already?), the dedup twins (``articles_with_
body_hash``, ``band_matches``, ``signatures``), and what a person asks of the ledger:
rows per table, failures, runs, pages by status.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .outcomes import PageState
from .sql import NO_LIMIT, Conn, dicts, scalar, table_names


def page_id(location: str) -> str:
    """The stable id of a page location."""
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:16]


def page_states(conn: Conn, page_ids: list[str]) -> dict[str, PageState]:
    rows = conn.execute(
        "SELECT page_id, location, content_hash, status, article_id, reason FROM pages "
        "WHERE page_id IN (SELECT unnest(?))",
        [page_ids],
    ).fetchall()
    return {r[0]: PageState(*r) for r in rows}


def has_page(conn: Conn, location: str, content_hash: str) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM pages WHERE page_id = ? AND content_hash = ?",
        [page_id(location), content_hash],
    ).fetchone()
    return bool(row and row[0])


def articles_with_body_hash(conn: Conn, hashes: list[str]) -> list[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT body_hash, article_id, location FROM articles "
        "WHERE body_hash IN (SELECT unnest(?)) ORDER BY ingested_at, article_id",
        [hashes],
    ).fetchall()
    return [(str(h), str(a), str(loc)) for h, a, loc in rows]


def band_matches(conn: Conn, buckets: list[int]) -> list[tuple[int, int, str, str]]:
    rows = conn.execute(
        "SELECT b.band, b.bucket, b.article_id, a.location FROM lsh_bands b "
        "JOIN articles a USING (article_id) WHERE b.bucket IN (SELECT unnest(?::BIGINT[]))",
        [buckets],
    ).fetchall()
    return [(int(b), int(k), str(a), str(loc)) for b, k, a, loc in rows]


def signatures(conn: Conn, article_ids: list[str]) -> dict[str, bytes]:
    rows = conn.execute(
        "SELECT article_id, signature FROM minhashes WHERE article_id IN (SELECT unnest(?))",
        [article_ids],
    ).fetchall()
    return {str(a): bytes(s) for a, s in rows}


def counts(conn: Conn) -> dict[str, int]:
    """Rows per table."""
    result: dict[str, int] = {}
    for name in table_names(conn):
        row = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()
        result[name] = int(row[0]) if row else 0
    return result


def page_statuses(conn: Conn) -> dict[str, int]:
    """Pages by status (article, duplicate, failed)."""
    rows = conn.execute("SELECT status, count(*) FROM pages GROUP BY status").fetchall()
    return {str(status): int(n) for status, n in rows}


def failures(conn: Conn, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Pages that failed, by location, with their one-line reasons."""
    return dicts(
        conn.execute(
            "SELECT location, reason, run_id, ingested_at FROM pages WHERE status = 'failed' "
            "ORDER BY location LIMIT ? OFFSET ?",
            [limit if limit is not None else NO_LIMIT, offset],
        )
    )


def count_failures(conn: Conn) -> int:
    return int(scalar(conn, "SELECT count(*) FROM pages WHERE status = 'failed'") or 0)


# -- stored, not coded ----------------------------------------------------------------
# An article is "stored, not coded" when its note says why: its language is not coded
# (extract's language note ends in "stored, not coded") or the coder failed on it (the
# ingest chain's note starts "not coded: ").  ``not_coded_reason`` and ``_REASON_SQL``
# say the same, for one article and for the store.

LANGUAGE_NOTE = "stored, not coded"
CODER_NOTE = "not coded: "


def not_coded_reason(note: str | None, language: str | None) -> str | None:
    """Why an article was stored but not coded ("language fr", "coder error"), or None."""
    if not note:
        return None
    if LANGUAGE_NOTE in note:
        return f"language {language or 'unknown'}"
    if CODER_NOTE in note:
        return "coder error"
    return None


_REASON_SQL = (
    f"CASE WHEN a.note LIKE '%{LANGUAGE_NOTE}%' THEN 'language ' || coalesce(a.language, 'unknown') "
    f"WHEN a.note LIKE '%{CODER_NOTE}%' THEN 'coder error' END"
)
_NOT_CODED = (
    "FROM articles a JOIN pages p ON p.page_id = a.page_id AND p.article_id = a.article_id "
    f"WHERE p.status = 'article' AND NOT a.coded AND ({_REASON_SQL}) IS NOT NULL"
)


def not_coded(
    conn: Conn,
    run_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
    page_ids: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Articles stored but not coded (of one run, or all; of these pages, or all):
    location, reason, note."""
    params: list[Any] = [run_id] if run_id is not None else []
    where = "AND a.run_id = ?" if run_id is not None else ""
    if page_ids is not None:
        where += " AND a.page_id IN (SELECT unnest(?))"
        params.append(page_ids)
    return dicts(
        conn.execute(
            f"SELECT a.article_id, a.location, {_REASON_SQL} AS reason, a.language, a.note, "
            f"a.run_id {_NOT_CODED} {where} ORDER BY a.location LIMIT ? OFFSET ?",
            [*params, limit if limit is not None else NO_LIMIT, offset],
        )
    )


def not_coded_counts(conn: Conn) -> dict[str, int]:
    """Articles stored but not coded, by reason ("language fr", "coder error")."""
    rows = conn.execute(
        f"SELECT {_REASON_SQL} AS reason, count(*) {_NOT_CODED} GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return {str(reason): int(n) for reason, n in rows}


def runs(conn: Conn) -> list[dict[str, Any]]:
    return dicts(conn.execute("SELECT * FROM runs ORDER BY run_id"))
