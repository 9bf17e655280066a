"""A small in-memory cache of whole API responses, keyed by URL and store version.

A dashboard asks the same questions again and again (the overview page, the overview's
timeline, the first page of events); between two writes the answer cannot change, so a 200 answer
to a GET on a cacheable path is kept, keyed by (path, query string, write version of
the store), and replayed without running the handler.  Any committed write moves the
version on, so a stale answer is never served; the cache is bounded in entries and
bytes (least recently used entries go first).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PATHS = frozenset(
    {"/api/events", "/api/timeline", "/api/map", "/api/actors", "/api/outlets", "/api/stories",
     "/api/failures", "/", "/failures"}
)  # fmt: skip


class ResponseCache:
    """Pure ASGI middleware; ``version()`` returns the store's current write version."""

    def __init__(
        self,
        app: ASGIApp,
        version: Any,
        max_entries: int = 2048,
        max_bytes: int = 64 * 2**20,
        max_entry_bytes: int = 2 * 2**20,
        state: Any = None,
    ) -> None:
        self.app = app
        self.version = version
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self.entries: OrderedDict[tuple[str, bytes], tuple[Message, bytes]] = OrderedDict()
        self.size = 0
        self.at_version: int | None = None
        self.hits = 0
        self.misses = 0
        if state is not None:
            state.response_cache = self  # for /api/health

    def stats(self) -> dict[str, int]:
        return {
            "entries": len(self.entries),
            "bytes": self.size,
            "hits": self.hits,
            "misses": self.misses,
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in CACHED_PATHS:
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version != self.at_version:
            self.entries.clear()
            self.size = 0
            self.at_version = version
        key = (scope["path"], scope.get("query_string", b""))
        found = self.entries.get(key)
        if found is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            start, body = found
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        self.misses += 1
        started: list[Message] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.append(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, version, started, chunks)
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(
        self, key: tuple[str, bytes], version: int, started: list[Message], chunks: list[bytes]
    ) -> None:
        if not started or started[0].get("status") != 200 or version != self.at_version:
            return
        body = b"".join(chunks)
        if len(body) > self.max_entry_bytes:
            return
        previous = self.entries.pop(key, None)
        if previous is not None:
            self.size -= len(previous[1])
        self.entries[key] = (dict(started[0]), body)
        self.size += len(body)
        while self.entries and (len(self.entries) > self.max_entries or self.size > self.max_bytes):
            _, (_, old) = self.entries.popitem(last=False)
            self.size -= len(old)
