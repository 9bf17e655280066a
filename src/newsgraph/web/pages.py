"""The dashboard's pages: server-rendered Jinja2 (autoescaped), light JavaScript in /static."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..store import articles as article_reads
from ..store import events as event_reads
from ..store import outlets as outlet_reads
from ..store import pages as page_reads
from ..store import stories as story_reads
from ..store.query import FILTERS, PUBLIC, EventQuery
from .api import article_detail, failure_page, host, story_detail
from .highlight import safe_url, segments
from .params import clean_form, page_number

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 50

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["safe_url"] = safe_url

router = APIRouter(include_in_schema=False)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env.get_template(name).render(**context), status_code=status)


def _form_page(name: str, form: dict[str, Any], errors: list[str], **context: Any) -> HTMLResponse:
    """A page with a filter form (template ``name``.html, its tab ``name``): 422 when
    the form had fields that were refused, which the page lists."""
    return render(
        f"{name}.html",
        status=422 if errors else 200,
        active=name,
        form=form,
        errors=errors,
        **context,
    )


def _query(values: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**values, **changes}.items() if v not in (None, "", False)}
    return "?" + urlencode(merged) if merged else ""


def _actors(items: list[dict[str, Any]]) -> str:
    return ", ".join(a.get("code") or a.get("text") or "?" for a in items)


env.filters["actors"] = _actors


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    h = host(request)
    cur = h.cursor()
    counts = h.reader().counts()
    story_rows, story_total = story_reads.stories_page(cur, limit=8)
    return render(
        "overview.html",
        active="overview",
        counts=counts,
        statuses=page_reads.page_statuses(cur),
        not_coded=sum(page_reads.not_coded_counts(cur).values()),
        stories=story_rows,
        story_total=story_total,
        latest=article_reads.latest_articles(cur, limit=8),
        dyads=event_reads.top_dyads(cur, limit=10),
        outlets=outlet_reads.outlets(cur)[:10],
    )


# the form's fields: every public event filter, as declared (name, example)
EVENT_FIELDS = [FILTERS[name] for name in PUBLIC]


@router.get("/events", response_class=HTMLResponse)
def events(request: Request) -> HTMLResponse:
    raw = dict(request.query_params)
    filters, errors = clean_form(raw)
    sort = raw.get("sort") or ""
    sort = sort if sort in event_reads.EVENT_SORTS else "date"
    order = raw.get("order") or ""
    order = order if order in ("asc", "desc") else "desc"
    number = page_number(raw.get("page"))
    h = host(request)
    query = EventQuery.parse({name: filters.get(name) for name in PUBLIC})
    page = (query, sort, order, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    index = h.fresh_index()
    rows, total = index.events_page(*page) if index else event_reads.events_page(h.cursor(), *page)
    form = {k: raw.get(k, "") for k in PUBLIC} | {"sort": sort, "order": order}
    return _form_page(
        "events",
        form,
        errors,
        rows=rows,
        fields=EVENT_FIELDS,
        sorts=list(event_reads.EVENT_SORTS),
        **_pager(form, number, total),
    )


def _pager(form: dict[str, Any], number: int, total: int) -> dict[str, Any]:
    """Page count and the links to the pages either side, keeping the form's filters."""
    pages = max(1, -(-total // PAGE_SIZE))
    return {
        "total": total,
        "page": number,
        "pages": pages,
        "prev_link": _query(form, page=number - 1) if number > 1 else None,
        "next_link": _query(form, page=number + 1) if number < pages else None,
    }


def _not_found(active: str, message: str) -> HTMLResponse:
    return render("error.html", status=404, active=active, status_code=404, message=message)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> HTMLResponse:
    raw = dict(request.query_params)
    filters, errors = clean_form(raw)
    by = raw.get("by") if raw.get("by") in ("day", "week", "month", "year") else "month"
    directed = raw.get("directed") == "true"
    form = {"a": filters.get("a", ""), "b": filters.get("b", ""), "by": by, "directed": directed}
    api = "/api/timeline" + _query({**form, "directed": "true" if directed else "false"})
    return _form_page(
        "timeline",
        form,
        errors,
        api=api,
        dyads=event_reads.top_dyads(host(request).cursor(), limit=8),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    raw = dict(request.query_params)
    filters, errors = clean_form(raw)
    form = {k: filters.get(k, "") for k in PUBLIC}  # the events page's filters
    return _form_page(
        "map",
        form,
        errors,
        fields=EVENT_FIELDS,
        api="/api/map" + _query(form),
        events_api="/api/map/events" + _query(form),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request) -> HTMLResponse:
    raw = dict(request.query_params)
    filters, errors = clean_form(raw)
    kept = {k: filters.get(k) for k in ("outlet", "language", "since", "until")}
    number = page_number(raw.get("page"))
    h = host(request)
    total = article_reads.count_articles(h.cursor(), **kept)
    offset = (number - 1) * PAGE_SIZE
    rows = h.reader().articles(limit=PAGE_SIZE, offset=offset, **kept) if offset < total else []
    form = {k: raw.get(k, "") for k in ("outlet", "language", "since", "until")}
    return _form_page(
        "articles",
        form,
        errors,
        rows=rows,
        **_pager(form, number, total),
    )


@router.get("/articles/{ident}", response_class=HTMLResponse)
def article(request: Request, ident: str) -> HTMLResponse:
    found = article_detail(host(request), ident[:300])
    if found is None:
        return _not_found("articles", f"No article {ident[:80]!r} in the store.")
    parts = segments(found["body"], found["mentions"], found["events"])
    furniture = [line for line in found["furniture"].splitlines() if line.strip()]
    return render("article.html", active="articles", a=found, parts=parts, furniture=furniture)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request) -> HTMLResponse:
    number = page_number(request.query_params.get("page"))
    rows, total = story_reads.stories_page(
        host(request).cursor(), limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE
    )
    return render("stories.html", active="stories", rows=rows, **_pager({}, number, total))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    found = story_detail(host(request), story_id[:300])
    if found is None:
        return _not_found("stories", f"No story {story_id[:80]!r} in the store.")
    extra = {
        k: v for k, v in found.items() if k not in ("story_id", "title", "articles", "by_outlet")
    }
    return render("story.html", active="stories", s=found, extra=extra)


@router.get("/failures", response_class=HTMLResponse)
def failures(request: Request) -> HTMLResponse:
    """Failed pages with their reasons, or (``kind=not_coded``) articles stored but not
    coded, a page at a time; the counts of both, the second by reason."""
    kind = "not_coded" if request.query_params.get("kind") == "not_coded" else "failed"
    number = page_number(request.query_params.get("page"))
    found = failure_page(host(request), kind, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    form = {"kind": kind if kind != "failed" else ""}
    return render(
        "failures.html",
        active="failures",
        kind=kind,
        rows=found["items"],
        failed=found["failed"],
        not_coded=found["not_coded"],
        **_pager(form, number, found["total"]),
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """A self-contained API reference rendered from the OpenAPI schema (no CDN)."""
    schema = request.app.openapi()
    ops = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            ops.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [_param(p) for p in op.get("parameters", [])],
                    "responses": {
                        code: r.get("description", "")
                        for code, r in op.get("responses", {}).items()
                    },
                    "example": path if not op.get("parameters") or "{" in path else None,
                }
            )
    return render("docs.html", active="docs", info=schema.get("info", {}), ops=ops)


def _param(p: dict[str, Any]) -> dict[str, Any]:
    schema = p.get("schema", {})
    options = schema.get("anyOf", [schema])
    main = next((o for o in options if o.get("type") != "null"), schema)
    limits = [f"{k} {main[k]}" for k in ("minimum", "maximum", "pattern", "enum") if k in main]
    return {
        "name": p.get("name"),
        "where": p.get("in"),
        "required": p.get("required", False),
        "type": main.get("type", "") if "enum" not in main else "enum",
        "default": schema.get("default"),
        "limits": "; ".join(str(x) for x in limits),
        "description": p.get("description", ""),
    }
