"""Issue: watch. One round of `newsgraph watch` over 1,000 feeds that all answer 304.

    python -m bench watch [--quick]

A local server in its own process (``http.server``, HTTP/1.1 keep-alive) serves 1,000
RSS feeds (200 with --quick) with an ETag and answers a conditional GET with 304.  A
first round reads each feed once (its validators are stored); the measured round finds
every source due and gets 304s only: per feed, one state read, one conditional GET,
one state write, in this process (CPU time of this process only: the server's is not
counted).  The baseline is the same number of conditional GETs with a bare httpx client
in the same process (what fetching alone costs); the ratio is the watcher's overhead.
Settings: ``watch_host_interval=0`` (one host serves every feed), 8 requests in flight.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from newsgraph.ingest.watch import Watcher
from newsgraph.settings import Settings

SERVER = r"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title></channel></rss>'

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def do_GET(self):
        etag = '"' + self.path.rsplit("/", 1)[-1] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304); self.send_header("ETag", etag)
            self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200); self.send_header("ETag", etag)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(BODY))); self.end_headers()
        self.wfile.write(BODY)

httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
httpd.daemon_threads = True
print(httpd.server_address[1], flush=True)
httpd.serve_forever()
"""


def run(quick: bool = False) -> str:
    feeds = 200 if quick else 1000
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        urls = [f"http://127.0.0.1:{port}/feed/{i}" for i in range(feeds)]
        with tempfile.TemporaryDirectory(prefix="ng-bench-watch-") as tmp:
            settings = Settings().merge(
                {"db": str(Path(tmp) / "watch.duckdb"), "watch_host_interval": 0.0,
                 "watch_concurrency": 8, "code_events": False, "stories": False},
                "the benchmark",
            )  # fmt: skip
            with Watcher(settings, urls, every=1.0) as watcher:
                first = watcher.round()
                time.sleep(1.1)  # every source due again
                cpu, wall = time.process_time(), time.perf_counter()
                second = watcher.round()
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            base_cpu, base_wall = _bare(urls)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert first.sources_due == feeds and second.unchanged == feeds, (first, second)
    return "\n".join([
        "## Watching: one round over feeds that all answer 304",
        "",
        f"`python -m bench watch`: {feeds:,} RSS feeds on a local server (its own process), "
        "every one due and answering 304 to the conditional GET; CPU of the watcher's process.",
        "",
        "| what | CPU per feed | wall, whole round | ratio (CPU) |",
        "| --- | --- | --- | --- |",
        f"| bare httpx conditional GETs (baseline) | {base_cpu / feeds * 1000:.2f} ms | {base_wall:.2f} s | 1.0 |",
        f"| `newsgraph watch` round (state read, GET, state write) | {cpu / feeds * 1000:.2f} ms | "
        f"{wall:.2f} s | {cpu / max(base_cpu, 1e-9):.1f} |",
        "",
        f"The round made {second.requests:,} requests and stored nothing; its CPU is "
        f"{cpu:.2f} s for {feeds:,} feeds.",
    ])  # fmt: skip


def _bare(urls: list[str]) -> tuple[float, float]:
    with httpx.Client(limits=httpx.Limits(max_connections=16)) as client:

        def get(url: str) -> int:
            etag = '"' + url.rsplit("/", 1)[-1] + '"'
            return client.get(url, headers={"If-None-Match": etag}).status_code

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(get, urls[:50]))  # warm the connections
            cpu, wall = time.process_time(), time.perf_counter()
            statuses = list(pool.map(get, urls))
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert set(statuses) == {304}
    return cpu, wall
