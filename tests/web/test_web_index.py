"""The in-memory event index answers exactly what the SQL in store/events.py answers.

Property-based: random filters, sorts, pages and timeline questions on a store of
synthetic events (with day-, month- and un-dated events, places and none), compared
between ``EventIndex`` and ``reads``.  Also the response cache's bookkeeping.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bench.bench_web import COUNTRIES, OUTLETS, build_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from webdb import build_db

from newsgraph.events.lexicon import PLOVER_TYPES
from newsgraph.store import Store, timelines
from newsgraph.store import events as reads
from newsgraph.store.query import EventQuery
from newsgraph.web.cache import ResponseCache
from newsgraph.web.index import EventIndex

CODES = [c[0] for c in COUNTRIES[:8]] + ["CHNGOV", "RUSGOV", "TUR", "NOPE"]
DATES = st.one_of(
    st.none(),
    st.integers(2014, 2025).map(str),
    st.tuples(st.integers(2014, 2025), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.tuples(st.integers(2014, 2025), st.integers(1, 12), st.integers(1, 31)).map(
        lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
    ),
)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly None, so that combined filters still leave events to compare."""
    return st.one_of(st.none(), st.none(), st.none(), strategy)


FILTERS = st.fixed_dictionaries(
    {
        "actor": maybe(st.sampled_from(CODES)),
        "dyad": maybe(st.tuples(st.sampled_from(CODES), st.sampled_from(CODES))),
        # every PLOVER type: those the store has none of find nothing on both sides
        "type": maybe(st.sampled_from(list(PLOVER_TYPES))),
        "since": maybe(DATES),
        "until": maybe(DATES),
        "outlet": maybe(st.sampled_from([*OUTLETS, "Harbour Post", "Nobody"])),
        "directed": st.booleans(),
    }
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, EventIndex]]:
    db = tmp_path_factory.mktemp("index") / "index.duckdb"
    build_store(Path(db), 3000, per_article=5, seed=11)
    build_db(Path(db), seeds=False, stories=False)
    with Store.open(db, read_only=True) as s:
        conn = s._conn
        events, actors = reads.index_tables(conn)
        yield conn, EventIndex.build(events, actors, version=0)


@given(
    filters=FILTERS,
    sort=st.sampled_from(["date", "intensity", "type"]),
    order=st.sampled_from(["asc", "desc"]),
    limit=st.integers(1, 60),
    offset=st.integers(0, 700),
)
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_events_pages_agree(
    store: tuple[Any, EventIndex],
    filters: dict[str, Any],
    sort: str,
    order: str,
    limit: int,
    offset: int,
) -> None:
    conn, index = store
    page = (EventQuery.parse(filters), sort, order, limit, offset)
    assert index.events_page(*page) == reads.events_page(conn, *page)


@given(
    filters=FILTERS,
    sort=st.sampled_from(["date", "intensity", "type"]),
    order=st.sampled_from(["asc", "desc"]),
    limit=st.integers(1, 60),
    offset=st.integers(0, 700),
)
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_events_json_is_the_sql_page(
    store: tuple[Any, EventIndex],
    filters: dict[str, Any],
    sort: str,
    order: str,
    limit: int,
    offset: int,
) -> None:
    """The pre-encoded answer of /api/events: the SQL page less ``when_date``."""
    conn, index = store
    page = (EventQuery.parse(filters), sort, order, limit, offset)
    rows, total = reads.events_page(conn, *page)
    for row in rows:
        row.pop("when_date")
    expected = {"total": total, "limit": limit, "offset": offset, "items": rows}
    assert json.loads(index.events_json(*page)) == expected


@pytest.mark.parametrize("sort", ["date", "intensity", "type"])
@pytest.mark.parametrize("order", ["asc", "desc"])
@pytest.mark.parametrize("offset", [0, 1234, 2990])
def test_unfiltered_pages_agree(
    store: tuple[Any, EventIndex], sort: str, order: str, offset: int
) -> None:
    conn, index = store
    rows, total = index.events_page(sort=sort, order=order, limit=40, offset=offset)
    assert len(rows) == 18 if offset == 2990 else len(rows) == 40  # 3008 events in all
    assert (rows, total) == reads.events_page(conn, sort=sort, order=order, limit=40, offset=offset)


def _close(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Timelines equal, floats within rounding (numpy and DuckDB add in other orders)."""
    if {k: v for k, v in a.items() if k != "periods"} != {
        k: v for k, v in b.items() if k != "periods"
    }:
        return False
    if len(a["periods"]) != len(b["periods"]):
        return False
    for p, q in zip(a["periods"], b["periods"], strict=True):
        for key, value in p.items():
            other = q[key]
            ok = (
                math.isclose(value, other, abs_tol=1e-3)
                if isinstance(value, float)
                else value == other
            )
            if not ok:
                return False
    return True


@given(
    a=st.one_of(st.none(), st.sampled_from(CODES)),
    b=st.one_of(st.none(), st.sampled_from(CODES)),
    by=st.sampled_from(["day", "week", "month", "year"]),
    directed=st.booleans(),
    since=DATES,
    until=DATES,
)
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_timelines_agree(
    store: tuple[Any, EventIndex],
    a: str | None,
    b: str | None,
    by: str,
    directed: bool,
    since: str | None,
    until: str | None,
) -> None:
    conn, index = store
    args = {"a": a, "b": b, "by": by, "directed": directed, "since": since, "until": until}
    assert _close(index.timeline(**args), timelines.timeline(conn, **args))


@given(filters=FILTERS, limit=st.integers(1, 40))
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_map_points_agree(
    store: tuple[Any, EventIndex], filters: dict[str, Any], limit: int
) -> None:
    conn, index = store
    query = EventQuery.parse({k: filters[k] for k in ("actor", "type", "since", "until")})
    rows, total = index.map_points(query, limit)
    expected_rows, expected_total = reads.map_points(conn, query, limit)
    assert total == expected_total
    key = [(r["events"], r["name"]) for r in rows]
    assert key == [(r["events"], r["name"]) for r in expected_rows]


def test_an_empty_store_indexes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.duckdb") as s:
        index = EventIndex.build(*reads.index_tables(s._conn), version=3)
    assert index.events_page() == ([], 0)
    assert index.timeline("RUS", "TUR")["periods"] == []
    assert index.map_points() == ([], 0)


def test_response_cache() -> None:
    version = [1]
    calls: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        calls.append(scope["path"])
        status = 404 if scope["query_string"] == b"missing" else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": f"v{version[0]}".encode()})

    cache = ResponseCache(app, version=lambda: version[0], max_entries=2)

    def get(path: str, query: bytes = b"") -> bytes:
        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "query_string": query}
        asyncio.run(cache(scope, None, send))
        return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")

    assert get("/api/events") == b"v1" and get("/api/events") == b"v1"
    assert calls == ["/api/events"] and cache.hits == 1
    get("/api/events", b"missing")
    get("/api/events", b"missing")
    assert calls.count("/api/events") == 3  # a 404 is not kept
    get("/api/articles")
    get("/api/articles")
    assert calls.count("/api/articles") == 2  # not a cached path
    version[0] = 2  # a committed write
    assert get("/api/events") == b"v2"
    get("/api/timeline", b"a=1")
    get("/api/timeline", b"a=2")
    assert len(cache.entries) == 2  # bounded


@given(
    a=st.sampled_from(CODES),
    b=st.one_of(st.none(), st.sampled_from(CODES)),
    by=st.sampled_from(["day", "week", "month", "year"]),
    directed=st.booleans(),
    include_negated=st.booleans(),
    since=maybe(DATES),
)
@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_the_dashboard_timeline_is_the_cli_timeline(
    store: tuple[Any, EventIndex],
    a: str,
    b: str | None,
    by: str,
    directed: bool,
    include_negated: bool,
    since: str | None,
) -> None:
    from newsgraph.stories.timeline import dyad_timeline

    conn, _ = store
    ours = timelines.timeline(
        conn, a, b, by=by, directed=directed, include_negated=include_negated, since=since
    )
    cli = dyad_timeline(conn, a, b, by, directed, include_negated, since, None, fill=False)
    assert ours["imprecise"] == cli.imprecise
    assert [(p["period"], p["n"], p["quad1"], p["quad4"]) for p in ours["periods"]] == [
        (r.period, r.n, r.quad[0], r.quad[3]) for r in cli.periods
    ]
    for p, r in zip(ours["periods"], cli.periods, strict=True):
        assert math.isclose(p["net_coop_intensity"], r.net_coop_intensity, abs_tol=1e-3)
