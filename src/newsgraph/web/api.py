"""The read-only REST API under ``/api`` (JSON; errors are ``{"error": message}``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..store import articles as article_reads
from ..store import events as event_reads
from ..store import outlets as outlet_reads
from ..store import pages as page_reads
from ..store import places as place_reads
from ..store import stories as story_reads
from ..store import timelines
from ..store.query import EventQuery
from . import models
from .encoding import dumps
from .host import StoreHost
from .params import (
    ID_RE,
    Actor,
    By,
    Directed,
    EventType,
    Language,
    Limit,
    Offset,
    Order,
    Outlet,
    Since,
    Sort,
    Until,
    filter_param,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": models.Error, "description": "A parameter is malformed."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": models.Error, "description": "No such item."},
    **ERRORS,
}

router = APIRouter(prefix="/api", tags=["api"])
Code = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.\-]{1,40}$", description="Actor code.")]
Ident = Annotated[str, Path(pattern=ID_RE, description="Article id, page id or location.")]


class JSON(Response):
    """JSON without per-row validation (the models above only document the shape);
    ``bytes`` content is sent as it is (a document the index encoded already)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return content if isinstance(content, bytes) else dumps(content)


def host(request: Request) -> StoreHost:
    found: StoreHost = request.app.state.host
    return found


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/health", responses={200: {"model": models.Health}})
def health(request: Request) -> JSON:
    """Liveness and the size of the store."""
    h = host(request)
    counts = h.reader().counts()
    return JSON(
        {
            "status": "ok",
            "db": str(h.path),
            "schema_version": h.reader().schema_version,
            "articles": counts.get("articles", 0),
            "events": counts.get("events", 0),
            "read_only": h.read_only,
            "tables": counts,
            "index": h.index_state(),
            "cache": cache.stats()
            if (cache := getattr(request.app.state, "response_cache", None))
            else None,
        }
    )


@router.get("/articles", responses={200: {"model": models.ArticlePage}, **ERRORS})
def articles(
    request: Request,
    outlet: Outlet = None,
    language: Language = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSON:
    """Article summaries, oldest publication first, a page at a time."""
    h = host(request)
    filters = {"outlet": outlet, "language": language, "since": since, "until": until}
    total = article_reads.count_articles(h.cursor(), **filters)
    rows = h.reader().articles(limit=limit, offset=offset, **filters) if offset < total else []
    return JSON(_page(rows, total, limit, offset))


def article_detail(h: StoreHost, ident: str) -> dict[str, Any] | None:
    found = h.reader().article(ident)
    if found is None:
        return None
    found["mentions"] = article_reads.mentions(h.cursor(), found["article_id"])
    found["places"] = place_reads.article_places(h.cursor(), found["article_id"])
    found.pop("body_hash", None)
    return found


@router.get("/articles/{ident}", responses={200: {"model": models.ArticleDetail}, **NOT_FOUND})
def article(request: Request, ident: Ident) -> JSON:
    """One article: body, removed furniture, copies, events with evidence, mentions, quotes."""
    found = article_detail(host(request), ident)
    if found is None:
        raise HTTPException(404, f"no article {ident!r}")
    return JSON(found)


async def answer(h: StoreHost, index_method: str, sql: Callable[..., Any], *args: Any) -> Any:
    """Ask the in-memory index when it is fresh (inline: about a millisecond), else the
    store's read ``sql`` in a worker thread; both take the same arguments."""
    index = h.fresh_index()
    if index is not None:
        return getattr(index, index_method)(*args)
    return await run_in_threadpool(lambda: sql(h.cursor(), *args))


def event_query(
    actor: Actor = None,
    dyad: Annotated[str | None, filter_param("dyad")] = None,
    type: EventType = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    directed: Directed = True,
) -> EventQuery:
    """The public event filters of a request (``/api/events`` and the map's routes), each
    declared once, parsed and checked once; a malformed one is a 422."""
    return EventQuery.parse(
        actor=actor, dyad=dyad, type=type, since=since, until=until, outlet=outlet,
        directed=directed,
    )  # fmt: skip


Filters = Annotated[EventQuery, Depends(event_query)]


@router.get("/events", responses={200: {"model": models.EventPage}, **ERRORS})
async def events(
    request: Request,
    query: Filters,
    sort: Sort = "date",
    order: Order = "desc",
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSON:
    """Coded events with their actors, place and evidence; filters as in `newsgraph events`.

    `dyad=A,B` keeps events with source A and target B (with `directed=false`: A and B
    two different actors of the event, in any roles, as the timeline counts them); an
    actor matches its code, country or organisation.
    """
    index = host(request).fresh_index()
    if index is not None:  # the same bytes as the lean path (newsgraph.web.fast) sends
        return JSON(index.events_json(query, sort, order, limit, offset))
    rows, total = await answer(
        host(request), "events_page", event_reads.events_page, query, sort, order, limit, offset
    )
    for row in rows:
        row.pop("when_date", None)
    return JSON(_page(rows, total, limit, offset))


@router.get("/timeline", responses={200: {"model": models.Timeline}, **ERRORS})
async def timeline(
    request: Request,
    a: Code = None,
    b: Code = None,
    by: By = "month",
    directed: Directed = False,
    since: Since = None,
    until: Until = None,
    include_negated: Annotated[bool, Query(description="Count negated events too.")] = False,
) -> JSON:
    """Events of the dyad A-B per period: counts by quad class, intensity, net cooperation.

    net_coop_count = (quad1 + quad2) - (quad3 + quad4); net_coop_intensity = sum of
    |intensity| of cooperative events minus that of conflictual ones.  Events whose
    date is less precise than the period are counted in `imprecise`.  With only A (or
    B), the timeline of every event that actor takes part in; with neither, of all.
    The same events as `newsgraph timeline`: undirected, A and B are two different
    actors of the event in any roles; directed, A among the sources and B among the
    targets; negated events are left out unless `include_negated=true`.
    """
    args = (a, b, by, directed, since, until, include_negated)
    index = host(request).fresh_index()
    if index is not None:  # the same bytes as the lean path (newsgraph.web.fast) sends
        return JSON(index.timeline_json(*args))
    return JSON(await answer(host(request), "timeline", timelines.timeline, *args))


@router.get("/actors", responses={200: {"model": models.ActorPage}, **ERRORS})
def actors(request: Request, limit: Limit = 100, offset: Offset = 0) -> JSON:
    """Actor codes with the number of events they take part in, most active first."""
    rows, total = event_reads.actors(host(request).cursor(), limit=limit, offset=offset)
    return JSON(_page(rows, total, limit, offset))


@router.get("/outlets", responses={200: {"model": list[models.OutletCount]}})
def outlets(request: Request) -> JSON:
    """Outlets with article and event counts (mean tone once the store has it)."""
    return JSON(outlet_reads.outlets(host(request).cursor()))


@router.get("/map", responses={200: {"model": models.MapPoints}, **ERRORS})
async def map_points(
    request: Request,
    query: Filters,
    limit: Annotated[int, Query(ge=1, le=5000, description="Places at most.")] = 2000,
) -> JSON:
    """Located events grouped by place (for the map), most frequent places first; the
    filters of the events page."""
    rows, total = await answer(host(request), "map_points", event_reads.map_points, query, limit)
    return JSON({"total": total, "items": rows})


@router.get("/map/events", responses={200: {"model": models.MapEvents}, **ERRORS})
async def map_events(
    request: Request,
    lat: Annotated[float, Query(ge=-90, le=90, description="Latitude of the point.")],
    lon: Annotated[float, Query(ge=-180, le=180, description="Longitude of the point.")],
    query: Filters,
    limit: Annotated[int, Query(ge=1, le=100, description="Events at most.")] = 20,
) -> JSON:
    """The events of the filters located at one point (a map marker), newest first,
    with their article, evidence and where their place came from."""
    h = host(request)
    rows, total = await run_in_threadpool(
        lambda: place_reads.events_at(h.cursor(), lat, lon, query, limit)
    )
    return JSON({"total": total, "items": rows})


@router.get("/stories", responses={200: {"model": models.StoryPage}, **ERRORS})
def stories(request: Request, limit: Limit = 50, offset: Offset = 0) -> JSON:
    """Stories (clusters of articles about one event), newest first; empty until clustered."""
    rows, total = story_reads.stories_page(host(request).cursor(), limit=limit, offset=offset)
    return JSON(_page(rows, total, limit, offset))


def story_detail(h: StoreHost, story_id: str) -> dict[str, Any] | None:
    found = story_reads.story(h.cursor(), story_id)
    if found is None:
        return None
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for item in found["articles"]:
        by_outlet.setdefault(item["outlet"] or "(unknown outlet)", []).append(item)
    found["by_outlet"] = by_outlet
    return found


@router.get("/stories/{story_id}", responses={200: {"model": models.StoryDetail}, **NOT_FOUND})
def story(request: Request, story_id: Annotated[str, Path(pattern=ID_RE)]) -> JSON:
    """One story with its articles, grouped by outlet."""
    found = story_detail(host(request), story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return JSON(found)


FailureKind = Annotated[
    Literal["failed", "not_coded"],
    Query(description="failed: pages that could not be stored; not_coded: articles stored "
          "but not coded (their language is not coded, or the coder failed on them)."),
]  # fmt: skip


def failure_page(h: StoreHost, kind: str, limit: int, offset: int) -> dict[str, Any]:
    """One page of failed pages (or of articles stored but not coded) with the counts."""
    cur = h.cursor()
    failed = page_reads.count_failures(cur)
    by_reason = page_reads.not_coded_counts(cur)
    not_coded = sum(by_reason.values())
    if kind == "not_coded":
        total = not_coded
        items = page_reads.not_coded(cur, limit=limit, offset=offset) if offset < total else []
    else:
        total = failed
        items = page_reads.failures(cur, limit=limit, offset=offset) if offset < total else []
    page = _page(items, total, limit, offset)
    return {"kind": kind, **page, "failed": failed,
            "not_coded": {"total": not_coded, "by_reason": by_reason}}  # fmt: skip


@router.get("/failures", responses={200: {"model": models.FailurePage}, **ERRORS})
def failures(
    request: Request, kind: FailureKind = "failed", limit: Limit = 50, offset: Offset = 0
) -> JSON:
    """Pages that failed, by location, each with its one-line reason (as `newsgraph
    failures`); with `kind=not_coded`, the articles stored but not coded and why (as
    `newsgraph failures --not-coded`).  Both counts come with every page."""
    return JSON(failure_page(host(request), kind, limit, offset))
