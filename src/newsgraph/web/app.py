"""The FastAPI application: ``create_app(db_path)``.

Every response carries a strict Content-Security-Policy (scripts and styles from this
server only, no inline script), ``X-Content-Type-Options: nosniff`` and no-framing
headers.  Errors under ``/api`` are JSON ``{"error": message}``; pages get an HTML
error page.  Assets (CSS, JS, the world outline) are served from the package.

Around the routes, outermost first: the security headers, the Host check (the names
``serve`` binds and the ``allowed_hosts`` setting: DNS rebinding), the response cache
(``cache.py``), and the lean path that answers plain ``/api/events`` and
``/api/timeline`` queries straight from the in-memory index (``fast.py``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import QueryError
from ..version import __version__
from . import alerts, api, internal, pages, places
from .api import JSON
from .cache import ResponseCache
from .encoding import dumps
from .fast import FastPath
from .host import StoreHost
from .params import HINTS

STATIC = Path(__file__).resolve().parent / "static"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_name(header: str) -> str:
    """The name of a Host header, lower case, without port or brackets
    ("[::1]:8000" -> "::1", "Example.org.:80" -> "example.org")."""
    value = header.strip().lower()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class HostCheck:
    """Pure ASGI middleware: a request whose Host header names none of ``allowed`` gets
    400.  A page of another site that makes its own name resolve to this machine (DNS
    rebinding) sends its own name as Host, so it cannot read the API."""

    def __init__(self, app: ASGIApp, allowed: Collection[str]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(name) for name in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            given = next((v for k, v in scope.get("headers", []) if k == b"host"), None)
            name = host_name(given.decode("latin-1")) if given is not None else ""
            if name not in self.allowed:
                said = "no Host header" if given is None else f"Host {name[:80]!r}"
                body = dumps({"error": f"{said} is not served here (setting allowed_hosts)"})
                await send({"type": "http.response.start", "status": 400, "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ]})  # fmt: skip
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/api", "/internal", "/openapi")) or path.startswith("/static")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSON({"error": message}, status_code=status)
    return pages.render("error.html", status=status, active="", status_code=status, message=message)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        message = str(err.get("msg", "invalid"))
        if where in HINTS and "pattern" in message:
            message = f"expected {HINTS[where]}"
        parts.append(f"{where or 'request'}: {message}")
    return "; ".join(parts) or "invalid request"


def create_app(
    db_path: str,
    read_only: bool = False,
    announce: tuple[str, int] | None = None,
    fast: bool = True,
    cache: bool = True,
    allowed_hosts: Collection[str] | None = None,
) -> FastAPI:
    """The dashboard and API over the store at ``db_path`` (created if missing).

    The store is opened when the app starts (read-write unless ``read_only``) and held
    until it stops.  With ``announce=(host, port)`` the app writes ``<db>.server.json``
    so that ``newsgraph ingest`` sends its batches here (see ``newsgraph.web.host``).
    ``fast=False`` leaves out the lean path for /api/events and /api/timeline
    (``newsgraph.web.fast``): every request then goes through the FastAPI routes;
    ``cache=False`` leaves out the response cache (``newsgraph.web.cache``).
    ``allowed_hosts``: the Host header names answered (others get 400, ``HostCheck``);
    None answers any (``serve`` always gives them).
    """
    host = StoreHost(db_path, read_only=read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        host.open()
        if announce is not None and not read_only:
            host.announce(*announce)
        try:
            yield
        finally:
            host.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        summary="Political events coded from news pages, with their evidence.",
        description=(
            "Read-only access to a newsgraph store. Errors are JSON objects "
            '`{"error": message}` with status 404 (unknown id) or 422 (malformed parameter).'
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        # no OpenTelemetry here: skip FastAPI's per-request check for configured providers
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.host = host

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return _error(request, 500, f"internal error ({type(exc).__name__}); see the server log")

    app.include_router(api.router)
    app.include_router(places.router)
    app.include_router(internal.router)
    app.include_router(pages.router)
    app.include_router(alerts.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    if fast:
        app.add_middleware(FastPath, index=host.fresh_index)
    if cache:
        app.add_middleware(ResponseCache, version=lambda: host.version, state=app.state)
    if allowed_hosts is not None and "*" not in allowed_hosts:
        app.add_middleware(HostCheck, allowed=allowed_hosts)  # before the cache is asked
    app.add_middleware(SecurityHeaders)  # outermost: cached answers get the headers too
    return app
