"""A local HTTP server on 127.0.0.1 for the watcher's tests: routes that change between
rounds, and every way a source can misbehave (304, 500, a time-out, malformed XML, a
huge body, a redirect loop), plus a webhook receiver that can fail."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    """What a path answers: ``body`` with validators (conditional GETs get a 304), or a
    ``status``, a ``sleep`` before answering, a ``stream`` of that many bytes (chunked,
    no length), a ``redirect``; ``fail`` first answers with that status that many times."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    sleep: float = 0.0
    stream: int = 0
    redirect: str | None = None
    fail: int = 0
    fail_status: int = 500


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, str, int]] = field(default_factory=list)  # method, path, status
    posts: list[tuple[str, dict[str, Any], dict[str, str]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, **kw: Any) -> None:
        self.routes[path] = Route(**kw)

    def hits(self, path: str, status: int | None = None) -> int:
        return sum(1 for _, p, s in self.log if p == path and (status is None or s == status))

    def record(self, method: str, path: str, status: int) -> None:
        with self.lock:
            self.log.append((method, path, status))


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def _send(
            self, status: int, body: bytes = b"", headers: dict[str, str] | None = None
        ) -> None:
            server.record(self.command, self.path, status)  # before the client can read it
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            route = server.routes.get(self.path)
            if route is None:
                self._send(404, b"not found")
                return
            if route.fail > 0:
                route.fail -= 1
                self._send(route.fail_status, b"failing")
                return
            if route.sleep:
                server.stop.wait(route.sleep)
                server.record("GET", self.path, 0)
                self.close_connection = True
                return
            if route.redirect:
                self._send(302, b"", {"Location": route.redirect})
                return
            if route.stream:
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                server.record("GET", self.path, 200)
                chunk = b"<rss>" + b"x" * 65531
                sent = 0
                try:
                    while sent < route.stream and not server.stop.is_set():
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        sent += len(chunk)
                    self.wfile.write(b"0\r\n\r\n")
                except OSError:
                    pass
                self.close_connection = True
                return
            if route.status != 200:
                self._send(route.status, route.body)
                return
            headers = {"Content-Type": route.content_type}
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            ):
                self._send(304, b"", {k: v for k, v in headers.items() if k != "Content-Type"})
                return
            self._send(200, route.body, headers)

        def do_POST(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            data = self.rfile.read(size)
            route = server.routes.get(self.path)
            if route is not None and route.fail > 0:
                route.fail -= 1
                self._send(route.fail_status, b"failing")
                return
            with server.lock:
                server.posts.append((self.path, json.loads(data), dict(self.headers)))
            self._send(200, b"{}", {"Content-Type": "application/json"})

    return Handler


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up (a refused huge body, a time-out) is expected here


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    httpd = _Quiet(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
        time.sleep(0)


def rss(title: str, items: list[tuple[str, str, str]], base: str) -> bytes:
    """An RSS 2.0 feed: items are (path, title, pubDate)."""
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate></item>"
        for p, t, d in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"{entries}</channel></rss>"
    ).encode()


def article(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    ).encode()
