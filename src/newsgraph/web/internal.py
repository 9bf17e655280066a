"""``/internal/*``: how an ingest process writes through the server that owns the store.

Loopback clients only, each call carrying the token the server wrote to
``<db>.server.json`` (readable by its owner only).  Bodies and answers are JSON; page
outcomes travel in the ``newsgraph.web.codec`` form.  Not part of the public API (not
in the OpenAPI schema).
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from ..errors import QueryError, StoreError
from ..ingest.watchstate import OPS, READS, LocalState
from ..store import codec
from .api import JSON, host
from .host import StoreHost

router = APIRouter(prefix="/internal", include_in_schema=False)
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
TOKEN_HEADER = "x-newsgraph-token"


def _guard(request: Request) -> StoreHost:
    h = host(request)
    client = request.client.host if request.client else ""
    if client not in LOOPBACK and not client.startswith("127."):
        raise HTTPException(403, "internal calls are accepted from loopback only")
    given = request.headers.get(TOKEN_HEADER, "")
    if not hmac.compare_digest(given.encode(), h.token.encode()):
        raise HTTPException(403, "missing or wrong token; read it from <db>.server.json")
    if h.read_only:
        raise HTTPException(
            409, f"the server opened {h.path} read-only; restart it without --read-only"
        )
    return h


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError as exc:
        raise HTTPException(400, f"the body is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise HTTPException(400, "the body must be a JSON object")
    return data


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise HTTPException(400, f"field {name!r} must be a {kind.__name__}")
    return value


@router.get("/ping", response_class=JSON)
def ping(request: Request) -> JSON:
    h = _guard(request)
    return JSON({"db": str(h.path.resolve()), "version": h.version})


@router.post("/run", response_class=JSON)
async def new_run(request: Request) -> JSON:
    h = _guard(request)
    data = await _body(request)
    inputs = [str(x) for x in _field(data, "inputs", list)]
    settings = _field(data, "settings", dict)
    run = await run_in_threadpool(h.new_run, inputs, settings)
    return JSON({"run_id": run.run_id, "started_at": run.started_at.isoformat()})


@router.post("/batch", response_class=JSON)
async def write_batch(request: Request) -> JSON:
    h = _guard(request)
    data = await _body(request)
    run_id = _field(data, "run_id", int)
    try:
        outcomes = await run_in_threadpool(codec.loads_outcomes, data.get("outcomes"))
    except codec.CodecError as exc:
        raise HTTPException(400, str(exc)) from exc
    try:
        await run_in_threadpool(h.write_batch, run_id, outcomes)
    except KeyError:
        raise HTTPException(404, f"no open run {run_id}") from None
    except StoreError as exc:
        raise HTTPException(500, str(exc)) from exc
    return JSON({"written": len(outcomes), "version": h.version})


@router.post("/finish", response_class=JSON)
async def finish_run(request: Request) -> JSON:
    h = _guard(request)
    data = await _body(request)
    run_id = _field(data, "run_id", int)
    skipped = _field(data, "skipped", int)
    status = str(data.get("status") or "done")[:40]
    try:
        await run_in_threadpool(h.finish_run, run_id, skipped, status)
    except KeyError:
        raise HTTPException(404, f"no open run {run_id}") from None
    return JSON({"finished": run_id})


@router.post("/lookup", response_class=JSON)
async def lookup(request: Request) -> JSON:
    """What the pipeline asks the store before writing (page states, dedup twins)."""
    h = _guard(request)
    data = await _body(request)
    what = data.get("what")
    keys = _field(data, "keys", list)
    return JSON({"result": await run_in_threadpool(_lookup, h, what, keys)})


def _lookup(h: StoreHost, what: Any, keys: list[Any]) -> Any:
    store = h.reader()
    result: Any
    if what == "page_states":
        result = {k: codec.encode(v) for k, v in store.page_states([str(k) for k in keys]).items()}
    elif what == "articles_with_body_hash":
        result = store.articles_with_body_hash([str(k) for k in keys])
    elif what == "band_matches":
        if not all(isinstance(k, int) and not isinstance(k, bool) for k in keys):
            raise HTTPException(400, "band buckets must be integers")
        result = store.band_matches(keys)
    elif what == "signatures":
        result = {k: codec.encode(v) for k, v in store.signatures([str(k) for k in keys]).items()}
    elif what == "has_page":
        if len(keys) != 2:
            raise HTTPException(400, "has_page takes [location, content_hash]")
        result = store.has_page(str(keys[0]), str(keys[1]))
    else:
        raise HTTPException(400, f"unknown lookup {what!r}")
    return result


@router.post("/watch", response_class=JSON)
async def watch_op(request: Request) -> JSON:
    """One operation of ``newsgraph watch`` on the store this server holds
    (``newsgraph.ingest.watchstate.OPS``), under the write lock."""
    h = _guard(request)
    data = await _body(request)
    op = data.get("op")
    args = data.get("args") or {}
    if op not in OPS or not isinstance(args, dict):
        raise HTTPException(400, f"unknown watch operation {op!r}")
    return JSON({"result": await run_in_threadpool(_watch_op, h, str(op), args)})


def _watch_op(h: StoreHost, op: str, args: dict[str, Any]) -> Any:
    with h.write_lock:
        try:
            result = LocalState(h.store.connection).call(op, **args)
        except TypeError as exc:
            raise HTTPException(400, f"bad arguments for {op}: {exc}") from exc
        except QueryError as exc:
            raise HTTPException(422, str(exc)) from exc
        if op not in READS:
            h.version += 1  # alerts and watch state changed: cached answers are stale
        return result
