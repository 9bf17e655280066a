"""While `newsgraph serve` holds the store, the watcher writes through it (pages, its
state, alerts), and the alerts are served by /api/alerts and the dashboard's page."""

from __future__ import annotations

from pathlib import Path

import httpx
from feedserver import FeedServer, article, rss
from typer.testing import CliRunner
from webserver import dashboard

from conftest import paragraphs, watch_settings
from newsgraph.cli import app
from newsgraph.ingest.watch import Watcher
from newsgraph.sources.fetch import ManualClock


def test_a_watcher_writes_through_the_running_server(server: FeedServer, tmp_path: Path) -> None:
    items = [(f"/n/{i}.html", f"Item {i}", "Mon, 02 Mar 2026 09:00:00 GMT") for i in range(3)]
    for i, (path, title, _) in enumerate(items):
        server.set(path, body=article(title, paragraphs(900 + i)))
    server.set("/feed.rss", body=rss("Served Post", items, server.url("")), etag='"s1"')
    db = tmp_path / "served.duckdb"
    with dashboard(db) as url:
        runner = CliRunner()
        added = runner.invoke(
            app, ["watchlist", "add", "served", "--keyword", "item", "--db", str(db)]
        )
        assert added.exit_code == 0, added.output  # through the server: the file is held
        clock = ManualClock()
        with Watcher(watch_settings(db), [server.url("/feed.rss")], 900.0, clock) as watcher:
            one = watcher.round()
            clock.advance(900)
            two = watcher.round()
        assert (one.articles, one.new_links, two.unchanged, two.fetched) == (3, 3, 1, 0)
        assert server.hits("/feed.rss", 304) == 1
        found = httpx.get(url + "/api/articles").json()
        assert found["total"] == 3
        alerts = httpx.get(url + "/api/alerts?limit=5")
        assert alerts.status_code == 200 and alerts.json() == {
            "total": 0, "limit": 5, "offset": 0, "items": []
        }  # fmt: skip
        assert httpx.get(url + "/api/alerts?kind=nope").status_code == 422
        page = httpx.get(url + "/alerts")
        assert page.status_code == 200 and 'id="no-alerts"' in page.text
        held = runner.invoke(app, ["watchlist", "add", "served", "--actor", "RUS", "--db", str(db)])
        assert held.exit_code == 2 and "exists" in held.output
