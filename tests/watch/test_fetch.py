"""The watcher's fetcher against a real local server: validators, limits, retries."""

from __future__ import annotations

from pathlib import Path

from feedserver import FeedServer

from conftest import watch_settings
from newsgraph.sources.fetch import Fetcher, HostLimiter, ManualClock


def fetcher(tmp_path: Path, **changes: object) -> tuple[Fetcher, ManualClock]:
    clock = ManualClock()
    return Fetcher(watch_settings(tmp_path / "x.duckdb", **changes), clock), clock


def test_conditional_requests_get_a_304_and_no_body(server: FeedServer, tmp_path: Path) -> None:
    server.set("/a.rss", body=b"<rss/>", etag='"v1"', last_modified="Tue, 03 Mar 2026 10:00:00 GMT")
    f, _ = fetcher(tmp_path)
    first = f.fetch(server.url("/a.rss"))
    assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v1"')
    again = f.fetch(server.url("/a.rss"), first.etag, None)
    assert again.not_modified and again.body == b""
    by_date = f.fetch(server.url("/a.rss"), None, first.last_modified)
    assert by_date.not_modified
    assert [s for _, p, s in server.log if p == "/a.rss"] == [200, 304, 304]


def test_a_5xx_is_retried_with_doubling_waits_then_given_up(
    server: FeedServer, tmp_path: Path
) -> None:
    server.set("/bad", status=500)
    f, clock = fetcher(tmp_path, watch_host_interval=0.0)
    got = f.fetch(server.url("/bad"))
    assert got.status == 500 and got.transient and got.attempts == 3
    assert "HTTP 500" in (got.error or "")
    assert clock.slept == 1.0 + 2.0 and server.hits("/bad") == 3
    server.set("/flaky", body=b"ok", fail=1)
    assert f.fetch(server.url("/flaky")).body == b"ok"  # the retry succeeds


def test_a_404_is_not_retried(server: FeedServer, tmp_path: Path) -> None:
    f, _ = fetcher(tmp_path)
    got = f.fetch(server.url("/missing"))
    assert (got.status, got.transient, server.hits("/missing")) == (404, False, 1)


def test_timeout_size_limit_and_redirect_loop(server: FeedServer, tmp_path: Path) -> None:
    server.set("/slow", sleep=10)
    server.set("/huge", stream=50_000_000, content_type="application/rss+xml")
    server.set("/loop", redirect="/loop2")
    server.set("/loop2", redirect="/loop")
    server.set("/declared", body=b"x" * 2_000_000)
    f, _ = fetcher(tmp_path, watch_retries=0)
    slow = f.fetch(server.url("/slow"))
    assert slow.transient and "within 0.2 s" in (slow.error or "")
    huge = f.fetch(server.url("/huge"))
    assert not huge.transient and "max_page_bytes limit of 1000000" in (huge.error or "")
    assert huge.body == b""
    declared = f.fetch(server.url("/declared"))
    assert "2000000 bytes, over" in (declared.error or "")
    loop = f.fetch(server.url("/loop"))
    assert "more than 5 redirects" in (loop.error or "") and not loop.transient


def test_requests_to_one_host_are_spaced_by_the_interval() -> None:
    clock = ManualClock(1000.0)
    limiter = HostLimiter(2.0, clock)
    for _ in range(3):
        limiter.wait("http://a.test/x")
    limiter.wait("http://b.test/x")  # another host: no wait
    assert clock.now() == 1004.0


def test_a_local_file_is_a_source_too(tmp_path: Path) -> None:
    path = tmp_path / "feeds.opml"
    path.write_text("<opml/>", encoding="utf-8")
    f, _ = fetcher(tmp_path)
    assert f.fetch(str(path)).body == b"<opml/>"
    assert "cannot read" in (f.fetch(str(tmp_path / "none.opml")).error or "")
