"""Places in the API: ``GET /api/places``, the toponyms the articles name, resolved.

The filters are checked once by ``store.places.PlaceQuery.parse`` (as for
``newsgraph places``).  The map's own routes (``/api/map``, ``/api/map/events``) are in
``api.py`` with the other event reads.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from ..store import places as place_reads
from . import models
from .api import ERRORS, JSON, host
from .params import Limit, Offset

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
