"""Fixtures for the sources tests: settings, the fixture folder, WARC files, a local HTTP server."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data" / "sources"


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def data() -> Path:
    return DATA


@dataclass(frozen=True)
class WarcRecord:
    """One record to write: a response by default, or a ``request``/``resource``."""

    url: str
    body: bytes
    mime: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    kind: str = "response"


WarcFactory = Callable[[str, list[WarcRecord]], tuple[Path, list[int]]]


@pytest.fixture
def make_warc(tmp_path: Path) -> WarcFactory:
    """Write records to ``tmp_path/name`` (gzipped when the name ends in .gz).

    Returns the path and the byte offset where each record ends.
    """

    def write(name: str, records: list[WarcRecord]) -> tuple[Path, list[int]]:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=name.endswith(".gz"))
        ends = []
        for item in records:
            if item.kind == "response":
                headers = StatusAndHeaders(
                    item.status, [("Content-Type", item.mime)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    item.url,
                    "response",
                    payload=io.BytesIO(item.body),
                    length=len(item.body),
                    http_headers=headers,
                )
            else:
                record = writer.create_warc_record(
                    item.url,
                    item.kind,
                    payload=io.BytesIO(item.body),
                    length=len(item.body),
                    warc_content_type=item.mime,
                )
            writer.write_record(record)
            ends.append(buffer.tell())
        path = tmp_path / name
        path.write_bytes(buffer.getvalue())
        return path, ends

    return write


@dataclass(frozen=True)
class Route:
    status: int
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    declare_length: bool = True  # False: no Content-Length, the body runs to the close


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {}

    def do_GET(self) -> None:
        route = self.routes.get(self.path, Route(404, b"<html><body>Not here</body></html>"))
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        if route.declare_length:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture
def http_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, dict[str, Route]]]:
    """A threaded HTTP server on 127.0.0.1 (port 0); yields its base URL and its routes."""
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    routes: dict[str, Route] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
