"""Watchlists alert on new matching events and on nothing else; alerts reach a webhook
once each although it fails the first time, and a JSONL file once each."""

from __future__ import annotations

import json
from pathlib import Path

from feedserver import FeedServer, article, rss
from typer.testing import CliRunner

from conftest import watch_settings
from newsgraph.cli import app
from newsgraph.ingest.watch import Watcher
from newsgraph.ingest.watchstate import LocalState
from newsgraph.sources.fetch import ManualClock
from newsgraph.store import Store

DATE = "Mon, 02 Mar 2026 09:00:00 GMT"
PAGES = {
    "p1": ("Ceasefire row", [
        "Russia accused Turkey on Monday of violating the ceasefire agreement in Idlib.",
        "The Russian defence ministry said Turkish troops had shelled Syrian army positions near Saraqib.",
        "Officials in Ankara did not answer questions about the shelling by the evening.",
        "Residents of the nearby villages said they had heard artillery for most of the night.",
    ]),
    "p2": ("Trade deal", [
        "France signed a trade agreement with Germany on Monday.",
        "The French president praised the German chancellor for the deal.",
        "Both governments said the agreement would take effect in the spring.",
        "Business groups in both countries welcomed the lower tariffs on machinery and wine.",
    ]),
    "p3": ("Strong words", [
        "Turkey condemned Russia on Tuesday over the air strikes near the border.",
        "A spokesman in Ankara said the strikes had put the whole agreement at risk.",
        "Moscow said it would study the statement before giving any answer.",
        "Diplomats expect the foreign ministers to meet again before the end of the month.",
    ]),
}  # fmt: skip


def _feed(server: FeedServer, names: list[str]) -> None:
    items = [(f"/news/{n}.html", PAGES[n][0], DATE) for n in names]
    server.set("/feed.rss", body=rss("Border Monitor", items, server.url("")))


def test_watchlists_alert_once_on_new_matching_events_and_deliver_once(
    server: FeedServer, tmp_path: Path
) -> None:
    for name, (title, text) in PAGES.items():
        server.set(f"/news/{name}.html", body=article(title, text))
    server.set("/hook", fail=1)  # the receiver fails the first time
    _feed(server, ["p1", "p2"])
    db, sink = tmp_path / "alerts.duckdb", tmp_path / "out" / "alerts.jsonl"
    settings = watch_settings(db, code_events=True, watch_webhook=server.url("/hook"),
                              watch_jsonl=str(sink), watch_concurrency=1)  # fmt: skip
    clock = ManualClock()
    with Store.open(db) as store:
        state = LocalState(store.connection)
        state.call("add_watchlist", name="rus-tur", filters={"dyad": "RUS,TUR"}, now=clock.now())
        state.call("add_watchlist", name="shelling", now=clock.now(),
                   filters={"type": "ASSAULT", "place": "SYR", "keyword": "shelled"})  # fmt: skip
    watcher = Watcher(settings, [server.url("/feed.rss")], 900.0, clock)

    one = watcher.round()
    assert one.articles == 2 and one.events >= 4  # the French-German events are there too
    assert (one.alerts, one.delivered, one.delivery_failures) == (2, 3, 1)
    _feed(server, ["p1", "p2", "p3"])
    clock.advance(900)
    two = watcher.round()
    assert (two.articles, two.alerts, two.delivered, two.delivery_failures) == (1, 1, 3, 0)
    clock.advance(900)
    three = watcher.round()
    assert (three.alerts, three.delivered) == (0, 0)
    watcher.close()

    shown = CliRunner().invoke(app, ["alerts", "--db", str(db), "--format", "jsonl"])
    assert shown.exit_code == 0, shown.output
    alerts = [json.loads(line) for line in shown.output.splitlines()]
    assert alerts[0]["article"]["title"] == "Strong words"  # newest first
    assert sorted((a["watchlist"], a["event"]["type"], a["article"]["title"]) for a in alerts) == [
        ("rus-tur", "ACCUSE", "Ceasefire row"),
        ("rus-tur", "ACCUSE", "Strong words"),
        ("shelling", "ASSAULT", "Ceasefire row"),
    ]
    assert {a["event"]["source"][0][:3] + a["event"]["target"][0][:3] for a in alerts if
            a["watchlist"] == "rus-tur"} <= {"RUSTUR", "TURRUS"}  # fmt: skip
    assert all(
        a["link"] == f"/articles/{a['article_id']}" and a["event"]["evidence"] for a in alerts
    )
    ids = sorted(a["alert_id"] for a in alerts)

    posted = [body["alert_id"] for path, body, _ in server.posts if path == "/hook"]
    assert sorted(posted) == ids  # each alert accepted once, the failed one too
    assert server.hits("/hook") == 4 and server.hits("/hook", 500) == 1
    assert all(h.get("Idempotency-Key") == b["alert_id"] for _, b, h in server.posts)
    lines = [json.loads(line)["alert_id"] for line in sink.read_text().splitlines()]
    assert sorted(lines) == ids
