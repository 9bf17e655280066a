"""Places through the API: /api/places, the article's places, the map's popups and the
events page's filters on the map (the web test store: the seeds and hand-made articles)."""

from __future__ import annotations

from typing import Any

import httpx


def get(base: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=10)


def test_places_by_country_and_distance(base_url: str) -> None:
    body = get(base_url, "/api/places", country="SYR").json()
    names = {p["name"] for p in body["items"]}
    assert {"Syria", "Idlib"} <= names and body["total"] == len(body["items"])
    assert all(p["country"] == "SYR" and p["mentions"] >= p["articles"] >= 1 for p in body["items"])
    near = get(base_url, "/api/places", near="35.93,36.63,50").json()["items"]
    assert "Idlib" in {p["name"] for p in near} and "Ankara" not in {p["name"] for p in near}
    everything = get(base_url, "/api/places", role="all", limit=500).json()["total"]
    assert everything > body["total"]
    bad = get(base_url, "/api/places", near="36,37")
    assert bad.status_code == 422 and "LAT,LON,KM" in bad.json()["error"]
    assert get(base_url, "/api/places", country="Syria").status_code == 422


def test_an_article_answers_with_its_places(base_url: str) -> None:
    idlib = get(base_url, "/api/places", country="SYR").json()["items"]
    assert idlib
    events = get(base_url, "/api/events", limit=500).json()["items"]
    located = [e for e in events if e["location"] and e["location"]["name"] == "Idlib"]
    assert located and all(
        e["location_source"] in {"clause", "sentence", "article"} for e in located
    )
    article = get(base_url, f"/api/articles/{located[0]['article_id']}").json()
    body = article["body"]
    assert article["places"] and all(
        body[p["start"] : p["end"]] == p["text"] for p in article["places"]
    )
    assert any(p["name"] == "Idlib" and p["geonameid"] for p in article["places"])


def test_map_takes_the_events_filters_and_lists_a_points_events(base_url: str) -> None:
    points = get(base_url, "/api/map").json()["items"]
    moscow = next(p for p in points if p["name"] == "Moscow" and p["lat"] == 55.75)
    at = get(base_url, "/api/map/events", lat=moscow["lat"], lon=moscow["lon"]).json()
    assert at["total"] == moscow["events"] and all(e["evidence"] for e in at["items"])
    narrowed = get(base_url, "/api/map", dyad="RUS,TUR", outlet="Harbour Post").json()
    assert 0 < narrowed["total"] < sum(p["events"] for p in points)
    assert get(base_url, "/api/map/events", lat=200, lon=0).status_code == 422


def test_the_article_page_lists_its_places(base_url: str) -> None:
    events = get(base_url, "/api/events", limit=500).json()["items"]
    article_id = next(
        e["article_id"] for e in events if e["location"] and e["location"]["name"] == "Idlib"
    )
    places = get(base_url, f"/api/articles/{article_id}").json()["places"]
    idlib = next(p for p in places if p["name"] == "Idlib" and p["role"] == "place")
    page = get(base_url, f"/articles/{article_id}")
    assert page.status_code == 200
    html = page.text
    table = html[
        html.index('id="article-places"') : html.index(
            "</table>", html.index('id="article-places"')
        )
    ]
    assert "<td>Idlib</td>" in table and f"<td>{idlib['geonameid']}</td>" in table
    assert table.count("<tr>") == 1 + sum(p["role"] == "place" for p in places)
    assert 'title="place from the ' in html  # each located event says where its place came from
