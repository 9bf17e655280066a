"""What ``newsgraph watch`` keeps in the store: the sources it fetches and their links.

``watch_sources``: one row per source (a feed, sitemap, OPML file or URL list): how
often it is due, when it is due next, its last answer and validators (ETag,
Last-Modified, a hash of the body), its consecutive failures and last error.  A
source found inside another (the feeds of an OPML file, the sitemaps of a sitemap
index) has a ``parent``; ``root`` is the source named on the command line that led
to it.

``watch_links``: every article link a source gave, once (the URL is the key): its
metadata from the source and whether it is fetched yet (``pending``, ``done``,
``failed``), with its attempts and the time of the next one.  A fetch's new links and
the source's new validators are written in one transaction, so a watcher killed at
any point either fetches the source again (it did not record the answer) or has the
links to fetch (it did).

Times are naive UTC ``datetime``; the watcher passes its clock's ``now``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .sql import Conn, dicts, in_transaction, strings

SOURCE_COLUMNS = (
    "url", "root", "parent", "kind", "every_seconds", "added_at", "next_due", "last_fetch",
    "last_ok", "last_status", "etag", "last_modified", "content_hash", "failures", "last_error",
    "fetches", "links",
)  # fmt: skip
LINK_FIELDS = ("url", "outlet", "title", "published", "author")


def add_sources(
    conn: Conn,
    urls: Sequence[str],
    every: float,
    now: datetime,
    parent: str | None = None,
    root: str | None = None,
) -> int:
    """Watch these sources (due now when new).  Named sources (no ``parent``) keep their
    state and take the new interval; found ones (with a parent) are added once.
    Returns how many were new."""
    if not urls:
        return 0
    known = {r[0] for r in conn.execute(
        "SELECT url FROM watch_sources WHERE url IN (SELECT unnest(?))", [list(urls)]
    ).fetchall()}  # fmt: skip
    statements: list[tuple[str, list[Any]]] = []
    new = 0
    for url in dict.fromkeys(urls):
        if url in known:
            if parent is None:
                statements.append(
                    ("UPDATE watch_sources SET every_seconds = ? WHERE url = ?", [every, url])
                )
            continue
        new += 1
        statements.append((
            "INSERT INTO watch_sources (url, root, parent, every_seconds, added_at, next_due) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [url, root or url, parent, every, now, now],
        ))  # fmt: skip
    in_transaction(conn, statements)
    return new


def watched_roots(conn: Conn) -> list[str]:
    """The sources named on a command line, in the order they were added."""
    return strings(
        conn, "SELECT url FROM watch_sources WHERE parent IS NULL ORDER BY added_at, url"
    )


def due_sources(conn: Conn, now: datetime, roots: Sequence[str]) -> list[dict[str, Any]]:
    """Sources under these roots whose next fetch is due, the longest waiting first."""
    return dicts(conn.execute(
        "SELECT url, root, kind, every_seconds, etag, last_modified, content_hash, failures "
        "FROM watch_sources WHERE next_due <= ? AND root IN (SELECT unnest(?)) "
        "ORDER BY next_due, url",
        [now, list(roots)],
    ))  # fmt: skip


def next_due(conn: Conn, roots: Sequence[str]) -> datetime | None:
    """When the next source under these roots (or pending link) is due."""
    row = conn.execute(
        "SELECT least((SELECT min(next_due) FROM watch_sources WHERE root IN (SELECT unnest(?))),"
        " (SELECT min(next_try) FROM watch_links WHERE status = 'pending' "
        "  AND root IN (SELECT unnest(?))))",
        [list(roots), list(roots)],
    ).fetchone()
    return row[0] if row else None


def record_fetch(
    conn: Conn,
    url: str,
    now: datetime,
    due: datetime,
    status: int,
    error: str | None = None,
    kind: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    content_hash: str | None = None,
    links: Sequence[dict[str, Any]] = (),
    children: Sequence[str] = (),
) -> int:
    """One fetch of a source, in one transaction: its new state (a failure counts one
    more and keeps the validators), the links it gave that were not known (pending),
    and the sources found in it.  Returns the number of new links."""
    row = conn.execute("SELECT root, every_seconds FROM watch_sources WHERE url = ?", [url])
    found = row.fetchone()
    if found is None:
        raise KeyError(url)
    root, every = str(found[0]), float(found[1])
    urls = [str(link["url"]) for link in links]
    known = {r[0] for r in conn.execute(
        "SELECT url FROM watch_links WHERE url IN (SELECT unnest(?))", [urls]
    ).fetchall()}  # fmt: skip
    fresh = [x for u, x in {str(x["url"]): x for x in links}.items() if u not in known]
    sources = [c for c in dict.fromkeys(children) if c != url]
    known_sources = {r[0] for r in conn.execute(
        "SELECT url FROM watch_sources WHERE url IN (SELECT unnest(?))", [sources]
    ).fetchall()}  # fmt: skip
    statements: list[tuple[str, list[Any]]] = []
    if error is None:
        statements.append((
            "UPDATE watch_sources SET kind = coalesce(?, kind), last_fetch = ?, last_ok = ?, "
            "last_status = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
            "content_hash = coalesce(?, content_hash), failures = 0, last_error = NULL, "
            "fetches = fetches + 1, links = links + ?, next_due = ? WHERE url = ?",
            [kind, now, now, status, etag, last_modified, content_hash, len(fresh), due, url],
        ))  # fmt: skip
    else:
        statements.append((
            "UPDATE watch_sources SET last_fetch = ?, last_status = ?, failures = failures + 1, "
            "last_error = ?, fetches = fetches + 1, next_due = ? WHERE url = ?",
            [now, status, error[:500], due, url],
        ))  # fmt: skip
    for link in fresh:
        statements.append((
            "INSERT INTO watch_links (url, source_url, root, found_at, outlet, title, published, "
            "author, status, next_try) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
            [link["url"], url, root, now, link.get("outlet"), link.get("title"),
             link.get("published"), link.get("author"), now],
        ))  # fmt: skip
    for child in sources:
        if child not in known_sources:
            statements.append((
                "INSERT INTO watch_sources (url, root, parent, every_seconds, added_at, next_due) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [child, root, url, every, now, now],
            ))  # fmt: skip
    in_transaction(conn, statements)
    return len(fresh)


def record_unchanged(conn: Conn, rows: Sequence[dict[str, Any]], now: datetime) -> None:
    """Many fetches that found nothing new (a 304, or the same body), in one statement:
    ``rows`` of url, status, etag, last_modified and due (the next fetch)."""
    if not rows:
        return
    values = [[r[k] for r in rows] for k in ("url", "status", "etag", "last_modified", "due")]
    conn.execute(
        "UPDATE watch_sources SET last_fetch = ?, last_ok = ?, last_status = v.status, "
        "etag = coalesce(v.etag, watch_sources.etag), "
        "last_modified = coalesce(v.last_modified, watch_sources.last_modified), failures = 0, "
        "last_error = NULL, fetches = fetches + 1, next_due = v.due FROM (SELECT unnest(?) AS url, "
        "unnest(?) AS status, unnest(?) AS etag, unnest(?) AS last_modified, unnest(?) AS due) v "
        "WHERE watch_sources.url = v.url",
        [now, now, *values],
    )


def source_failures(conn: Conn, url: str) -> int:
    row = conn.execute("SELECT failures FROM watch_sources WHERE url = ?", [url]).fetchone()
    return int(row[0]) if row else 0


def pending_links(
    conn: Conn, now: datetime, roots: Sequence[str], limit: int = 100_000
) -> list[dict[str, Any]]:
    """Links to fetch now (pending, their next try due), oldest found first."""
    return dicts(conn.execute(
        "SELECT url, outlet, title, published, author, attempts FROM watch_links "
        "WHERE status = 'pending' AND next_try <= ? AND root IN (SELECT unnest(?)) "
        "ORDER BY found_at, url LIMIT ?",
        [now, list(roots), limit],
    ))  # fmt: skip


def links_done(conn: Conn, urls: Sequence[str], now: datetime, status: str = "done") -> None:
    """These links are stored (as an article, a duplicate or a failure)."""
    if urls:
        conn.execute(
            "UPDATE watch_links SET status = ?, done_at = ?, attempts = attempts + 1 "
            "WHERE url IN (SELECT unnest(?)) AND status = 'pending'",
            [status, now, list(urls)],
        )


def link_retry(conn: Conn, url: str, error: str, next_try: datetime) -> None:
    """A fetch of this link failed for now: try again at ``next_try``."""
    conn.execute(
        "UPDATE watch_links SET attempts = attempts + 1, last_error = ?, next_try = ? "
        "WHERE url = ? AND status = 'pending'",
        [error[:500], next_try, url],
    )


def sources(conn: Conn) -> list[dict[str, Any]]:
    """Every watched source with its state and link counts, by root then URL."""
    return dicts(conn.execute(
        "SELECT s.*, (SELECT count(*) FROM watch_links l WHERE l.source_url = s.url "
        "AND l.status = 'pending') AS pending FROM watch_sources s ORDER BY root, parent NULLS "
        "FIRST, url"
    ))  # fmt: skip


def link_counts(conn: Conn) -> dict[str, int]:
    """Links by status."""
    rows = conn.execute("SELECT status, count(*) FROM watch_links GROUP BY status").fetchall()
    return {str(s): int(n) for s, n in rows}
