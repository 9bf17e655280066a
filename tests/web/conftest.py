"""Fixtures of the web tests: a real store and a real uvicorn on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from failuresdb import build_failures_db
from serverproc import Server, start_server
from webdb import build_db


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("webdb")
    db = folder / "web.duckdb"
    counts = build_db(db)
    return db, counts


@pytest.fixture(scope="session")
def server(web_db: tuple[Path, dict[str, int]]) -> Iterator[Server]:
    db, _ = web_db
    srv = start_server(db, db.with_name("server.log"))
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def base_url(server: Server) -> str:
    return server.url


ALLOWED_HOST = "news.example"  # the failures server's allowed_hosts setting


@pytest.fixture(scope="session")
def failures_server(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch_session: pytest.MonkeyPatch
) -> Iterator[Server]:
    """A server over a store with failures, started with ``allowed_hosts`` set."""
    db = build_failures_db(tmp_path_factory.mktemp("failures"))
    monkeypatch_session.setenv("NEWSGRAPH_ALLOWED_HOSTS", ALLOWED_HOST)
    srv = start_server(db, db.with_name("server.log"))
    monkeypatch_session.delenv("NEWSGRAPH_ALLOWED_HOSTS")
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def monkeypatch_session() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch
