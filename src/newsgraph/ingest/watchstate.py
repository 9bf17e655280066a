"""The watcher's state operations, run on the store file or by the server that holds it.

Every read or write of the watcher's tables is one named operation in ``OPS`` with
JSON arguments (times are epoch seconds) and a JSON answer (times as ISO strings).
``LocalState`` runs them on an open store's connection; ``RemoteState`` sends them to
``POST /internal/watch`` of the running ``newsgraph serve`` (``web/internal.py``), which
runs them with ``LocalState`` on its own connection.  So the watcher behaves the same
whichever holds the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Protocol

from ..store import alerts as alert_store
from ..store import watch as watch_store
from ..store.remote import RemoteStore
from ..store.sql import Conn
from ..store.store import Store
from .alerting import scan
from .spikes import SpikeParams


def when(seconds: float) -> datetime:
    """Epoch seconds as the store's naive UTC time."""
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)


def plain(value: Any) -> Any:
    """A JSON-ready copy: times and dates as ISO strings, tuples as lists."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _scan(conn: Conn, now: float, channels: list[list[str]], params: dict[str, Any]) -> Any:
    report = scan(conn, when(now), [(c, t) for c, t in channels], SpikeParams(**params))
    return {"matches": report.matches, "spikes": report.spikes, "new": report.new}


def _record_fetch(conn: Conn, url: str, now: float, due: float, **kw: Any) -> int:
    return watch_store.record_fetch(conn, url, when(now), when(due), **kw)


def _record_unchanged(conn: Conn, rows: list[dict[str, Any]], now: float) -> None:
    watch_store.record_unchanged(conn, [{**r, "due": when(r["due"])} for r in rows], when(now))


def _add_watchlist(conn: Conn, name: str, filters: dict[str, Any], now: float) -> Any:
    return alert_store.add_watchlist(conn, name, filters, when(now))


OPS: dict[str, Callable[..., Any]] = {
    "add_sources": lambda conn, urls, every, now: watch_store.add_sources(
        conn, urls, every, when(now)
    ),
    "watched_roots": watch_store.watched_roots,
    "due_sources": lambda conn, now, roots: watch_store.due_sources(conn, when(now), roots),
    "next_due": lambda conn, roots: watch_store.next_due(conn, roots),
    "record_fetch": _record_fetch,
    "record_unchanged": _record_unchanged,
    "pending_links": lambda conn, now, roots: watch_store.pending_links(conn, when(now), roots),
    "links_done": lambda conn, urls, now, status="done": watch_store.links_done(
        conn, urls, when(now), status
    ),
    "link_retry": lambda conn, url, error, next_try: watch_store.link_retry(
        conn, url, error, when(next_try)
    ),
    "sources": watch_store.sources,
    "scan_alerts": _scan,
    "pending_deliveries": lambda conn, now: alert_store.pending_deliveries(conn, when(now)),
    "delivery_done": lambda conn, alert_id, channel, target, now: alert_store.delivery_done(
        conn, alert_id, channel, target, when(now)
    ),
    "delivery_failed": lambda conn, alert_id, channel, target, error, next_try: (
        alert_store.delivery_failed(conn, alert_id, channel, target, error, when(next_try))
    ),
    "add_watchlist": _add_watchlist,
    "remove_watchlist": alert_store.remove_watchlist,
    "watchlists": alert_store.watchlists,
}
READS = frozenset({"watched_roots", "due_sources", "next_due", "pending_links", "sources",
                   "pending_deliveries", "watchlists"})  # fmt: skip


class WatchState(Protocol):
    def call(self, op: str, **args: Any) -> Any: ...


class LocalState:
    """The operations on a store connection."""

    def __init__(self, conn: Conn) -> None:
        self.conn = conn

    def call(self, op: str, **args: Any) -> Any:
        found = OPS.get(op)
        if found is None:
            raise KeyError(op)
        return plain(found(self.conn, **args))


class RemoteState:
    """The operations, sent to the server that holds the store."""

    def __init__(self, remote: RemoteStore) -> None:
        self.remote = remote

    def call(self, op: str, **args: Any) -> Any:
        return self.remote.call("POST", "/internal/watch", {"op": op, "args": args})["result"]


def state_for(sink: Store | RemoteStore) -> WatchState:
    if isinstance(sink, RemoteStore):
        return RemoteState(sink)
    return LocalState(sink.connection)
