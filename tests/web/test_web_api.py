"""The REST API against a real uvicorn on 127.0.0.1 serving a real DuckDB store."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from webdb import STORY_ID, planned_outcomes, xss_article_id


def get(base: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=10)


def test_health_reports_the_store(base_url: str, web_db: tuple[Path, dict[str, int]]) -> None:
    _, counts = web_db
    body = get(base_url, "/api/health").json()
    assert body["status"] == "ok"
    assert body["articles"] == counts["articles"]
    assert body["events"] == counts["events"]
    assert body["tables"]["events"] == counts["events"]


def test_articles_paginate_and_filter(base_url: str, web_db: tuple[Path, dict[str, int]]) -> None:
    _, counts = web_db
    first = get(base_url, "/api/articles", limit=3).json()
    assert first["total"] == counts["articles"] and len(first["items"]) == 3
    second = get(base_url, "/api/articles", limit=3, offset=3).json()
    assert not {a["article_id"] for a in first["items"]} & {
        a["article_id"] for a in second["items"]
    }
    assert get(base_url, "/api/articles", offset=10_000).json()["items"] == []
    harbour = get(base_url, "/api/articles", outlet="Harbour Post").json()
    assert harbour["total"] == 4 and {a["outlet"] for a in harbour["items"]} == {"Harbour Post"}
    dated = get(base_url, "/api/articles", since="2021", until="2021-12").json()["items"]
    assert dated and all(a["published"].startswith("2021") for a in dated)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"since": "2020-13"}, "since"),
        ({"until": "yesterday"}, "until"),
    ],
)
def test_bad_parameters_are_422_json(base_url: str, params: dict[str, Any], field: str) -> None:
    response = get(base_url, "/api/articles", **params)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/json")
    assert field in response.json()["error"]


def test_article_detail_has_body_events_mentions_quotes(base_url: str) -> None:
    aid = planned_outcomes()[0].article_id
    a = get(base_url, f"/api/articles/{aid}").json()
    assert a["body"].startswith("Russia condemned Turkey")
    assert "Subscribe to our newsletter" in a["furniture"]
    (event,) = a["events"]
    assert (
        event["type"] == "ACCUSE" and event["evidence"] == a["body"][event["start"] : event["end"]]
    )
    assert [m["code"] for m in a["mentions"]] == ["RUS", "TUR"]
    assert a["quotes"][0]["text"] == "We will not accept this"


def test_unknown_ids_are_404_json(base_url: str) -> None:
    for path in ("/api/articles/0000000000000000", "/api/stories/nope", "/api/nothing"):
        response = get(base_url, path)
        assert response.status_code == 404, path
        assert set(response.json()) == {"error"}


def test_events_filters(base_url: str) -> None:
    fixture = {"outlet": "Harbour Post"}  # only fixture articles carry this outlet
    directed = get(base_url, "/api/events", dyad="RUS,TUR", **fixture).json()
    assert sorted(e["type"] for e in directed["items"]) == ["ACCUSE", "AID", "COERCE"]
    both = get(base_url, "/api/events", dyad="RUS,TUR", directed="false").json()
    fixture_both = [e for e in both["items"] if e["article_id"].startswith("fx-")]
    assert len(fixture_both) == 5
    china = get(base_url, "/api/events", actor="CHN").json()["items"]
    assert {e["type"] for e in china} >= {"SANCTION", "REJECT"}
    assert all(
        any("CHN" in (x["code"], x["country"]) for x in e["source"] + e["target"]) for e in china
    )
    accuse = get(base_url, "/api/events", type="ACCUSE").json()["items"]
    assert accuse and {e["type"] for e in accuse} == {"ACCUSE"}
    spring = get(base_url, "/api/events", since="2020-03", until="2020-03", **fixture).json()[
        "items"
    ]
    assert [e["type"] for e in spring] == ["AID"]


def test_events_sort_and_paginate(base_url: str) -> None:
    asc = get(base_url, "/api/events", sort="intensity", order="asc", limit=500).json()
    values = [e["intensity"] for e in asc["items"]]
    assert values == sorted(values) and asc["total"] == len(values)
    pages = [
        get(base_url, "/api/events", limit=2, offset=o).json()["items"]
        for o in range(0, asc["total"], 2)
    ]
    ids = [e["event_id"] for page in pages for e in page]
    assert len(ids) == len(set(ids)) == asc["total"]
    assert get(base_url, "/api/events", sort="evidence").status_code == 422
    assert get(base_url, "/api/events", order="sideways").status_code == 422


def test_timeline_matches_the_events(base_url: str) -> None:
    month = get(
        base_url, "/api/timeline", a="RUS", b="TUR", by="month", include_negated="true"
    ).json()
    events = get(base_url, "/api/events", dyad="RUS,TUR", directed="false", limit=500).json()
    assert month["total"] == events["total"]
    assert sum(p["n"] for p in month["periods"]) + month["imprecise"] == month["total"]
    periods = {p["period"]: p for p in month["periods"]}
    assert periods["2020-03"]["quad2"] >= 1 and periods["2020-04"]["quad4"] >= 1
    for p in month["periods"]:
        assert p["n"] == p["quad1"] + p["quad2"] + p["quad3"] + p["quad4"]
        assert p["net_coop_count"] == p["quad1"] + p["quad2"] - p["quad3"] - p["quad4"]
    day = get(base_url, "/api/timeline", a="RUS", b="TUR", by="day").json()
    assert day["imprecise"] >= 1  # the month-precise COERCE event has no day
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["period"]) for p in day["periods"])
    directed = get(base_url, "/api/timeline", a="RUS", b="TUR", directed="true").json()
    assert directed["total"] < month["total"]
    assert get(base_url, "/api/timeline", by="fortnight").status_code == 422


def test_actors_outlets_map(base_url: str) -> None:
    actors = get(base_url, "/api/actors", limit=500).json()
    rus = next(a for a in actors["items"] if a["code"] == "RUS")
    assert rus["as_source"] >= 3 and rus["as_target"] >= 2
    outlets = {o["outlet"]: o for o in get(base_url, "/api/outlets").json()}
    assert outlets["Harbour Post"]["articles"] == 4 and outlets["Harbour Post"]["events"] == 4
    points = {p["name"]: p for p in get(base_url, "/api/map").json()["items"]}
    assert points["Moscow"]["events"] >= 2 and points["Moscow"]["cooperation"] >= 1
    assert -90 <= points["Geneva"]["lat"] <= 90


def test_stories(base_url: str) -> None:
    listing = get(base_url, "/api/stories").json()
    first = listing["items"][0]  # newest last date first
    assert (first["story_id"], first["articles"]) == (STORY_ID, 4)
    assert first["outlets"] == ["Harbour Post", "Ridge Courier"]
    assert listing["total"] == len(listing["items"]) >= 2  # the seeds' stories too (ingest hook)
    story = get(base_url, f"/api/stories/{STORY_ID}").json()
    assert set(story["by_outlet"]) == {"Harbour Post", "Ridge Courier"}
    assert [s["sentence"] for s in story["summary"]] == [
        "Moscow condemned Ankara.",
        "Aid followed.",
    ]
    assert all(a["lead"] for a in story["articles"])
    paged = get(base_url, "/api/stories", limit=1, offset=1).json()["items"]
    assert len(paged) == 1 and paged[0]["story_id"] != STORY_ID


def test_hostile_article_is_served_as_data(base_url: str) -> None:
    a = get(base_url, f"/api/articles/{xss_article_id()}").json()
    assert "<script>" in a["body"]  # stored as written; the pages escape it


def test_openapi_and_offline_docs(base_url: str) -> None:
    schema = get(base_url, "/openapi.json").json()
    for path in ("/api/events", "/api/timeline", "/api/articles/{ident}", "/api/stories"):
        assert path in schema["paths"]
    assert not any(p.startswith("/internal") for p in schema["paths"])
    docs = get(base_url, "/docs")
    assert docs.status_code == 200 and "/api/timeline" in docs.text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", docs.text)


def test_security_headers_everywhere(base_url: str) -> None:
    paths: list[tuple[str, dict[str, Any]]] = [
        (path, {})
        for path in ("/api/health", "/", "/events", "/static/app.css", "/api/nothing", "/nothing")
    ]
    # the lean path answers these (newsgraph.web.fast), first and then from the cache
    paths += [("/api/events", {"limit": 5})] * 2 + [("/api/timeline", {"a": "RUS", "by": "year"})]
    for path, params in paths:
        headers = get(base_url, path, **params).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff", path


def test_a_type_that_is_not_plover_is_422_not_an_empty_page(base_url: str) -> None:
    # a misspelt type must not read as "no such events"
    for bad in ("NOPE", "accuse", "ACCUSED"):
        response = get(base_url, "/api/events", type=bad)
        assert response.status_code == 422 and "type" in response.json()["error"]
    assert get(base_url, "/api/events", type="ACCUSE").status_code == 200
