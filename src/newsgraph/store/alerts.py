"""Watchlists, their alerts and the outbox that delivers them.

A watchlist is a name and event filters: the public filters of ``EventQuery`` but the
dates (actor, dyad, type, outlet; its SQL is reused; a dyad is undirected unless ``directed``),
``place`` (the event's place name or country code) and ``keyword`` (in the evidence
sentence or the article's title), any combination.  ``scanned_to`` is the ingest time
of the last article already looked at: a new watchlist starts at the store's latest,
so only events stored after it alert.

An alert is written once (its id is a hash of what it is about: a watchlist and an
event, or a watchlist and a day) together with one ``alert_outbox`` row per delivery
channel, in one transaction; a delivery marks its row ``sent``.  So an alert is never
lost between being found and being delivered, and never delivered twice by the store's
account.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..errors import QueryError
from .events import attach_actors
from .query import PUBLIC, WHEN, EventQuery
from .sql import Conn, dicts, in_transaction, scalar

NAME_RE = re.compile(r"[A-Za-z0-9_.\-]{1,60}")
TEXT_RE = re.compile(r"[^\x00-\x1f\x7f]{1,200}")
# the public event filters but the dates (a watchlist looks at what is new): declared once
EVENT_FILTERS = tuple(name for name in PUBLIC if name not in ("since", "until"))
FILTER_NAMES = (*EVENT_FILTERS, "place", "keyword", "directed")
_JOINED = "FROM events e JOIN articles a USING (article_id)"
DAY = f"substr({WHEN}, 1, 10)"


def check_watchlist(name: str, filters: Mapping[str, Any]) -> dict[str, Any]:
    """The watchlist's filters, checked (a ``QueryError`` names the bad value)."""
    if NAME_RE.fullmatch(name or "") is None:
        raise QueryError(f"watchlist name {name!r} is not valid (expected letters, digits, _.-)")
    unknown = set(filters) - set(FILTER_NAMES)
    if unknown:
        raise QueryError(f"unknown watchlist filter(s) {sorted(unknown)}; known: {FILTER_NAMES}")
    kept = {k: v for k, v in filters.items() if v not in (None, "", False)}
    if not set(kept) - {"directed"}:
        raise QueryError(
            f"watchlist {name!r} has no filter; give --actor, --dyad, --type, --place or --keyword"
        )
    event_filters: dict[str, Any] = {k: kept[k] for k in EVENT_FILTERS if k in kept}
    EventQuery.parse(event_filters)  # checks them
    for key in ("place", "keyword"):
        if key in kept and TEXT_RE.fullmatch(str(kept[key])) is None:
            raise QueryError(f"{key}: {kept[key]!r} is not valid (up to 200 printable characters)")
    if "directed" in kept:
        kept["directed"] = bool(kept["directed"])
    return kept


def watch_where(filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """The WHERE clause over ``events e JOIN articles a`` of a watchlist's filters."""
    given: dict[str, Any] = {k: filters[k] for k in EVENT_FILTERS if filters.get(k)}
    query = EventQuery.parse(
        given,
        directed=bool(filters.get("directed", False)),
    )
    where, params = query.where()
    if filters.get("place"):
        where += " AND (lower(e.location_name) = lower(?) OR e.location_country = upper(?))"
        params += [filters["place"], filters["place"]]
    if filters.get("keyword"):
        where += (
            " AND (contains(lower(e.evidence), lower(?)) OR contains(lower(coalesce(a.title, '')),"
            " lower(?)))"
        )
        params += [filters["keyword"], filters["keyword"]]
    return where, params


# -- watchlists ---------------------------------------------------------------------------


def add_watchlist(
    conn: Conn, name: str, filters: Mapping[str, Any], now: datetime
) -> dict[str, Any]:
    kept = check_watchlist(name, filters)
    if scalar(conn, "SELECT count(*) FROM watchlists WHERE name = ?", [name]):
        raise QueryError(
            f"a watchlist {name!r} exists; remove it first (newsgraph watchlist remove)"
        )
    latest = scalar(conn, "SELECT max(ingested_at) FROM articles")
    conn.execute(
        "INSERT INTO watchlists (name, filters, created_at, scanned_to) VALUES (?, ?, ?, ?)",
        [name, json.dumps(kept, sort_keys=True), now, latest],
    )
    return {"name": name, "filters": kept, "created_at": now, "scanned_to": latest}


def remove_watchlist(conn: Conn, name: str) -> bool:
    found = scalar(conn, "SELECT count(*) FROM watchlists WHERE name = ?", [name])
    conn.execute("DELETE FROM watchlists WHERE name = ?", [name])
    return bool(found)


def watchlists(conn: Conn) -> list[dict[str, Any]]:
    rows = dicts(conn.execute(
        "SELECT w.name, w.filters, w.created_at, w.scanned_to, "
        "(SELECT count(*) FROM alerts x WHERE x.watchlist = w.name) AS alerts "
        "FROM watchlists w ORDER BY name"
    ))  # fmt: skip
    for row in rows:
        row["filters"] = json.loads(row["filters"])
    return rows


def max_ingested(conn: Conn) -> datetime | None:
    found: datetime | None = scalar(conn, "SELECT max(ingested_at) FROM articles")
    return found


def _after(after: datetime | None) -> tuple[str, list[Any]]:
    return ("a.ingested_at > ?", [after]) if after is not None else ("TRUE", [])


def new_matches(
    conn: Conn, filters: Mapping[str, Any], after: datetime | None, upto: datetime | None
) -> list[dict[str, Any]]:
    """Events matching the filters in articles ingested after ``after`` (up to ``upto``),
    with their actors and article, in the order they were stored."""
    where, params = watch_where(filters)
    since, p = _after(after)
    rows = dicts(conn.execute(
        f"SELECT e.*, a.outlet, a.published, a.url, a.title, {WHEN} AS when_date {_JOINED} "
        f"WHERE {where} AND {since} AND a.ingested_at <= ? "
        "ORDER BY a.ingested_at, e.article_id, e.start, e.event_id",
        [*params, *p, upto],
    ))  # fmt: skip
    return attach_actors(conn, rows)


def daily_series(
    conn: Conn, filters: Mapping[str, Any], first: str, last: str
) -> dict[str, tuple[int, float]]:
    """Per day from ``first`` to ``last`` (YYYY-MM-DD): matching events dated that day
    and the sum of their intensities (events dated only to a month are left out)."""
    where, params = watch_where(filters)
    rows = conn.execute(
        f"SELECT {DAY} AS day, count(*), sum(e.intensity) {_JOINED} WHERE {where} "
        f"AND length({WHEN}) >= 10 AND {DAY} BETWEEN ? AND ? GROUP BY day",
        [*params, first, last],
    ).fetchall()
    return {str(d): (int(n), float(s or 0.0)) for d, n, s in rows}


def daily_volume(conn: Conn, first: str, last: str) -> dict[str, int]:
    """Articles stored per publication day from ``first`` to ``last``."""
    rows = conn.execute(
        "SELECT substr(published, 1, 10) AS day, count(*) FROM articles "
        "WHERE length(published) >= 10 AND substr(published, 1, 10) BETWEEN ? AND ? "
        "GROUP BY day",
        [first, last],
    ).fetchall()
    return {str(d): int(n) for d, n in rows}


# -- alerts and their outbox -------------------------------------------------------------


def save_alerts(
    conn: Conn,
    alerts: Sequence[dict[str, Any]],
    channels: Sequence[tuple[str, str]],
    now: datetime,
    marks: Mapping[str, datetime | None],
) -> int:
    """Store new alerts (ones already stored are left as they are) with an outbox row
    per channel, and move the watchlists' marks, in one transaction.  Returns the
    number of alerts that were new."""
    ids = [a["alert_id"] for a in alerts]
    known = {r[0] for r in conn.execute(
        "SELECT alert_id FROM alerts WHERE alert_id IN (SELECT unnest(?))", [ids]
    ).fetchall()}  # fmt: skip
    fresh = [a for a in {a["alert_id"]: a for a in alerts}.values() if a["alert_id"] not in known]
    statements: list[tuple[str, list[Any]]] = []
    for alert in fresh:
        statements.append((
            "INSERT INTO alerts (alert_id, kind, watchlist, created_at, day, event_id, "
            "article_id, summary, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [alert["alert_id"], alert["kind"], alert["watchlist"], now, alert.get("day"),
             alert.get("event_id"), alert.get("article_id"), alert["summary"],
             json.dumps(alert, ensure_ascii=False, sort_keys=True, default=str)],
        ))  # fmt: skip
        for channel, target in channels:
            statements.append((
                "INSERT INTO alert_outbox (alert_id, channel, target, status, next_try) "
                "VALUES (?, ?, ?, 'pending', ?)",
                [alert["alert_id"], channel, target, now],
            ))  # fmt: skip
    for name, mark in marks.items():
        if mark is not None:
            statements.append(("UPDATE watchlists SET scanned_to = ? WHERE name = ?", [mark, name]))
    in_transaction(conn, statements)
    return len(fresh)


def alerts_page(
    conn: Conn,
    watchlist: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Alerts, newest first, each with its payload, and how many there are."""
    where, params = ["TRUE"], []
    for column, value in (("watchlist", watchlist), ("kind", kind)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    clause = " AND ".join(where)
    total = int(scalar(conn, f"SELECT count(*) FROM alerts WHERE {clause}", params) or 0)
    rows = dicts(conn.execute(
        f"SELECT alert_id, kind, watchlist, created_at, day, event_id, article_id, summary, "
        f"payload FROM alerts WHERE {clause} ORDER BY created_at DESC, day DESC NULLS LAST, alert_id "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ))  # fmt: skip
    for row in rows:
        row["payload"] = json.loads(row["payload"])
    return rows, total


def pending_deliveries(conn: Conn, now: datetime, limit: int = 1000) -> list[dict[str, Any]]:
    """Outbox rows due for a delivery attempt, oldest alert first, with the alert."""
    rows = dicts(conn.execute(
        "SELECT o.alert_id, o.channel, o.target, o.attempts, a.payload FROM alert_outbox o "
        "JOIN alerts a USING (alert_id) WHERE o.status = 'pending' AND o.next_try <= ? "
        "ORDER BY a.created_at, o.alert_id, o.channel, o.target LIMIT ?",
        [now, limit],
    ))  # fmt: skip
    for row in rows:
        row["payload"] = json.loads(row["payload"])
    return rows


def delivery_done(conn: Conn, alert_id: str, channel: str, target: str, now: datetime) -> None:
    conn.execute(
        "UPDATE alert_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
        "last_error = NULL WHERE alert_id = ? AND channel = ? AND target = ?",
        [now, alert_id, channel, target],
    )


def delivery_failed(
    conn: Conn, alert_id: str, channel: str, target: str, error: str, next_try: datetime
) -> None:
    conn.execute(
        "UPDATE alert_outbox SET attempts = attempts + 1, last_error = ?, next_try = ? "
        "WHERE alert_id = ? AND channel = ? AND target = ?",
        [error[:500], next_try, alert_id, channel, target],
    )


def outbox_counts(conn: Conn) -> dict[str, int]:
    rows = conn.execute("SELECT status, count(*) FROM alert_outbox GROUP BY status").fetchall()
    return {str(s): int(n) for s, n in rows}
