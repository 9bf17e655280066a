"""Read queries for the dashboard and the REST API, always with bound parameters.

``queries`` answers the CLI; this module adds what a browsing person needs on top:
pages of rows with their total, sorting from an allow-list, dyad timelines, actor,
outlet and place aggregates, and stories (read when the ``stories`` table exists).

Filters are assembled from fixed SQL fragments; only values travel as parameters.
An event's date is ``coalesce(event date, article published)``; dates are ISO strings
of varying precision (YYYY, YYYY-MM, YYYY-MM-DD) and match ``since``/``until`` when
the period they name overlaps the range (as in ``queries``).

Timelines put an event in a period only when its date is at least as precise as the
period (a month-precision date counts in month and year periods, not in day or week
periods); the others are counted apart as ``imprecise``.  Per period:

* ``n`` and ``quad1`` .. ``quad4``: events by quad class (1 verbal cooperation,
  2 material cooperation, 3 verbal conflict, 4 material conflict);
* ``intensity_mean``, ``intensity_sum``: of the signed Goldstein-like intensity;
* ``net_coop_count`` = (quad1 + quad2) - (quad3 + quad4);
* ``net_coop_intensity`` = sum of |intensity| over quad 1-2 events minus the sum of
  |intensity| over quad 3-4 events (so a verbal REQUEST at -1 still counts as conflict
  and a zero-intensity event weighs nothing).
"""

from __future__ import annotations

from typing import Any, Literal

import duckdb

from .analysis import BUCKETS
from .filters import WHEN, article_where, event_where
from .filters import actor_clause as _actor_clause

Conn = duckdb.DuckDBPyConnection
Period = Literal["day", "week", "month", "year"]

EVENT_SORTS: dict[str, str] = {"date": WHEN, "intensity": "e.intensity", "type": "e.type"}

# bucket expression and "precise enough" condition of each period, on the date ``d``:
# the same as the CLI's timelines (``newsgraph timeline``)
_BUCKETS = BUCKETS


def _dicts(cursor: Conn) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _scalar(conn: Conn, sql: str, params: list[Any] | None = None) -> Any:
    row = conn.execute(sql, params or []).fetchone()
    return row[0] if row else None


def table_exists(conn: Conn, name: str) -> bool:
    return bool(
        _scalar(
            conn,
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_name = ?",
            [name],
        )
    )


def columns(conn: Conn, table: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [str(r[0]) for r in rows]


# -- filters ----------------------------------------------------------------------------


# -- events -----------------------------------------------------------------------------


def events_page(
    conn: Conn,
    sort: str = "date",
    order: str = "desc",
    limit: int = 50,
    offset: int = 0,
    **filters: Any,
) -> tuple[list[dict[str, Any]], int]:
    """One page of events (with actors) and the number of events matching the filters."""
    if sort not in EVENT_SORTS or order not in ("asc", "desc"):
        raise ValueError(
            f"sort {sort!r} {order!r}: expected one of {sorted(EVENT_SORTS)}, asc|desc"
        )
    where, params = event_where(**filters)
    base = f"FROM events e JOIN articles a USING (article_id) WHERE {where}"
    total = int(_scalar(conn, f"SELECT count(*) {base}", params) or 0)
    if total == 0 or offset >= total:
        return [], total
    direction = "ASC" if order == "asc" else "DESC"
    sql = (
        "SELECT e.*, a.outlet, a.published, a.url, a.title, "
        + WHEN
        + " AS when_date "
        + base
        + f" ORDER BY {EVENT_SORTS[sort]} {direction} NULLS LAST, e.event_id LIMIT ? OFFSET ?"
    )
    rows = _dicts(conn.execute(sql, [*params, limit, offset]))
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
            {
                "text": text,
                "code": code,
                "country": country,
                "sector": sector,
                "org": org,
                "name": name,
            }
        )
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
    }
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
            "FROM events e JOIN articles a USING (article_id) ORDER BY e.event_id"
        ).to_arrow_table()
        actors = conn.sql(
            "SELECT event_id, role, text, code, country, sector, org, name FROM event_actors "
            "ORDER BY event_id, role, position"
        ).to_arrow_table()
    finally:
        conn.execute("COMMIT")
    return events, actors


def count_events(conn: Conn) -> int:
    return int(_scalar(conn, "SELECT count(*) FROM events") or 0)


# -- articles ---------------------------------------------------------------------------


def count_articles(
    conn: Conn,
    outlet: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    where, params = article_where("", outlet, language, since, until)
    return int(_scalar(conn, "SELECT count(*) FROM articles WHERE " + where, params) or 0)


def mentions(conn: Conn, article_id: str) -> list[dict[str, Any]]:
    return _dicts(
        conn.execute(
            'SELECT start, "end", kind, text, code, country, sector, org, name FROM mentions '
            "WHERE article_id = ? ORDER BY start, mention_index",
            [article_id],
        )
    )


def page_statuses(conn: Conn) -> dict[str, int]:
    """Pages by status (article, duplicate, failed)."""
    rows = conn.execute("SELECT status, count(*) FROM pages GROUP BY status").fetchall()
    return {str(status): int(n) for status, n in rows}


def latest_articles(conn: Conn, limit: int = 10) -> list[dict[str, Any]]:
    return _dicts(
        conn.execute(
            "SELECT article_id, outlet, published, title FROM articles "
            "ORDER BY ingested_at DESC, published DESC NULLS LAST, article_id LIMIT ?",
            [limit],
        )
    )


# -- aggregates -------------------------------------------------------------------------


def timeline(
    conn: Conn,
    a: str | None = None,
    b: str | None = None,
    by: Period = "month",
    directed: bool = False,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
) -> dict[str, Any]:
    """Per-period counts and intensity of events of a dyad (or of one actor, or all).

    The same events and figures as ``newsgraph timeline`` (``store.analysis.timeline``):
    one actor alone matches in any role (as a source when ``directed``); negated
    events are left out unless ``include_negated``.
    """
    if by not in _BUCKETS:
        raise ValueError(f"by {by!r}: expected one of {sorted(_BUCKETS)}")
    dyad = (a, b) if a and b else None
    actor = (a or b) if not dyad else None
    where, params = event_where(
        dyad=dyad, since=since, until=until, directed=directed, include_negated=include_negated
    )
    if actor:
        clause, more = _actor_clause("source" if directed else None, actor)
        where, params = f"{where} AND {clause}", params + more
    bucket, precise = _BUCKETS[by]
    sql = f"""
        WITH ev AS (
            SELECT e.quad_class AS q, e.intensity AS i, {WHEN} AS d
            FROM events e JOIN articles a USING (article_id) WHERE {where}
        ), placed AS (
            SELECT {bucket} AS period, q, i FROM ev WHERE d IS NOT NULL AND {precise}
        )
        SELECT period, count(*) AS n,
            count(*) FILTER (WHERE q = 1) AS quad1, count(*) FILTER (WHERE q = 2) AS quad2,
            count(*) FILTER (WHERE q = 3) AS quad3, count(*) FILTER (WHERE q = 4) AS quad4,
            avg(i) AS intensity_mean, sum(i) AS intensity_sum,
            sum(CASE WHEN q IN (1, 2) THEN abs(i) WHEN q IN (3, 4) THEN -abs(i) ELSE 0 END)
                AS net_coop_intensity
        FROM placed GROUP BY period ORDER BY period
    """
    periods = _dicts(conn.execute(sql, params))
    for p in periods:
        p["net_coop_count"] = p["quad1"] + p["quad2"] - p["quad3"] - p["quad4"]
        p["intensity_mean"] = round(float(p["intensity_mean"]), 3)
        p["intensity_sum"] = round(float(p["intensity_sum"]), 3)
        p["net_coop_intensity"] = round(float(p["net_coop_intensity"]), 3)
    total = int(
        _scalar(
            conn,
            f"SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE {where}",
            params,
        )
        or 0
    )
    placed = sum(p["n"] for p in periods)
    return {
        "a": a,
        "b": b,
        "by": by,
        "directed": directed,
        "include_negated": include_negated,
        "total": total,
        "imprecise": total - placed,
        "periods": periods,
    }


def actors(conn: Conn, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Actor codes with the number of events they take part in (as source, as target)."""
    total = int(_scalar(conn, "SELECT count(DISTINCT code) FROM event_actors") or 0)
    rows = _dicts(
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


def outlets(conn: Conn) -> list[dict[str, Any]]:
    """Outlets with their article and event counts and mean article tone (NULL until
    tone is scored)."""
    has_tone = table_exists(conn, "article_tone")
    tone = "avg(t.tone)" if has_tone else "NULL"
    join = "LEFT JOIN article_tone t USING (article_id)" if has_tone else ""
    return _dicts(
        conn.execute(
            f"""
            SELECT a.outlet, count(*) AS articles,
                coalesce(sum(ev.n), 0) AS events,
                min(a.published) AS first_published, max(a.published) AS last_published,
                {tone} AS mean_tone
            FROM articles a {join}
            LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY article_id) ev
                USING (article_id)
            GROUP BY a.outlet ORDER BY articles DESC, a.outlet NULLS LAST
            """
        )
    )


def top_dyads(conn: Conn, limit: int = 10) -> list[dict[str, Any]]:
    """The most frequent source -> target pairs (country, else organisation, else code)."""
    return _dicts(
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


def map_points(conn: Conn, limit: int = 2000, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """Located events grouped by place (most frequent first) and the number of them."""
    where, params = event_where(located=True, **filters)
    base = f"FROM events e JOIN articles a USING (article_id) WHERE {where}"
    total = int(_scalar(conn, f"SELECT count(*) {base}", params) or 0)
    rows = _dicts(
        conn.execute(
            "SELECT e.location_name AS name, e.location_country AS country, "
            "e.location_lat AS lat, e.location_lon AS lon, count(*) AS events, "
            "count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperation, "
            "count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflict "
            + base
            + " GROUP BY ALL ORDER BY events DESC, name LIMIT ?",
            [*params, limit],
        )
    )
    return rows, total


# -- stories ------------------------------------------------------------------------------


def stories(conn: Conn, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """A page of stories, newest first (as ``newsgraph stories``), with article counts
    and outlets; empty when the store has no story table."""
    if not table_exists(conn, "stories"):
        return [], 0
    total = int(_scalar(conn, "SELECT count(*) FROM stories") or 0)
    rows = _dicts(
        conn.execute(
            "SELECT story_id, title, first_date, last_date FROM stories "
            "ORDER BY last_date DESC NULLS LAST, story_id LIMIT ? OFFSET ?",
            [limit, offset],
        )
    )
    if rows:
        found = conn.execute(
            "SELECT sa.story_id, count(*), list(DISTINCT a.outlet ORDER BY a.outlet) "
            "FROM story_articles sa JOIN articles a USING (article_id) "
            "WHERE sa.story_id IN (SELECT unnest(?)) GROUP BY sa.story_id",
            [[r["story_id"] for r in rows]],
        ).fetchall()
        by_id = {sid: (n, [o for o in outs if o is not None]) for sid, n, outs in found}
        for row in rows:
            n, outs = by_id.get(row["story_id"], (0, []))
            row["articles"] = n
            row["outlets"] = outs
    return rows, total


def story(conn: Conn, story_id: str) -> dict[str, Any] | None:
    """One story as ``newsgraph stories`` shows it (articles with their copies, outlets,
    summary sentences), each article with the start of its body and its event count."""
    if not table_exists(conn, "stories"):
        return None
    from .analysis import stories as read_stories

    found = read_stories(conn, story_id=story_id, limit=1)
    if not found:
        return None
    result = found[0]
    ids = [a["article_id"] for a in result["articles"]]
    extra = {
        aid: (lead, n)
        for aid, lead, n in conn.execute(
            "SELECT a.article_id, substr(a.body, 1, 600), "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) "
            "FROM articles a WHERE a.article_id IN (SELECT unnest(?))",
            [ids],
        ).fetchall()
    }
    for item in result["articles"]:
        item["lead"], item["events"] = extra.get(item["article_id"], ("", 0))
    return result
