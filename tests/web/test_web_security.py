"""Hostile input: injection strings in every filter give 4xx or empty results, never 5xx,
and leave the store unchanged; the server binds loopback unless told otherwise."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from urllib.parse import quote

import httpx
import psutil
import pytest
from serverproc import Server

from newsgraph.web import serve
from newsgraph.web.serve import serve as serve_impl

INJECTIONS = [
    "' OR '1'='1",
    "RUS'; DROP TABLE events; --",
    '" OR ""="',
    "%' OR 1=1 --",
    "1) UNION SELECT * FROM articles --",
    "RUS\x00",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "../../etc/passwd",
    "é" * 300,
    "a" * 5000,
]
FILTERS = {
    "/api/articles": ["outlet", "language", "since", "until", "limit", "offset"],
    "/api/events": [
        "actor",
        "dyad",
        "type",
        "since",
        "until",
        "outlet",
        "directed",
        "sort",
        "order",
        "limit",
        "offset",
    ],
    "/api/timeline": ["a", "b", "by", "directed", "since", "until"],
    "/api/map": ["actor", "dyad", "type", "since", "until", "outlet", "directed", "limit"],
    "/api/map/events": ["lat", "lon", "actor", "type", "limit"],
    "/api/places": ["country", "near", "role", "limit", "offset"],
    "/api/actors": ["limit", "offset"],
    "/api/stories": ["limit", "offset"],
    "/events": ["actor", "dyad", "type", "since", "until", "outlet", "sort", "order", "page"],
    "/articles": ["outlet", "language", "since", "until", "page"],
    "/timeline": ["a", "b", "by", "directed"],
    "/map": ["actor", "dyad", "type", "since", "until", "outlet"],
}


def _empty(response: httpx.Response) -> bool:
    body = response.json()
    if "items" in body:
        return not body["items"]
    if "periods" in body:
        return not body["periods"]
    return False


def test_injection_strings_never_5xx(base_url: str) -> None:
    before = httpx.get(base_url + "/api/health", timeout=10).json()["tables"]
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for path, names in FILTERS.items():
            for name in names:
                for value in INJECTIONS:
                    response = client.get(path, params={name: value})
                    assert response.status_code < 500, (path, name, value, response.text[:200])
                    if path.startswith("/api") and response.status_code == 200:
                        assert _empty(response), (path, name, value)
                    if response.status_code >= 400 and path.startswith("/api"):
                        assert set(response.json()) == {"error"}
        for value in INJECTIONS:
            for path in ("/api/articles/", "/api/stories/", "/articles/", "/stories/"):
                response = client.get(path + quote(value, safe=""))
                assert response.status_code in (404, 422), (path, value)
    assert httpx.get(base_url + "/api/health", timeout=10).json()["tables"] == before


def test_pages_do_not_echo_markup(base_url: str) -> None:
    page = httpx.get(
        base_url + "/events", params={"outlet": "<script>alert(1)</script>"}, timeout=10
    )
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    echoed = httpx.get(base_url + "/events", params={"outlet": "{{7*7}}"}, timeout=10).text
    assert 'value="{{7*7}}"' in echoed  # data, never evaluated as a template


def test_loopback_by_default(server: Server) -> None:
    for fn in (serve, serve_impl):
        assert inspect.signature(fn).parameters["host"].default == "127.0.0.1"
    info = json.loads(server.db.with_name(server.db.name + ".server.json").read_text())
    assert info["host"] == "127.0.0.1"
    listening = [
        c.laddr
        for c in psutil.Process(server.proc.pid).net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    ]
    assert listening and all(addr.ip == "127.0.0.1" for addr in listening)


def test_server_refuses_a_held_store(tmp_path: Path, server: Server) -> None:
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError):
        serve_impl(str(server.db), port=0)  # the running server holds this file
