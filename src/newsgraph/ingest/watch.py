"""``newsgraph watch``: fetch sources in rounds, ingest what is new, alert on it.

A round::

    due sources (watch_sources: next_due <= now) -> conditional GET (sources/fetch.py)
        304 or the same body: nothing more; a failure: failures + 1, next due after
        every * 2^failures (at most watch_max_backoff); else the links and sources it
        lists (sources/discover.py), recorded with its validators in one transaction
    -> sources found (an OPML's feeds, a sitemap index's sitemaps) are due at once
    -> pending links (watch_links): those whose page is stored already are done; the
       others are fetched (per-host rate limit, timeout, size limit, retries) and go,
       batch by batch, through the chain of ``newsgraph ingest``: PageWork, the store's
       write_batch (or the server's), the story hook; then the links are marked done
    -> a link that failed for now is tried again later (watch_link_attempts rounds,
       backing off), then stored as a failure with its reason
    -> alerts of what was stored (alerting.scan), then the outbox is delivered

Killed at any point, the next round redoes at most the batch in flight: a link is
done only once its page is stored, and a page stored is never fetched again.  The
store is opened for each round and closed between rounds (other commands can read
it meanwhile), or written through the running server that holds it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from itertools import zip_longest
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..errors import ConfigError, SourceError
from ..records import Page, PageMeta, PageTally
from ..settings import Settings
from ..sources.discover import discover
from ..sources.fetch import Clock, Fetched, Fetcher, SystemClock
from ..sources.pages import error_page, page_from_bytes
from ..store import Store, page_id
from ..store.remote import RemoteStore, remote_writer
from .delivery import channels, deliver
from .sinkrun import SinkRun
from .spikes import SpikeParams
from .watchstate import WatchState, state_for
from .work import PageWork, make_coder

log = logging.getLogger(__name__)
MAX_DEPTH = 4  # passes over sources found inside sources, per round
_MIME = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
T = TypeVar("T")
R = TypeVar("R")


@dataclass(slots=True, kw_only=True)
class RoundReport(PageTally):
    """What one round did (the page counts of ``PageTally``, for the pages it stored)."""

    round: int
    sources_due: int = 0
    unchanged: int = 0
    source_failures: int = 0
    new_links: int = 0
    fetched: int = 0
    link_retries: int = 0
    alerts: int = 0
    delivered: int = 0
    delivery_failures: int = 0
    requests: int = 0
    next_due: float | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"watch round {self.round}: {self.sources_due} sources due ({self.unchanged} "
            f"unchanged, {self.source_failures} failed), {self.new_links} new links, "
            f"{self.fetched} pages fetched, {self.articles + self.duplicates + self.failed} "
            f"stored ({self.articles} articles, {self.duplicates} duplicates, {self.failed} "
            f"failures), {self.link_retries} to retry; {self.alerts} new alerts, "
            f"{self.delivered} delivered"
        )


def parse_every(text: str) -> float:
    """``"15m"``, ``"30s"``, ``"2h"``, ``"1d"`` or seconds, as seconds (at least 1)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value = text.strip().lower()
    try:
        seconds = float(value[:-1]) * units[value[-1]] if value[-1:] in units else float(value)
    except (ValueError, IndexError):
        raise ValueError(
            f"--every {text!r}: expected a duration such as 15m, 30s, 2h or 900"
        ) from None
    if seconds < 1:
        raise ValueError(f"--every {text!r}: expected at least one second")
    return seconds


def stamp(iso: str | None) -> float | None:
    """An ISO time of the store (naive UTC) as epoch seconds."""
    return datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp() if iso else None


class Watcher:
    """Rounds over ``sources`` (all watched sources of the store when empty)."""

    def __init__(
        self,
        settings: Settings,
        sources: Sequence[str] = (),
        every: float | None = None,
        clock: Clock | None = None,
        fetcher: Fetcher | None = None,
        coder: Callable[[Settings], Any] | None = None,
        progress: Callable[[RoundReport], None] | None = None,
    ) -> None:
        self.settings = settings
        self.sources = list(dict.fromkeys(sources))
        self.every = every or settings.watch_every
        self.clock = clock or SystemClock()
        self.fetcher = fetcher or Fetcher(settings, self.clock)
        self.progress = progress
        self.rounds = 0
        self._make_coder = coder or make_coder
        self._coder: Any = None
        self._registered = False

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def coder(self, settings: Settings) -> Any:
        """One event coder for every round (spaCy loads once)."""
        if self._coder is None:
            self._coder = self._make_coder(settings)
        return self._coder

    def run(self, once: bool = False, rounds: int | None = None) -> list[RoundReport]:
        """Rounds until stopped (``once``: one; ``rounds``: that many), waiting between
        them until the next source or link is due."""
        done: list[RoundReport] = []
        while True:
            report = self.round()
            done.append(report)
            if once or (rounds is not None and len(done) >= rounds):
                return done
            due = report.next_due if report.next_due is not None else self.clock.now() + self.every
            self.clock.sleep(min(max(due - self.clock.now(), 1.0), self.every))

    # -- a round ----------------------------------------------------------------------

    def round(self) -> RoundReport:
        self.rounds += 1
        report = RoundReport(round=self.rounds)
        requests = self.fetcher.requests
        with ExitStack() as stack:
            sink: Store | RemoteStore = remote_writer(self.settings.db) or stack.enter_context(
                Store.open(self.settings.db, memory_mb=self.settings.store_memory_mb)
            )
            state = state_for(sink)
            if not self._registered and self.sources:
                state.call("add_sources", urls=self.sources, every=self.every, now=self.clock.now())
            self._registered = True
            roots = self.sources or state.call("watched_roots")
            if not roots:
                raise ConfigError(
                    f"no sources to watch in {self.settings.db}: give feeds, sitemaps, OPML "
                    "files or URL lists (newsgraph watch URL...)"
                )
            self._fetch_sources(state, roots, report)
            self._fetch_links(sink, state, roots, report)
            found = state.call(
                "scan_alerts", now=self.clock.now(), channels=[list(c) for c in channels(self.settings)],
                params=asdict(SpikeParams.of(self.settings)),
            )  # fmt: skip
            report.alerts = int(found["new"])
            delivered = deliver(state, self.settings, self.clock)
            report.delivered, report.delivery_failures = delivered.sent, delivered.failed
            report.next_due = stamp(state.call("next_due", roots=roots))
        report.requests = self.fetcher.requests - requests
        return report

    def _fetch_sources(self, state: WatchState, roots: list[str], report: RoundReport) -> None:
        done: set[str] = set()  # a source is fetched once a round, however short its interval
        for _ in range(MAX_DEPTH):
            due = [
                s for s in state.call("due_sources", now=self.clock.now(), roots=roots)
                if s["url"] not in done
            ]  # fmt: skip
            if not due:
                return
            done.update(s["url"] for s in due)
            report.sources_due += len(due)
            fetch = lambda s: self.fetcher.fetch(s["url"], s["etag"], s["last_modified"])  # noqa: E731
            unchanged: list[dict[str, Any]] = []
            for source, fetched in self._map(fetch, due, lambda s: s["url"]):
                self._record(state, source, fetched, report, unchanged)
                if len(unchanged) >= 500:
                    state.call("record_unchanged", rows=unchanged, now=self.clock.now())
                    unchanged.clear()
            state.call("record_unchanged", rows=unchanged, now=self.clock.now())

    def _record(
        self,
        state: WatchState,
        source: dict[str, Any],
        got: Fetched,
        report: RoundReport,
        unchanged: list[dict[str, Any]],
    ) -> None:
        """Record a source's fetch: new links at once (with its validators, one
        transaction); a 304 or the same body into ``unchanged``, written in bulk (lost
        to a kill, it costs one more conditional GET); a failure, backing off."""
        now, every = self.clock.now(), float(source["every_seconds"])
        common = {"url": source["url"], "now": now, "status": got.status}
        if got.error is None and not got.not_modified:
            digest = hashlib.sha256(got.body).hexdigest()[:32]
            if digest != source["content_hash"]:
                found = discover(got.body, source["url"])
                if found.error is None:
                    links = [link.as_dict() for link in found.links if self._recent(link.published)]
                    report.new_links += state.call(
                        "record_fetch", **common, due=now + every, kind=found.kind, etag=got.etag,
                        last_modified=got.last_modified, content_hash=digest, links=links,
                        children=found.children,
                    )  # fmt: skip
                    return
                got = Fetched(got.url, got.status, error=found.error)
        if got.error is None:  # 304, or the same body as last time
            report.unchanged += 1
            unchanged.append({"url": source["url"], "status": got.status, "etag": got.etag,
                              "last_modified": got.last_modified, "due": now + every})  # fmt: skip
            return
        failures = int(source["failures"]) + 1
        delay = min(every * 2**failures, max(self.settings.watch_max_backoff, every))
        report.source_failures += 1
        report.errors.append((source["url"], got.error))
        state.call("record_fetch", **common, due=now + delay, error=got.error)

    def _recent(self, published: str | None) -> bool:
        days = self.settings.watch_max_age_days
        if days <= 0 or not published or len(published) < 10:
            return True
        cutoff = datetime.fromtimestamp(self.clock.now() - days * 86400, UTC).date().isoformat()
        return published[:10] >= cutoff

    def _fetch_links(
        self, sink: Store | RemoteStore, state: WatchState, roots: list[str], report: RoundReport
    ) -> None:
        links = state.call("pending_links", now=self.clock.now(), roots=roots)
        if not links:
            return
        stored = sink.page_states([page_id(link["url"]) for link in links])
        already = [link["url"] for link in links if page_id(link["url"]) in stored]
        if already:  # stored before a kill let the link be marked: never fetched again
            state.call("links_done", urls=already, now=self.clock.now())
        todo = [link for link in links if page_id(link["url"]) not in stored]
        if not todo:
            return
        work = PageWork(self.settings, sink, tally=report, coder=self.coder)
        inputs = [f"watch: {r}" for r in roots]
        pages: list[tuple[str, Page]] = []
        with SinkRun(self.settings, sink, inputs, work, report, self.progress) as run:

            def commit() -> None:
                run.write(work.process([page for _, page in pages]))
                state.call("links_done", urls=[url for url, _ in pages], now=self.clock.now())
                pages.clear()

            for link, got in self._map(self._fetch_link, todo, lambda x: x["url"]):
                report.fetched += got.error is None
                page = self._page(state, link, got, report)
                if page is not None:
                    pages.append((link["url"], page))
                if len(pages) >= max(1, self.settings.batch_size):
                    commit()
            if pages:
                commit()

    def _fetch_link(self, link: dict[str, Any]) -> Fetched:
        return self.fetcher.fetch(link["url"])

    def _page(
        self, state: WatchState, link: dict[str, Any], got: Fetched, report: RoundReport
    ) -> Page | None:
        """The page of a fetched link; None when it is to be tried again later."""
        url = link["url"]
        published = link.get("published")
        meta = PageMeta(
            url=got.final_url or url, outlet=link.get("outlet"), published=published,
            published_source="feed" if published else None, title=link.get("title"),
            author=link.get("author"),
        )  # fmt: skip
        if got.error is not None:
            attempts = int(link["attempts"]) + 1
            if got.transient and attempts < self.settings.watch_link_attempts:
                delay = min(
                    self.settings.watch_retry_seconds * 4**attempts, self.settings.watch_max_backoff
                )
                state.call(
                    "link_retry", url=url, error=got.error, next_try=self.clock.now() + delay
                )
                report.link_retries += 1
                return None
            return error_page(url, "html", got.error, meta)
        mime = got.content_type.split(";")[0].strip().lower()
        kind = _MIME.get(mime) or (
            None if mime else "html" if got.body.lstrip()[:1] == b"<" else "text"
        )
        if kind is None:
            reason = f"unsupported content type {mime!r} (expected text/html, application/xhtml+xml or text/plain)"
            return error_page(url, "html", reason, meta)
        try:
            return page_from_bytes(url, got.body, "html" if kind == "html" else "text", meta,
                                   declared=got.content_type)  # fmt: skip
        except SourceError as exc:
            return error_page(url, "html", exc.reason, meta)

    def _map(
        self, fn: Callable[[T], R], items: Sequence[T], url: Callable[[T], str]
    ) -> Iterator[tuple[T, R]]:
        """``fn`` over the items on ``watch_concurrency`` threads, hosts interleaved,
        results as they come (a few in flight at once, so a kill loses little)."""
        order = list(_interleave(items, lambda x: urlsplit(url(x)).netloc.lower()))
        workers = max(1, self.settings.watch_concurrency)
        if workers == 1:
            for item in order:
                yield item, fn(item)
            return
        with ThreadPoolExecutor(workers, thread_name_prefix="newsgraph-watch") as pool:
            pending: dict[Future[R], T] = {}
            queue = iter(order)
            for item in queue:
                pending[pool.submit(fn, item)] = item
                if len(pending) >= workers * 2:
                    break
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    item = pending.pop(future)
                    nxt = next(queue, None)
                    if nxt is not None:
                        pending[pool.submit(fn, nxt)] = nxt
                    yield item, future.result()


def _interleave(items: Iterable[T], key: Callable[[T], str]) -> Iterator[T]:
    """One item of each host in turn (a host's items keep their order)."""
    by_key: dict[str, list[T]] = {}
    for item in items:
        by_key.setdefault(key(item), []).append(item)
    for group in zip_longest(*by_key.values()):
        yield from (x for x in group if x is not None)
