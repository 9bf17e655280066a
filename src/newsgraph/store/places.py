"""Reads about places: the toponyms of the articles (``place_mentions``) and where events are.

``PlaceQuery.parse(country=..., near=..., role=...)`` checks the filters once for every
surface (``newsgraph places``, ``GET /api/places``); ``places`` lists the resolved
places the articles name, most mentioned first, with how many articles name each;
``article_places`` gives one article's toponyms in text order; ``events_at`` the
events located at one point (the map's popups).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError
from .query import WHEN, EventQuery
from .sql import Conn, dicts, scalar

ROLES = ("place", "modifier", "demonym")
EARTH_KM = 6371.0088
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


def _distance_km(lat: str, lon: str) -> str:
    """SQL for the great-circle distance in km from (?, ?) to the columns lat, lon."""
    return (
        f"2 * {EARTH_KM} * asin(sqrt(pow(sin(radians({lat} - ?) / 2), 2) + "
        f"cos(radians(?)) * cos(radians({lat})) * pow(sin(radians({lon} - ?) / 2), 2)))"
    )


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """Which place mentions: of a country (ISO alpha-3), within ``km`` of a point, of
    a role (``place`` by default; ``None``: every role)."""

    country: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    role: str | None = "place"

    @classmethod
    def parse(
        cls, country: str | None = None, near: str | None = None, role: str | None = "place"
    ) -> PlaceQuery:
        if country is not None and country != "":
            if not _COUNTRY.match(country):
                raise QueryError(
                    f"country {country!r}: expected an ISO 3166 alpha-3 code such as SYR or USA"
                )
            country = country.upper()
        else:
            country = None
        if role in ("", "all"):
            role = None
        if role is not None and role not in ROLES:
            raise QueryError(f"role {role!r}: expected one of {', '.join(ROLES)} or all")
        return cls(country, parse_near(near) if near else None, role)

    def where(self, alias: str = "p") -> tuple[str, list[Any]]:
        parts: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.role is not None:
            parts.append(f"{alias}.role = ?")
            params.append(self.role)
        if self.country is not None:
            parts.append(f"{alias}.country = ?")
            params.append(self.country)
        if self.near is not None:
            lat, lon, km = self.near
            parts.append(f"{alias}.lat IS NOT NULL AND {alias}.lon IS NOT NULL")
            parts.append(f"{_distance_km(f'{alias}.lat', f'{alias}.lon')} <= ?")
            params += [lat, lat, lon, km]
        return " AND ".join(parts), params


def parse_near(text: str) -> tuple[float, float, float]:
    """``LAT,LON,KM`` -> (lat, lon, km), each checked."""
    parts = [x.strip() for x in str(text).split(",")]
    try:
        lat, lon, km = (float(x) for x in parts)
    except ValueError:
        raise QueryError(
            f"near {text!r}: expected LAT,LON,KM in degrees and kilometres, e.g. 36.2,37.15,50"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise QueryError(
            f"near {text!r}: latitude within -90..90, longitude within -180..180, "
            "and a distance above 0 and at most 20000 km"
        )
    return lat, lon, km


def places(
    conn: Conn, query: PlaceQuery | None = None, limit: int = 100, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """The resolved places of the query, most mentioned first: name, country, feature,
    GeoNames id, point, mentions, articles; and how many places match."""
    where, params = (query or PlaceQuery()).where()
    group = "p.name, p.country, p.admin1, p.feature, p.fcode, p.geonameid, p.lat, p.lon"
    total = int(
        scalar(
            conn,
            f"SELECT count(*) FROM (SELECT DISTINCT {group} FROM place_mentions p WHERE {where})",
            params,
        )
        or 0
    )
    rows = dicts(
        conn.execute(
            f"SELECT {group}, count(*) AS mentions, count(DISTINCT p.article_id) AS articles, "
            "round(avg(p.confidence), 3) AS confidence "
            f"FROM place_mentions p WHERE {where} GROUP BY ALL "
            "ORDER BY mentions DESC, articles DESC, p.name, p.country LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    )
    return rows, total


def article_places(conn: Conn, article_id: str) -> list[dict[str, Any]]:
    """One article's toponyms in text order, each with its resolved entry and evidence."""
    rows = dicts(
        conn.execute(
            'SELECT start, "end", text, sentence_index, role, name, country, admin1, feature, '
            "fcode, fclass, geonameid, lat, lon, population, approximate, evidence, confidence "
            "FROM place_mentions WHERE article_id = ? ORDER BY start, place_index",
            [article_id],
        )
    )
    for row in rows:
        row["evidence"] = [x for x in (row["evidence"] or "").split(";") if x]
    return rows


def events_at(
    conn: Conn, lat: float, lon: float, query: EventQuery | None = None, limit: int = 20
) -> tuple[list[dict[str, Any]], int]:
    """The events of the query located at this point (newest first, at most ``limit``)
    with their article's title and outlet, and how many there are."""
    where, params = (query or EventQuery()).where()
    where += " AND abs(e.location_lat - ?) < 1e-6 AND abs(e.location_lon - ?) < 1e-6"
    params += [lat, lon]
    joined = "FROM events e JOIN articles a USING (article_id)"
    total = int(scalar(conn, f"SELECT count(*) {joined} WHERE {where}", params) or 0)
    rows = dicts(
        conn.execute(
            "SELECT e.event_id, e.article_id, e.type, e.quad_class, e.trigger, e.evidence, "
            f"e.location_name, e.location_source, {WHEN} AS date, a.title, a.outlet "
            f"{joined} WHERE {where} ORDER BY {WHEN} DESC NULLS LAST, e.event_id LIMIT ?",
            [*params, limit],
        )
    )
    return rows, total
