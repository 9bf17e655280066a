"""Polite HTTP fetching for ``newsgraph watch``: conditional, rate-limited, bounded, retried.

``Fetcher.fetch(url, etag, last_modified)`` makes one GET with httpx:

* conditional: ``If-None-Match`` / ``If-Modified-Since`` from the validators the last
  answer gave; a 304 comes back as ``Fetched(status=304)`` with no body;
* a per-host rate limit (``HostLimiter``: ``watch_host_interval`` seconds between the
  starts of two requests to one host, whichever thread makes them);
* a timeout (``fetch_timeout``), at most 5 redirects (a loop is an error), a size limit
  (``max_page_bytes``: a larger declared length is refused unread, a body is never read
  past it);
* retries of what may pass (a time-out, a refused connection, 408, 429 and 5xx answers):
  ``watch_retries`` more attempts, waiting ``watch_retry_seconds``, then twice that, ...
  (a ``Retry-After`` of up to a minute is honoured).

Nothing raises for a bad answer: ``Fetched.error`` holds a one-line reason and
``transient`` says whether a later attempt may succeed.  A path that is not an
``http(s)://`` URL is read from disk (an OPML or URL list file), within the same limit.

Every wait goes through a ``Clock``: ``SystemClock`` really sleeps, ``ManualClock``
(tests, benchmarks) moves its time on at once.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import httpx

from ..settings import Settings
from .pages import too_large

USER_AGENT = "newsgraph-watch (news event research)"
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 60.0
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class Clock(Protocol):
    """Wall-clock seconds (``now``) and a way to wait (``sleep``)."""

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class ManualClock:
    """A clock that only moves when told to; ``sleep`` moves it on at once (thread-safe)."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01 00:00 UTC
        self._now = start
        self._lock = threading.Lock()
        self.slept = 0.0

    def now(self) -> float:
        return self._now

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            with self._lock:
                self._now += seconds
                self.slept += seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


class HostLimiter:
    """At most one request start per ``interval`` seconds per host."""

    def __init__(self, interval: float, clock: Clock) -> None:
        self.interval = interval
        self.clock = clock
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        if self.interval <= 0:
            return
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = self.clock.now()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.interval
        self.clock.sleep(start - now)


@dataclass(frozen=True, slots=True)
class Fetched:
    """The answer to one fetch (after its retries)."""

    url: str
    status: int  # the HTTP status; 0 when no answer came
    body: bytes = b""
    final_url: str | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    transient: bool = False  # a later attempt may succeed
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304 and self.error is None


class _Refused(Exception):
    def __init__(self, reason: str, transient: bool, status: int = 0, wait: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.status = status
        self.wait = wait


class Fetcher:
    """Fetches URLs under the settings' limits (see the module docstring)."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock | None = None,
        limiter: HostLimiter | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock or SystemClock()
        self.limiter = limiter or HostLimiter(settings.watch_host_interval, self.clock)
        self.limit = settings.max_page_bytes
        self.client = client or httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(settings.fetch_timeout),
            headers={"User-Agent": USER_AGENT},
            limits=httpx.Limits(max_connections=max(4, settings.watch_concurrency * 2)),
            trust_env=True,
        )
        self.requests = 0  # requests sent (attempts), for the round's report
        self._count = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        if not url.lower().startswith(("http://", "https://")):
            return self._read_file(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        retries = max(0, self.settings.watch_retries)
        wait = self.settings.watch_retry_seconds
        attempt = 0
        while True:
            attempt += 1
            self.limiter.wait(url)
            with self._count:
                self.requests += 1
            try:
                return self._once(url, headers, attempt)
            except _Refused as exc:
                if not exc.transient or attempt > retries:
                    return Fetched(
                        url, exc.status, error=exc.reason, transient=exc.transient, attempts=attempt
                    )
                self.clock.sleep(max(wait, exc.wait))
                wait *= 2

    def _once(self, url: str, headers: dict[str, str], attempt: int) -> Fetched:
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
                if status == 304:
                    return Fetched(url, 304, final_url=str(response.url), etag=etag,
                                   last_modified=modified, attempts=attempt)  # fmt: skip
                if status != 200:
                    raise _Refused(
                        f"HTTP {status} {response.reason_phrase} fetching {url}",
                        status in TRANSIENT_STATUS,
                        status,
                        _retry_after(response.headers.get("retry-after")),
                    )
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.limit:
                    raise _Refused(too_large("the response", int(declared), self.limit), False, 200)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > self.limit:
                        raise _Refused(too_large("the response", None, self.limit), False, 200)
                return Fetched(
                    url, 200, b"".join(chunks), str(response.url),
                    response.headers.get("content-type", ""), etag, modified, attempts=attempt,
                )  # fmt: skip
        except httpx.TooManyRedirects:
            raise _Refused(f"more than {MAX_REDIRECTS} redirects fetching {url}", False) from None
        except httpx.TimeoutException:
            raise _Refused(
                f"no answer from {url} within {self.settings.fetch_timeout:g} s "
                "(setting fetch_timeout)",
                True,
            ) from None
        except httpx.TransportError as exc:
            raise _Refused(f"cannot fetch {url}: {type(exc).__name__}: {exc}", True) from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            raise _Refused(f"cannot fetch {url}: {type(exc).__name__}: {exc}", False) from None

    def _read_file(self, path: str) -> Fetched:
        try:
            file = Path(path)
            size = file.stat().st_size
            if size > self.limit:
                return Fetched(path, 0, error=too_large("the file", size, self.limit))
            return Fetched(path, 200, file.read_bytes(), path)
        except OSError as exc:
            return Fetched(path, 0, error=f"cannot read {path}: {exc.strerror or exc}")


def _retry_after(value: str | None) -> float:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date), capped."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, min(when - time.time(), MAX_RETRY_AFTER))
