"""Places in the API: ``GET /api/places`` (the toponyms the articles name, resolved) and
``GET /api/map/events`` (the events at one point of the map, for its popups).

The filters are checked once by ``store.places.PlaceQuery.parse`` (as for
``newsgraph places``) and, for events, ``EventQuery.parse`` (as for the events page).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from ..store import places as place_reads
from ..store.query import EventQuery
from . import models
from .api import ERRORS, JSON, host
from .params import Actor, Directed, EventType, Limit, Offset, Outlet, Since, Until, filter_param

router = APIRouter(prefix="/api", tags=["api"])

Country = Annotated[
    str | None, Query(max_length=40, description="ISO 3166 alpha-3 code, e.g. SYR.")
]
Near = Annotated[
    str | None,
    Query(max_length=80, description="LAT,LON,KM: places within KM kilometres of the point."),
]
Role = Annotated[
    str,
    Query(
        pattern=r"^(place|modifier|demonym|all)$",
        description="place (a location, the default), modifier (inside an organisation's "
        "name), demonym (a country hint), or all.",
    ),
]
Latitude = Annotated[float, Query(ge=-90, le=90, description="Latitude of the point.")]
Longitude = Annotated[float, Query(ge=-180, le=180, description="Longitude of the point.")]


@router.get("/places", responses={200: {"model": models.PlacePage}, **ERRORS})
async def places(
    request: Request,
    country: Country = None,
    near: Near = None,
    role: Role = "place",
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSON:
    """The places the stored articles name, resolved (GeoNames id, feature, country,
    point), most mentioned first, with the number of mentions and of articles."""
    query = place_reads.PlaceQuery.parse(country=country, near=near, role=role)
    h = host(request)
    rows, total = await run_in_threadpool(
        lambda: place_reads.places(h.cursor(), query, limit, offset)
    )
    return JSON({"total": total, "limit": limit, "offset": offset, "items": rows})


@router.get("/map/events", responses={200: {"model": models.MapEvents}, **ERRORS})
async def map_events(
    request: Request,
    lat: Latitude,
    lon: Longitude,
    actor: Actor = None,
    dyad: Annotated[str | None, filter_param("dyad")] = None,
    type: EventType = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    directed: Directed = True,
    limit: Annotated[int, Query(ge=1, le=100, description="Events at most.")] = 20,
) -> JSON:
    """The events of the filters located at one point (a map marker), newest first,
    with their article, evidence and where their place came from."""
    query = EventQuery.parse(
        actor=actor, dyad=dyad, type=type, since=since, until=until, outlet=outlet,
        directed=directed,
    )  # fmt: skip
    h = host(request)
    rows, total = await run_in_threadpool(
        lambda: place_reads.events_at(h.cursor(), lat, lon, query, limit)
    )
    return JSON({"total": total, "items": rows})
