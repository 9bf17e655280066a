"""A lean path for the two hottest API calls, ``GET /api/events`` and ``/api/timeline``.

FastAPI spends about as long on a request (routing, dependency solving, validating a
dozen query parameters with pydantic) as the in-memory index spends answering it.
``FastPath`` is a pure ASGI middleware in front of the application: when the index
is fresh and every query parameter is one the route knows, given once, in its plainest
valid form (each event filter parsed by its declaration in ``newsgraph.store.query``,
the filters the route takes and no other; booleans spelt ``true`` or ``false``;
integers without sign or leading zeros), it answers with the very bytes the route
would send (both call ``EventIndex.events_json`` / ``timeline_json``).  Anything
else (a stale index, a malformed or unusual parameter, an error) goes on to FastAPI
untouched, which validates, answers 422 with its message, or asks SQL; so the
OpenAPI schema, the error answers and the results stay those of the routes.
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_plus

from starlette.types import ASGIApp, Receive, Scope, Send

from ..store.query import CODE_RE, DATE_RE, FILTERS, EventQuery
from . import api
from .index import EventIndex
from .params import MAX_LIMIT, MAX_OFFSET

log = logging.getLogger("newsgraph.web")

Parse = Callable[[str], Any]  # a parameter's text -> its value, or raises ValueError


def _pattern(regex: str) -> Parse:
    compiled = re.compile(regex.removeprefix("^").removesuffix("$"))

    def parse(text: str) -> str:
        if compiled.fullmatch(text) is None:
            raise ValueError(text)
        return text

    return parse


def _choice(*allowed: str) -> Parse:
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(text)
        return text

    return parse


def _boolean(text: str) -> bool:
    if text == "true":
        return True
    if text == "false":
        return False
    raise ValueError(text)


_INT = re.compile(r"0|[1-9][0-9]{0,8}")


def _integer(low: int, high: int) -> Parse:
    def parse(text: str) -> int:
        if _INT.fullmatch(text) is None or not low <= int(text) <= high:
            raise ValueError(text)
        return int(text)

    return parse


_CODE, _DATE = _pattern(CODE_RE), _pattern(DATE_RE)

# the event filters /api/events takes, each checked as declared; then its paging
EVENT_FILTERS = tuple(p for p in inspect.signature(api.event_query).parameters if p in FILTERS)
EVENTS: dict[str, Parse] = {
    name: _boolean if FILTERS[name].flag else FILTERS[name].check for name in EVENT_FILTERS
} | {
    "sort": _choice("date", "intensity", "type"),
    "order": _choice("asc", "desc"),
    "limit": _integer(1, MAX_LIMIT),
    "offset": _integer(0, MAX_OFFSET),
}
TIMELINE: dict[str, Parse] = {
    "a": _CODE,
    "b": _CODE,
    "by": _choice("day", "week", "month", "year"),
    "directed": _boolean,
    "since": _DATE,
    "until": _DATE,
    "include_negated": _boolean,
}


def _unquote(text: str) -> str:
    if "%" in text or "+" in text:
        return unquote_plus(text, errors="strict")
    return text


def parse_query(raw: bytes, spec: dict[str, Parse]) -> dict[str, Any] | None:
    """The parameters of a query string, each parsed by ``spec``; None when any part is
    unknown, repeated, empty, not UTF-8 or not in its plainest valid form."""
    found: dict[str, Any] = {}
    if not raw:
        return found
    try:
        for part in raw.decode("ascii").split("&"):
            key, sep, value = part.partition("=")
            key = _unquote(key)
            parse = spec.get(key)
            if not sep or parse is None or key in found:
                return None
            found[key] = parse(_unquote(value))
    except ValueError:  # also UnicodeDecodeError
        return None
    return found


def _value(name: str, value: Any) -> Any:
    """A filter's value from its text form, checked by ``parse_query`` already."""
    return FILTERS[name].value(value) if isinstance(value, str) else value


def events_body(index: EventIndex, query: dict[str, Any]) -> bytes:
    return index.events_json(
        EventQuery(**{k: _value(k, v) for k, v in query.items() if k in FILTERS}),
        sort=query.get("sort", "date"),
        order=query.get("order", "desc"),
        limit=query.get("limit", 50),
        offset=query.get("offset", 0),
    )


def timeline_body(index: EventIndex, query: dict[str, Any]) -> bytes:
    return index.timeline_json(
        a=query.get("a"),
        b=query.get("b"),
        by=query.get("by", "month"),
        directed=query.get("directed", False),
        since=query.get("since"),
        until=query.get("until"),
        include_negated=query.get("include_negated", False),
    )


ROUTES: dict[str, tuple[dict[str, Parse], Callable[[EventIndex, dict[str, Any]], bytes]]] = {
    "/api/events": (EVENTS, events_body),
    "/api/timeline": (TIMELINE, timeline_body),
}


class FastPath:
    """Pure ASGI middleware; ``index()`` returns the fresh ``EventIndex`` or None."""

    def __init__(self, app: ASGIApp, index: Callable[[], EventIndex | None]) -> None:
        self.app = app
        self.index = index
        self.answered = 0  # requests this path answered (the rest went to the routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = ROUTES.get(scope["path"]) if scope["type"] == "http" else None
        if route is not None and scope["method"] == "GET":
            body = self._answer(route, scope.get("query_string", b""))
            if body is not None:
                self.answered += 1
                headers = [
                    (b"content-length", str(len(body)).encode("ascii")),
                    (b"content-type", b"application/json"),
                ]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body, "more_body": False})
                return
        await self.app(scope, receive, send)

    def _answer(
        self,
        route: tuple[dict[str, Parse], Callable[[EventIndex, dict[str, Any]], bytes]],
        raw: bytes,
    ) -> bytes | None:
        spec, body = route
        query = parse_query(raw, spec)
        if query is None:
            return None
        index = self.index()
        if index is None:
            return None
        try:
            return body(index, query)
        except Exception:  # the route answers (and reports) it the usual way
            log.debug("fast path declined %r", raw, exc_info=True)
            return None
