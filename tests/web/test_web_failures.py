"""Failure reasons while the server runs (/api/failures, /failures), the Host check
against DNS rebinding, and the overview page answered from the response cache."""

from __future__ import annotations

import httpx
from failuresdb import FAILED, HOSTILE_NAME
from serverproc import Server

from conftest import ALLOWED_HOST


def test_api_failures_pages_through_the_reasons(failures_server: Server) -> None:
    url = failures_server.url + "/api/failures"
    first = httpx.get(url, timeout=10).json()
    assert (first["kind"], first["total"], first["limit"], first["offset"]) == (
        "failed",
        FAILED,
        50,
        0,
    )
    assert len(first["items"]) == 50 and first["failed"] == FAILED
    assert all(item["reason"] for item in first["items"])
    rest = httpx.get(url, params={"offset": 50}, timeout=10).json()
    assert len(rest["items"]) == FAILED - 50
    locations = [i["location"] for i in first["items"] + rest["items"]]
    assert locations == sorted(locations) and len(set(locations)) == FAILED
    reasons = {
        i["location"].rsplit("/", 1)[-1]: i["reason"] for i in first["items"] + rest["items"]
    }
    assert reasons["empty-00.txt"] == "empty file" and "binary" in reasons[HOSTILE_NAME]
    assert first["not_coded"] == {
        "total": 3,
        "by_reason": {"language ar": 1, "language fr": 1, "language ru": 1},
    }


def test_api_failures_lists_articles_stored_but_not_coded(failures_server: Server) -> None:
    url = failures_server.url + "/api/failures"
    found = httpx.get(url, params={"kind": "not_coded"}, timeout=10).json()
    assert found["total"] == 3 and found["failed"] == FAILED
    by_name = {i["location"].rsplit("/", 1)[-1]: i for i in found["items"]}
    assert {k: v["reason"] for k, v in by_name.items()} == {
        "alexandria.txt": "language ar", "lyon.txt": "language fr", "novosibirsk.txt": "language ru",
    }  # fmt: skip
    assert "stored, not coded" in by_name["lyon.txt"]["note"]
    bad = httpx.get(url, params={"kind": "everything"}, timeout=10)
    assert bad.status_code == 422 and set(bad.json()) == {"error"}


def test_a_foreign_host_name_gets_400(server: Server, failures_server: Server) -> None:
    for srv in (server, failures_server):
        evil = httpx.get(srv.url + "/api/health", headers={"Host": "evil.example"}, timeout=10)
        assert evil.status_code == 400 and "evil.example" in evil.json()["error"]
        page = httpx.get(srv.url + "/", headers={"Host": f"evil.example:{srv.port}"}, timeout=10)
        assert page.status_code == 400 and "<html" not in page.text
        for name in ("localhost", f"localhost:{srv.port}", "127.0.0.1", f"127.0.0.1:{srv.port}",
                     f"[::1]:{srv.port}", "LOCALHOST."):  # fmt: skip
            ok = httpx.get(srv.url + "/api/health", headers={"Host": name}, timeout=10)
            assert ok.status_code == 200, name
    configured = {"Host": f"{ALLOWED_HOST}:{failures_server.port}"}
    assert httpx.get(failures_server.url + "/", headers=configured, timeout=10).status_code == 200
    assert httpx.get(server.url + "/", headers=configured, timeout=10).status_code == 400


def test_the_overview_is_answered_from_the_cache(failures_server: Server) -> None:
    url = failures_server.url

    def hits() -> int:
        return int(httpx.get(url + "/api/health", timeout=10).json()["cache"]["hits"])

    first = httpx.get(url + "/", timeout=10)
    before = hits()
    again = httpx.get(url + "/", timeout=10)
    assert hits() == before + 1
    assert again.text == first.text and again.headers["content-type"].startswith("text/html")
    assert "content-security-policy" in again.headers
    assert (
        'data-count="not_coded">3<' in again.text and f'data-count="failed">{FAILED}<' in again.text
    )
