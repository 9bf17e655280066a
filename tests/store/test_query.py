"""One query object: every event filter declared once, evaluated alike, offered everywhere.

What a new event filter touches is counted here: its declaration and SQL (``store/
query.py``), the in-memory index's test (``web/index.py``), and the two surfaces that
take it from people (``web/api.py``, ``cli.py``): four files.  The lean API path, the
dashboard's form and the form checks follow the declaration; the tests below fail when
a declared filter is missing from an evaluator or a surface.
"""

from __future__ import annotations

import ast
import functools
import inspect
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bench.bench_web import build_store

from newsgraph.errors import QueryError
from newsgraph.store import Store
from newsgraph.store import events as event_reads
from newsgraph.store.query import FILTERS, PUBLIC, EventQuery
from newsgraph.web.index import EventIndex

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "newsgraph"
# the files a new public event filter touches (see the module docstring)
A_FILTER_TOUCHES = {"store/query.py", "web/index.py", "web/api.py", "cli.py"}
SAMPLES: dict[str, list[Any]] = {  # values that keep some events and leave out others
    "actor": ["RUS", "CHN"],
    "dyad": [("RUS", "CHN"), ("USA", "RUS")],
    "type": ["ACCUSE", "AID"],
    "since": ["2020", "2019-06-15"],
    "until": ["2018-03", "2021"],
    "outlet": ["Harbour Post"],
    "directed": [False],
    "include_negated": [False],
    "article_id": [],  # filled from the store
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, EventIndex]]:
    db = tmp_path_factory.mktemp("query") / "query.duckdb"
    build_store(Path(db), 1500, per_article=5, seed=7)
    with Store.open(db, read_only=True) as s:
        conn = s.connection
        index = EventIndex.build(*event_reads.index_tables(conn), version=0)
        yield conn, index


def _ids(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(r["event_id"] for r in rows)


def test_every_filter_is_declared_and_a_field() -> None:
    fields = set(inspect.signature(EventQuery).parameters)
    assert set(FILTERS) <= fields
    assert fields - set(FILTERS) == {"actor_role", "located"}  # set by the reads, not people
    assert set(SAMPLES) == set(FILTERS), "give a new filter sample values here"


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_sql_and_the_index_evaluate_each_filter_alike(
    store: tuple[Any, EventIndex], name: str
) -> None:
    conn, index = store
    everything, total = event_reads.events_page(conn, limit=10_000)
    samples = SAMPLES[name] or [everything[3]["article_id"]]
    for value in samples:
        given = {name: value, "dyad": ("RUS", "CHN")} if name == "directed" else {name: value}
        query = EventQuery.parse(given)
        assert (
            query.where() != EventQuery.parse({k: v for k, v in given.items() if k != name}).where()
        )
        sql, found = event_reads.events_page(conn, query, limit=10_000)
        assert 0 < found < total, (name, value)  # the filter keeps some, not all
        assert _ids(index.events_page(query, limit=10_000)[0]) == _ids(sql), (name, value)


def test_parse_checks_once_for_every_surface() -> None:
    query = EventQuery.parse(actor="RUS", dyad="RUS,TUR", since="2020-01", directed="false")
    assert query == EventQuery(actor="RUS", dyad=("RUS", "TUR"), since="2020-01", directed=False)
    assert EventQuery.parse({"dyad": ("RUS", "TUR"), "outlet": ""}) == EventQuery(
        dyad=("RUS", "TUR")
    )
    for bad, expected in (
        ({"dyad": "RUS"}, "SOURCE,TARGET"),
        ({"since": "2020-13"}, "YYYY-MM-DD"),
        ({"actor": "R'US"}, "RUS"),
        ({"colour": "red"}, "known filters"),
        ({"directed": "yes"}, "true or false"),
    ):
        with pytest.raises(QueryError, match=expected):
            EventQuery.parse(bad)


def test_every_public_filter_reaches_every_surface() -> None:
    from newsgraph import cli
    from newsgraph.web import api, fast, pages, params

    assert set(PUBLIC) <= set(inspect.signature(api.event_query).parameters)  # the API's filters
    for route in (api.events, api.map_points, api.map_events):  # GET /api/events, the map's
        assert typing.get_type_hints(route, include_extras=True)["query"] == api.Filters
    assert set(PUBLIC) <= set(inspect.signature(cli.events).parameters)  # newsgraph events
    assert set(PUBLIC) <= set(fast.EVENTS)  # the lean path: derived from the route
    assert [f.name for f in pages.EVENT_FIELDS] == list(PUBLIC)  # the dashboard's form
    checked, errors = params.clean_form({name: "\x01" for name in PUBLIC})
    assert checked == {} and len(errors) == len(PUBLIC)  # its checks


@functools.cache
def _names() -> dict[str, frozenset[Any]]:
    """Per source file, the names its code uses (variables, attributes, arguments,
    keywords) and its strings; docstrings are strings too, but never one bare name."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names.update((getattr(node, "id", None), getattr(node, "attr", None)))
            names.add(getattr(node, "arg", None))
            if isinstance(node, ast.Constant):
                names.add(node.value)
        found[str(path.relative_to(PACKAGE))] = frozenset(names)
    return found


def _files_naming(name: str) -> set[str]:
    """Source files whose code names ``name`` (see ``_names``)."""
    return {path for path, names in _names().items() if name in names}


def test_a_filter_lives_in_four_files() -> None:
    """``dyad`` is an event filter only: the files that name it are the files a new
    filter touches (and ``actor``, ``since``... appear in at least those)."""
    assert _files_naming("dyad") == A_FILTER_TOUCHES
    for name in PUBLIC:
        assert _files_naming(name) >= A_FILTER_TOUCHES - {"web/index.py"} | {"store/query.py"}
