"""Three rounds of `newsgraph watch` against a local server whose feeds change between
them: new items ingested once each, 304s fetch nothing more, failing feeds back off
and recover (the clock is a ManualClock: no real waiting but the 0.2 s time-outs)."""

from __future__ import annotations

from pathlib import Path

import duckdb
from feedserver import FeedServer, article, rss
from typer.testing import CliRunner

from conftest import paragraphs, watch_settings
from newsgraph.cli import app
from newsgraph.ingest.watch import Watcher, parse_every
from newsgraph.sources.fetch import ManualClock

DATE = "Mon, 02 Mar 2026 09:00:00 GMT"
EVERY = 900.0


def _pages(server: FeedServer, names: list[str]) -> None:
    for i, name in enumerate(names):
        server.set(
            f"/news/{name}.html", body=article(f"Story {name}", paragraphs(hash(name) % 10_000 + i))
        )


def _setup(server: FeedServer) -> list[str]:
    base = server.url("")
    _pages(server, ["a1", "a2", "a3", "b1", "s1", "c1", "e1"])
    server.set("/feeds/a.rss", body=rss("Harbour Post", [("/news/a1.html", "A1", DATE),
               ("/news/a2.html", "A2", DATE)], base), etag='"a-1"', content_type="application/rss+xml")  # fmt: skip
    server.set("/feeds/b.atom", last_modified="Mon, 02 Mar 2026 09:00:00 GMT", body=(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley News</title><entry>'
        f'<title>B1</title><link href="{base}/news/b1.html"/><published>2026-03-02T08:00:00Z'
        "</published></entry></feed>").encode())  # fmt: skip
    server.set("/sitemap.xml", body=(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        f"<loc>{base}/news/s1.html</loc><news:news><news:publication><news:name>North Times"
        "</news:name></news:publication><news:publication_date>2026-03-02</news:publication_date>"
        "<news:title>S1</news:title></news:news></url></urlset>").encode())  # fmt: skip
    server.set("/feeds/c.rss", body=rss("Coast Daily", [("/news/c1.html", "C1", DATE)], base))
    server.set("/feeds.opml", body=(
        f'<opml version="2.0"><body><outline text="a" xmlUrl="{base}/feeds/a.rss"/>'
        f'<outline text="c" xmlUrl="{base}/feeds/c.rss"/></body></opml>').encode())  # fmt: skip
    server.set("/broken/500.rss", status=500)
    server.set("/broken/slow.rss", sleep=10)
    server.set("/broken/bad.rss", body=b"<rss><channel><item><link>x</link>")
    server.set("/broken/huge.rss", stream=50_000_000)
    server.set("/broken/loop.rss", redirect="/broken/loop2.rss")
    server.set("/broken/loop2.rss", redirect="/broken/loop.rss")
    return [server.url(p) for p in ("/feeds/a.rss", "/feeds/b.atom", "/sitemap.xml", "/feeds.opml",
            "/broken/500.rss", "/broken/slow.rss", "/broken/bad.rss", "/broken/huge.rss",
            "/broken/loop.rss")]  # fmt: skip


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_three_rounds(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "watch.duckdb"
    sources = _setup(server)
    clock = ManualClock()
    # a time-out of 1 s, not the 0.2 s of the other watch tests: on a busy machine a page
    # of the loopback server can take longer than 0.2 s to come, and the slow feed (10 s)
    # still times out
    watcher = Watcher(watch_settings(db, fetch_timeout=1.0), sources, EVERY, clock)
    articles = [f"/news/{n}.html" for n in ("a1", "a2", "a3", "b1", "s1", "c1", "e1")]

    # round 1: everything new is fetched and stored once; the broken feeds fail
    one = watcher.round()
    assert one.sources_due == 10  # nine named + c.rss found in the OPML (a.rss was known)
    assert (one.new_links, one.articles, one.failed, one.source_failures) == (5, 5, 0, 5)
    assert server.hits("/broken/500.rss") == 3  # retried twice, waiting 1 s then 2 s
    stored = {r[0] for r in _rows(db, "SELECT location FROM pages")}
    assert stored == {server.url(p) for p in articles if p[-7:-5] not in ("a3", "e1")}
    outlets = dict(_rows(db, "SELECT title, outlet FROM articles"))
    assert outlets["A1"] == "Harbour Post" and outlets["S1"] == "North Times"

    # round 2: validators give 304s, unchanged bodies change nothing, failing feeds wait
    clock.advance(EVERY)
    broken_hits = {p: server.hits(p) for p in ("/broken/500.rss", "/broken/slow.rss")}
    two = watcher.round()
    assert (two.sources_due, two.unchanged, two.new_links, two.fetched) == (5, 5, 0, 0)
    assert server.hits("/feeds/a.rss", 304) == 1 and server.hits("/feeds/b.atom", 304) == 1
    assert {p: server.hits(p) for p in broken_hits} == broken_hits  # backed off: not asked

    # round 3: a new item; the 500 feed is fixed and recovers; the others fail again
    base = server.url("")
    server.set("/feeds/a.rss", etag='"a-2"', content_type="application/rss+xml", body=rss(
        "Harbour Post", [("/news/a1.html", "A1", DATE), ("/news/a2.html", "A2", DATE),
                         ("/news/a3.html", "A3", DATE)], base))  # fmt: skip
    server.set("/broken/500.rss", body=rss("Fixed Feed", [("/news/e1.html", "E1", DATE)], base))
    clock.advance(EVERY)
    three = watcher.round()
    assert (three.new_links, three.articles, three.source_failures) == (2, 2, 4)
    for path in articles:  # every article page fetched exactly once over the three rounds
        assert server.hits(path) == 1, path
    assert _rows(db, "SELECT count(*), count(DISTINCT location) FROM pages") == [(7, 7)]
    state = {
        url: (f, err)
        for url, f, err in _rows(db, "SELECT url, failures, last_error FROM watch_sources")
    }
    assert state[server.url("/broken/500.rss")] == (0, None)
    assert state[server.url("/broken/slow.rss")][0] == 2
    assert "malformed XML" in state[server.url("/broken/bad.rss")][1]
    assert "max_page_bytes" in state[server.url("/broken/huge.rss")][1]
    assert "redirects" in state[server.url("/broken/loop.rss")][1]
    assert _rows(db, "SELECT status, count(*) FROM watch_links GROUP BY ALL") == [("done", 7)]
    watcher.close()

    shown = CliRunner().invoke(app, ["sources", "--db", str(db), "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    assert "/broken/slow.rss" in shown.output and "no answer from" in shown.output


def test_every_accepts_durations() -> None:
    assert [parse_every(x) for x in ("15m", "30s", "2h", "1d", "900")] == [
        900,
        30,
        7200,
        86400,
        900,
    ]
