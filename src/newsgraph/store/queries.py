"""Read queries on an open store connection, always with bound parameters.

Filters are assembled from fixed SQL fragments; only values travel as parameters.
Dates in the store are ISO strings of varying precision (YYYY, YYYY-MM, YYYY-MM-DD):
a date matches ``since``/``until`` when the period it names overlaps the range.
"""

from __future__ import annotations

import hashlib
from typing import Any

import duckdb

from .filters import WHEN, article_where, event_where, period_end, period_start
from .outcomes import PageState

__all__ = ["period_end", "period_start"]

Conn = duckdb.DuckDBPyConnection


def page_id(location: str) -> str:
    """The stable id of a page location."""
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:16]


def _dicts(cursor: Conn) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# -- pipeline lookups ---------------------------------------------------------------


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


# -- questions people ask -----------------------------------------------------------


def counts(conn: Conn) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
    ]
    result: dict[str, int] = {}
    for name in names:
        row = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()
        result[name] = int(row[0]) if row else 0
    return result


def articles(
    conn: Conn,
    outlet: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    where, params = article_where("a.", outlet, language, since, until)
    sql = (
        "SELECT a.article_id, a.outlet, a.published, a.title, a.language, a.coded, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events, "
        "(SELECT count(*) FROM duplicates d WHERE d.of_article_id = a.article_id) AS copies, "
        "a.url, a.location FROM articles a WHERE "
        + where
        + " ORDER BY a.published NULLS LAST, a.location LIMIT ? OFFSET ?"
    )
    params += [limit if limit is not None else 2**62, offset]
    return _dicts(conn.execute(sql, params))


def article(conn: Conn, ident: str) -> dict[str, Any] | None:
    rows = _dicts(
        conn.execute(
            "SELECT * EXCLUDE (run_id) FROM articles WHERE article_id = ? OR page_id = ? "
            "OR location = ? ORDER BY (article_id = ?) DESC LIMIT 1",
            [ident, ident, ident, ident],
        )
    )
    if not rows:
        dup = conn.execute(
            "SELECT of_article_id FROM duplicates WHERE page_id = ? OR location = ?", [ident, ident]
        ).fetchone()
        return article(conn, str(dup[0])) if dup and dup[0] != ident else None
    found = rows[0]
    aid = found["article_id"]
    found["copies"] = _dicts(
        conn.execute(
            "SELECT page_id, location, url, outlet, published, kind, similarity FROM duplicates "
            "WHERE of_article_id = ? ORDER BY location",
            [aid],
        )
    )
    found["events"] = events(conn, article_id=aid)
    found["quotes"] = _dicts(
        conn.execute(
            "SELECT text, speaker_text, speaker_code, verb, sentence_index FROM quotes "
            "WHERE article_id = ? ORDER BY quote_index",
            [aid],
        )
    )
    return found


def events(
    conn: Conn,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events with their article's outlet and date; actors as lists of dicts."""
    where, params = event_where(
        actor=actor,
        dyad=dyad,
        type=type,
        since=since,
        until=until,
        outlet=outlet,
        article_id=article_id,
    )
    sql = (
        "SELECT e.*, a.outlet, a.published, a.url, a.title FROM events e "
        "JOIN articles a USING (article_id) WHERE "
        + where
        + f" ORDER BY {WHEN} NULLS LAST, e.article_id, e.start, e.event_id LIMIT ? OFFSET ?"
    )
    params += [limit if limit is not None else 2**62, offset]
    rows = _dicts(conn.execute(sql, params))
    if not rows:
        return rows
    actors: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in _dicts(
        conn.execute(
            "SELECT * FROM event_actors WHERE event_id IN (SELECT unnest(?)) "
            "ORDER BY event_id, role, position",
            [[r["event_id"] for r in rows]],
        )
    ):
        key = (r.pop("event_id"), r.pop("role"))
        r.pop("position")
        actors.setdefault(key, []).append(r)
    return [_shape_event(r, actors) for r in rows]


def _shape_event(
    row: dict[str, Any], actors: dict[tuple[str, str], list[dict[str, Any]]]
) -> dict[str, Any]:
    eid = row["event_id"]
    name = row.pop("location_name")
    place = {
        "name": name,
        "country": row.pop("location_country"),
        "lat": row.pop("location_lat"),
        "lon": row.pop("location_lon"),
    }
    speaker = {"text": row.pop("speaker_text"), "code": row.pop("speaker_code")}
    row["source"] = actors.get((eid, "source"), [])
    row["target"] = actors.get((eid, "target"), [])
    row["location"] = place if name is not None else None
    row["speaker"] = speaker if speaker["text"] is not None else None
    return row


def failures(conn: Conn, limit: int | None = None) -> list[dict[str, Any]]:
    return _dicts(
        conn.execute(
            "SELECT location, reason, run_id, ingested_at FROM pages WHERE status = 'failed' "
            "ORDER BY location LIMIT ?",
            [limit if limit is not None else 2**62],
        )
    )


def runs(conn: Conn) -> list[dict[str, Any]]:
    return _dicts(conn.execute("SELECT * FROM runs ORDER BY run_id"))
