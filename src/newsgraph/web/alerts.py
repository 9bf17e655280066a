"""Alerts of ``newsgraph watch``: ``GET /api/alerts`` and the dashboard's ``/alerts`` page.

Newest first; a watchlist match links to the article holding its evidence, a spike to
the events of its day.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict

from ..store import alerts as alert_reads
from .api import ERRORS, JSON, host
from .pages import PAGE_SIZE, render
from .params import Limit, Offset, page_number

router = APIRouter()
Watchlist = Annotated[
    str | None,
    Query(pattern=r"^[A-Za-z0-9_.\-]{1,60}$", description="Only this watchlist's alerts."),
]
Kind = Annotated[
    Literal["match", "spike"] | None,
    Query(description="match (a new event) or spike (a day far above its baseline)."),
]


class Alert(BaseModel):
    model_config = ConfigDict(extra="allow")
    alert_id: str
    kind: str
    watchlist: str
    created_at: str
    day: str | None
    event_id: str | None
    article_id: str | None
    summary: str
    payload: dict[str, Any]


class AlertPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Alert]


def _page(
    request: Request, watchlist: str | None, kind: str | None, limit: int, offset: int
) -> Any:
    rows, total = alert_reads.alerts_page(host(request).cursor(), watchlist, kind, limit, offset)
    for row in rows:
        row["created_at"] = row["created_at"].isoformat(timespec="seconds")
    return rows, total


@router.get("/api/alerts", tags=["api"], responses={200: {"model": AlertPage}, **ERRORS})
def alerts(
    request: Request,
    watchlist: Watchlist = None,
    kind: Kind = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSON:
    """Alerts of `newsgraph watch`, newest first: new events matching a watchlist (with
    the event and its evidence) and spikes (a day's count far above its baseline)."""
    rows, total = _page(request, watchlist, kind, limit, offset)
    return JSON({"total": total, "limit": limit, "offset": offset, "items": rows})


@router.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
def alerts_page(request: Request) -> HTMLResponse:
    number = page_number(request.query_params.get("page"))
    rows, total = _page(request, None, None, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    return render(
        "alerts.html",
        active="alerts",
        rows=rows,
        total=total,
        page=number,
        pages=pages,
        prev_link=f"?page={number - 1}" if number > 1 else None,
        next_link=f"?page={number + 1}" if number < pages else None,
    )
