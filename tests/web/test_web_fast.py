"""The lean path for /api/events and /api/timeline answers exactly what the routes do.

Two apps over one store: one as served (``FastPath`` in front), one with
``fast=False`` (every request through FastAPI's validation and the route).  Random
valid queries must get the same status and the same bytes from both, and the lean
path must have answered them; queries in an unusual form (other spellings of
booleans and integers, repeated or unknown parameters, escapes, bad values) must go
on to the route, so their answers (422 messages included) stay the route's.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlencode

import pytest
from bench.bench_web import COUNTRIES, OUTLETS, build_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from webdb import build_db

from newsgraph.events.lexicon import PLOVER_TYPES
from newsgraph.web.app import create_app
from newsgraph.web.fast import EVENTS, TIMELINE, FastPath, parse_query

CODES = [c[0] for c in COUNTRIES[:8]] + ["RUSGOV", "NOPE"]
DATES = st.one_of(
    st.integers(2014, 2025).map(str),
    st.tuples(st.integers(2014, 2025), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.tuples(st.integers(2014, 2025), st.integers(1, 12), st.integers(1, 28)).map(
        lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
    ),
)
BOOLS = st.sampled_from(["true", "false"])


class Apps:
    def __init__(self, db: Path) -> None:
        self.fast = create_app(str(db), read_only=True)
        self.slow = create_app(str(db), read_only=True, fast=False)
        self.loop = asyncio.new_event_loop()
        for app in (self.fast, self.slow):
            app.state.host.open()
            deadline = time.monotonic() + 60
            while app.state.host.fresh_index() is None:
                assert time.monotonic() < deadline, "the index was not built"
                time.sleep(0.05)
            self.get(app, "/api/health")  # builds the middleware stack
        self.lean = _find(self.fast.middleware_stack)

    def get(self, app: Any, path: str, query: bytes = b"") -> tuple[int, bytes]:
        return call(self.loop, app, path, query)

    def both(self, path: str, query: bytes) -> tuple[tuple[int, bytes], tuple[int, bytes]]:
        self.fast.state.response_cache.entries.clear()
        self.slow.state.response_cache.entries.clear()
        return self.get(self.fast, path, query), self.get(self.slow, path, query)

    def close(self) -> None:
        for app in (self.fast, self.slow):
            app.state.host.close()
        self.loop.close()


def call(
    loop: asyncio.AbstractEventLoop, app: Any, path: str, query: bytes = b""
) -> tuple[int, bytes]:
    """One GET straight through the ASGI app (no socket): (status, body)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "root_path": "",
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    loop.run_until_complete(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


def _find(app: Any) -> FastPath:
    while not isinstance(app, FastPath):
        app = app.app
    return app


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Apps]:
    db = tmp_path_factory.mktemp("fast") / "fast.duckdb"
    build_store(db, 2000, per_article=5, seed=5)
    build_db(db, seeds=False, stories=False)
    found = Apps(db)
    yield found
    found.close()


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.none(), strategy)


EVENT_QUERIES = st.fixed_dictionaries(
    {
        "actor": _maybe(st.sampled_from(CODES)),
        "dyad": _maybe(st.tuples(st.sampled_from(CODES), st.sampled_from(CODES)).map(",".join)),
        "type": _maybe(st.sampled_from(list(PLOVER_TYPES))),  # some the store has none of
        "since": _maybe(DATES),
        "until": _maybe(DATES),
        "outlet": _maybe(st.sampled_from([*OUTLETS, "Nobody at all"])),
        "directed": _maybe(BOOLS),
        "sort": _maybe(st.sampled_from(["date", "intensity", "type"])),
        "order": _maybe(st.sampled_from(["asc", "desc"])),
        "limit": _maybe(st.integers(1, 500).map(str)),
        "offset": _maybe(st.integers(0, 3000).map(str)),
    }
)
TIMELINE_QUERIES = st.fixed_dictionaries(
    {
        "a": _maybe(st.sampled_from(CODES)),
        "b": _maybe(st.sampled_from(CODES)),
        "by": _maybe(st.sampled_from(["day", "week", "month", "year"])),
        "directed": _maybe(BOOLS),
        "since": _maybe(DATES),
        "until": _maybe(DATES),
        "include_negated": _maybe(BOOLS),
    }
)


def _query(values: dict[str, str | None]) -> bytes:
    return urlencode({k: v for k, v in values.items() if v is not None}).encode()


@given(values=EVENT_QUERIES)
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_events_same_bytes_as_the_route(apps: Apps, values: dict[str, str | None]) -> None:
    before = apps.lean.answered
    fast, slow = apps.both("/api/events", _query(values))
    assert fast == slow
    assert fast[0] == 200 and apps.lean.answered == before + 1
    page = json.loads(fast[1])
    assert set(page) == {"total", "limit", "offset", "items"}
    assert all("when_date" not in item for item in page["items"])


@given(values=TIMELINE_QUERIES)
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_timeline_same_bytes_as_the_route(apps: Apps, values: dict[str, str | None]) -> None:
    before = apps.lean.answered
    fast, slow = apps.both("/api/timeline", _query(values))
    assert fast == slow
    assert fast[0] == 200 and apps.lean.answered == before + 1


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/events", "directed=1"),
        ("/api/events", "directed=True"),
        ("/api/events", "limit=050"),
        ("/api/events", "limit=%2B5"),
        ("/api/events", "limit=0"),
        ("/api/events", "limit=501"),
        ("/api/events", "offset=-1"),
        ("/api/events", "actor=RUS&actor=TUR"),
        ("/api/events", "actor=RUS&page=2"),
        ("/api/events", "actor="),
        ("/api/events", "actor"),
        ("/api/events", "actor=RUS&&sort=date"),
        ("/api/events", "actor=R%27US"),
        ("/api/events", "actor=%FF"),
        ("/api/events", "sort=date%3B+DROP+TABLE+events"),
        ("/api/events", "dyad=RUS"),
        ("/api/events", "since=2020-13"),
        ("/api/events", "outlet=%00"),
        ("/api/timeline", "include_negated=yes"),
        ("/api/timeline", "by=decade"),
        ("/api/timeline", "a=RUS&b=TUR&a=USA"),
        ("/api/timeline", "a=%3Cscript%3E"),
    ],
)
def test_unusual_queries_go_to_the_route(apps: Apps, path: str, query: str) -> None:
    before = apps.lean.answered
    fast, slow = apps.both(path, query.encode())
    assert fast == slow
    assert apps.lean.answered == before
    assert fast[0] in (200, 422)


def test_escaped_values_take_the_lean_path(apps: Apps) -> None:
    query = f"outlet={quote_plus(OUTLETS[0])}&dyad=RUS%2CTUR&since=2019".encode()
    before = apps.lean.answered
    fast, slow = apps.both("/api/events", query)
    assert fast == slow and fast[0] == 200
    assert apps.lean.answered == before + 1


def test_parse_query() -> None:
    assert parse_query(b"", EVENTS) == {}
    assert parse_query(b"limit=20&directed=false&dyad=RUS%2CTUR", EVENTS) == {
        "limit": 20,
        "directed": False,
        "dyad": "RUS,TUR",
    }
    assert parse_query(b"a=RUS&by=week&include_negated=true", TIMELINE) == {
        "a": "RUS",
        "by": "week",
        "include_negated": True,
    }
    for bad in (b"limit=00", b"limit=1e3", b"directed=yes", b"x=1", b"a=RUS", b"since=2020-1"):
        assert parse_query(bad, EVENTS) is None, bad
    assert parse_query(b"outlet=Caf%C3%A9", EVENTS) == {"outlet": "Café"}
    assert parse_query(b"outlet=%C3", EVENTS) is None  # not UTF-8


def test_no_cache_app(tmp_path: Path) -> None:
    db = tmp_path / "nocache.duckdb"
    build_store(db, 50, per_article=5, seed=2)
    app = create_app(str(db), read_only=True, cache=False)
    app.state.host.open()
    loop = asyncio.new_event_loop()
    try:
        status, body = call(loop, app, "/api/health")
        assert status == 200 and json.loads(body)["cache"] is None
        status, body = call(loop, app, "/api/events", b"limit=3")
        assert status == 200 and len(json.loads(body)["items"]) == 3
    finally:
        app.state.host.close()
        loop.close()
