"""The outbox: a JSONL line written before a crash is not written again; a webhook that
cannot be reached keeps its alerts pending until it can, then gets each once."""

from __future__ import annotations

import json
from pathlib import Path

from alertdb import NOW, build_store
from feedserver import feed_server

from conftest import watch_settings
from newsgraph.ingest.alerting import scan
from newsgraph.ingest.delivery import deliver
from newsgraph.ingest.spikes import SpikeParams
from newsgraph.ingest.watchstate import LocalState
from newsgraph.sources.fetch import ManualClock
from newsgraph.store import alerts as alert_store


def test_outbox_delivers_each_alert_once_across_a_crash_and_an_outage(tmp_path: Path) -> None:
    sink = tmp_path / "alerts.jsonl"
    with feed_server() as receiver:
        hook = receiver.url("/hook")
    # the receiver is down now: its port refuses connections
    settings = watch_settings(tmp_path / "x.duckdb", fetch_timeout=2.0)
    clock = ManualClock(NOW.timestamp())
    with build_store(tmp_path, [(5, 1)] * 3) as store:
        scan(store.connection, NOW, [("jsonl", str(sink)), ("webhook", hook)], SpikeParams())
        state = LocalState(store.connection)
        rows, total = alert_store.alerts_page(store.connection)
        assert total == 3
        first = rows[-1]["payload"]
        sink.write_text(json.dumps(first) + "\n" + '{"alert_id": "cut-sho', encoding="utf-8")
        report = deliver(state, settings, clock)
        assert (report.sent, report.failed) == (3, 3)  # the files; the webhook is down
        lines = sink.read_text(encoding="utf-8").splitlines()
        ids = [json.loads(line)["alert_id"] for line in lines if line.endswith("}")]
        assert sorted(ids) == sorted(r["alert_id"] for r in rows)  # the first one once
        assert alert_store.outbox_counts(store.connection) == {"sent": 3, "pending": 3}
        assert deliver(state, settings, clock).sent == 0  # not due again yet
        with feed_server() as receiver:
            store.connection.execute(  # the receiver is back (on another port)
                "UPDATE alert_outbox SET target = ? WHERE channel = 'webhook'",
                [receiver.url("/hook")],
            )
            clock.advance(3600)
            again = deliver(state, settings, clock)
            assert (again.sent, again.failed) == (3, 0)
            assert sorted(b["alert_id"] for _, b, _ in receiver.posts) == sorted(ids)
        assert alert_store.outbox_counts(store.connection) == {"sent": 6}
