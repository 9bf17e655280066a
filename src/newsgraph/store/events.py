"""Reads about events: lists and pages of events (with their actors), the map, actors.

Which events is an ``EventQuery`` (``query.py``); ``events`` lists them in date order
(``newsgraph events``, an article's events), ``events_page`` gives one sorted page and
the total (the API and the dashboard).  Both give each event row its API shape
(``shape_event``): ``source``/``target`` actor lists, a ``location`` and a ``speaker``.
``index_tables`` reads every event at once for the dashboard's in-memory index.
"""

from __future__ import annotations

from typing import Any

from .query import WHEN, EventQuery
from .sql import NO_LIMIT, Conn, dicts, scalar

EVENT_SORTS: dict[str, str] = {"date": WHEN, "intensity": "e.intensity", "type": "e.type"}
_JOINED = "FROM events e JOIN articles a USING (article_id)"


def events(
    conn: Conn, query: EventQuery | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """The events of the query (all by default) in date order, with their article's
    outlet, date, URL and title."""
    where, params = (query or EventQuery()).where()
    sql = (
        f"SELECT e.*, a.outlet, a.published, a.url, a.title {_JOINED} WHERE {where} "
        f"ORDER BY {WHEN} NULLS LAST, e.article_id, e.start, e.event_id LIMIT ? OFFSET ?"
    )
    rows = dicts(conn.execute(sql, [*params, limit if limit is not None else NO_LIMIT, offset]))
    return attach_actors(conn, rows)


def events_page(
    conn: Conn,
    query: EventQuery | None = None,
    sort: str = "date",
    order: str = "desc",
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of events (with actors and ``when_date``) and the number matching."""
    if sort not in EVENT_SORTS or order not in ("asc", "desc"):
        raise ValueError(
            f"sort {sort!r} {order!r}: expected one of {sorted(EVENT_SORTS)}, asc|desc"
        )
    where, params = (query or EventQuery()).where()
    total = int(scalar(conn, f"SELECT count(*) {_JOINED} WHERE {where}", params) or 0)
    if total == 0 or offset >= total:
        return [], total
    direction = "ASC" if order == "asc" else "DESC"
    sql = (
        f"SELECT e.*, a.outlet, a.published, a.url, a.title, {WHEN} AS when_date "
        f"{_JOINED} WHERE {where} "
        f"ORDER BY {EVENT_SORTS[sort]} {direction} NULLS LAST, e.event_id LIMIT ? OFFSET ?"
    )
    rows = dicts(conn.execute(sql, [*params, limit, offset]))
    return attach_actors(conn, rows), total


def attach_actors(conn: Conn, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each event row its ``source``/``target`` actor lists, place and speaker."""
    if not rows:
        return rows
    actors: dict[tuple[str, str], list[dict[str, Any]]] = {}
    found = conn.execute(
        "SELECT event_id, role, text, code, country, sector, org, name FROM event_actors "
        "WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, role, position",
        [[r["event_id"] for r in rows]],
    ).fetchall()
    for eid, role, text, code, country, sector, org, name in found:
        actors.setdefault((eid, role), []).append(
            {"text": text, "code": code, "country": country, "sector": sector, "org": org,
             "name": name}
        )  # fmt: skip
    for row in rows:
        eid = row["event_id"]
        shape_event(row, actors.get((eid, "source"), []), actors.get((eid, "target"), []))
    return rows


def shape_event(
    row: dict[str, Any], source: list[dict[str, Any]], target: list[dict[str, Any]]
) -> dict[str, Any]:
    """An event row in its API shape: actor lists, a place object, a speaker object."""
    name = row.pop("location_name", None)
    place = {
        "name": name,
        "country": row.pop("location_country", None),
        "lat": row.pop("location_lat", None),
        "lon": row.pop("location_lon", None),
        "feature": row.pop("location_feature", None),
        "geonameid": row.pop("location_geonameid", None),
        "admin1": row.pop("location_admin1", None),
    }
    row.setdefault("location_source", "clause" if name is not None else "none")
    speaker = {"text": row.pop("speaker_text", None), "code": row.pop("speaker_code", None)}
    row["source"] = source
    row["target"] = target
    row["location"] = place if name is not None else None
    row["speaker"] = speaker if speaker["text"] is not None else None
    return row


def index_tables(conn: Conn) -> tuple[Any, Any]:
    """Every event (with its article's outlet, date, URL, title) and every event actor,
    as two pyarrow Tables read in one transaction (one consistent snapshot).

    For the dashboard's in-memory index: events ordered by event id, actors by event
    id, role and position.
    """
    conn.execute("BEGIN TRANSACTION")
    try:
        events = conn.sql(
            f"SELECT e.*, a.outlet, a.published, a.url, a.title, {WHEN} AS when_date "
            f"{_JOINED} ORDER BY e.event_id"
        ).to_arrow_table()
        actors = conn.sql(
            "SELECT event_id, role, text, code, country, sector, org, name FROM event_actors "
            "ORDER BY event_id, role, position"
        ).to_arrow_table()
    finally:
        conn.execute("COMMIT")
    return events, actors


def count_events(conn: Conn) -> int:
    return int(scalar(conn, "SELECT count(*) FROM events") or 0)


def map_points(
    conn: Conn, query: EventQuery | None = None, limit: int = 2000
) -> tuple[list[dict[str, Any]], int]:
    """Located events of the query grouped by place (most frequent first), and how many."""
    where, params = (query or EventQuery()).where()
    where += " AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
    total = int(scalar(conn, f"SELECT count(*) {_JOINED} WHERE {where}", params) or 0)
    rows = dicts(
        conn.execute(
            "SELECT e.location_name AS name, e.location_country AS country, "
            "e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, "
            "count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation, "
            "count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict "
            f"{_JOINED} WHERE {where} GROUP BY ALL ORDER BY events DESC, name LIMIT ?",
            [*params, limit],
        )
    )
    return rows, total


def actors(conn: Conn, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Actor codes with the number of events they take part in (as source, as target)."""
    total = int(scalar(conn, "SELECT count(DISTINCT code) FROM event_actors") or 0)
    rows = dicts(
        conn.execute(
            "SELECT code, any_value(country) AS country, any_value(name) AS name, "
            "count(DISTINCT event_id) AS events, "
            "count(DISTINCT event_id) FILTER (WHERE role = 'source') AS as_source, "
            "count(DISTINCT event_id) FILTER (WHERE role = 'target') AS as_target "
            "FROM event_actors WHERE code IS NOT NULL GROUP BY code "
            "ORDER BY events DESC, code LIMIT ? OFFSET ?",
            [limit, offset],
        )
    )
    return rows, total


def top_dyads(conn: Conn, limit: int = 10) -> list[dict[str, Any]]:
    """The most frequent source -> target pairs (country, else organisation, else code)."""
    return dicts(
        conn.execute(
            """
            WITH s AS (SELECT DISTINCT event_id, coalesce(country, org, code) AS k
                       FROM event_actors WHERE role = 'source'),
                 t AS (SELECT DISTINCT event_id, coalesce(country, org, code) AS k
                       FROM event_actors WHERE role = 'target')
            SELECT s.k AS source, t.k AS target, count(*) AS events
            FROM s JOIN t USING (event_id)
            WHERE s.k IS NOT NULL AND t.k IS NOT NULL AND s.k <> t.k
            GROUP BY s.k, t.k ORDER BY events DESC, source, target LIMIT ?
            """,
            [limit],
        )
    )
