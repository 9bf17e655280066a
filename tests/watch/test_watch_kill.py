"""A watcher killed with SIGKILL in the middle of a round resumes with nothing lost or
doubled: every article stored once, the feed not re-read (its validators were stored
with its links), pages stored before the kill never fetched again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
from feedserver import FeedServer, article, rss

from conftest import paragraphs

N = 120
ROOT = Path(__file__).resolve().parents[2]


def _watch(feed: str, db: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ, "PYTHONPATH": str(ROOT / "src"), "NEWSGRAPH_BATCH_SIZE": "8",
        "NEWSGRAPH_STORIES": "false", "NEWSGRAPH_TONE": "false",
        "NEWSGRAPH_WATCH_HOST_INTERVAL": "0", "NEWSGRAPH_WATCH_CONCURRENCY": "2",
    }  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "watch", feed, "--once", "--no-code", "--db", str(db)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=db.parent,
    )  # fmt: skip


def _one(db: Path, sql: str) -> object:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        row = conn.execute(sql).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def test_a_watcher_killed_mid_round_resumes_with_nothing_lost_or_doubled(
    server: FeedServer, tmp_path: Path
) -> None:
    items = [(f"/n/{i}.html", f"Item {i}", "Mon, 02 Mar 2026 09:00:00 GMT") for i in range(N)]
    for i, (path, title, _) in enumerate(items):
        server.set(path, body=article(title, paragraphs(5000 + i)))
    server.set("/feed.rss", body=rss("Kill Post", items, server.url("")), etag='"k1"')
    db = tmp_path / "kill.duckdb"

    first = _watch(server.url("/feed.rss"), db)
    assert first.stderr is not None
    try:
        line = first.stderr.readline()  # printed after the first batch is committed
        assert line.startswith("watch: round 1:"), line
        assert first.poll() is None, "the round ended before it could be killed"
        os.kill(first.pid, signal.SIGKILL)
    finally:
        first.wait(timeout=60)
        first.stderr.close()
    assert first.returncode == -signal.SIGKILL
    stored = int(_one(db, "SELECT count(*) FROM pages"))  # type: ignore[arg-type]
    assert 8 <= stored < N
    fetched_before = {p: server.hits(p) for p, _, _ in items}

    again = _watch(server.url("/feed.rss"), db)
    _, errors = again.communicate(timeout=300)
    assert again.returncode == 0, errors
    assert server.hits("/feed.rss") == 1  # its links were recorded with it: not due again yet
    assert _one(db, "SELECT count(*) FROM pages") == N
    assert _one(db, "SELECT count(DISTINCT location) FROM pages") == N
    assert _one(db, "SELECT count(*) FROM articles") == N
    assert _one(db, "SELECT count(*) FROM watch_links WHERE status = 'done'") == N
    conn = duckdb.connect(str(db), read_only=True)
    try:
        kept = {
            str(r[0])
            for r in conn.execute("SELECT location FROM pages WHERE run_id = 1").fetchall()
        }
    finally:
        conn.close()
    assert len(kept) == stored
    for path, _, _ in items:
        if server.url(path) in kept:  # stored before the kill: never fetched again
            assert server.hits(path) == fetched_before[path] == 1, path
        else:  # at most the batch in flight was fetched twice
            assert server.hits(path) <= 2, path
    assert sum(server.hits(p) for p, _, _ in items) <= N + 8 + 4
