"""Place mentions in the store: written with their article, read by country and
distance, sent to a server intact, gone with their article; older stores upgraded."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from store_factories import article_outcome, make_coding, make_event

from newsgraph.errors import QueryError
from newsgraph.records import Place, Toponym
from newsgraph.store import Store, migrate
from newsgraph.store.codec import dumps_outcomes, loads_outcomes
from newsgraph.store.places import PlaceQuery, article_places, events_at, places

BODY = "Russia condemned Turkey. Shelling hit Idlib and Aleppo, Syria."
IDLIB = Place("Idlib", "SYR", 35.93, 36.63, "city", 169389, "12")
ALEPPO = Place("Aleppo", "SYR", 36.20, 37.16, "city", 170063, "09")
SYRIA = Place("Syria", "SYR", 35.0, 38.0, "country", 163843)


def _toponym(text: str, place: Place, role: str = "place", fcode: str = "PPL") -> Toponym:
    start = BODY.index(text)
    return Toponym(
        start,
        start + len(text),
        text,
        1,
        role,  # type: ignore[arg-type]
        place,
        fcode,
        "P" if fcode == "PPL" else "A",
        1000,
        False,
        ("prior", "country-named"),
        0.9,
    )


def _coded() -> object:
    event = make_event(location=IDLIB, location_source="sentence")
    toponyms = (
        _toponym(
            "Russia", Place("Russia", "RUS", 60.0, 100.0, "country", 2017370), "modifier", "PCLI"
        ),
        _toponym("Idlib", IDLIB),
        _toponym("Aleppo", ALEPPO),
        _toponym("Syria", SYRIA, fcode="PCLI"),
    )
    return replace(make_coding((event,)), places=toponyms)


def _store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "p.duckdb")
    run = store.new_run(["x"], {})
    store.write_batch(run, [article_outcome("a.txt", BODY, _coded())])  # type: ignore[arg-type]
    return store


def test_place_mentions_are_written_and_read(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        conn = store.connection
        aid = store.articles()[0]["article_id"]
        named = article_places(conn, aid)
        assert [p["text"] for p in named] == ["Russia", "Idlib", "Aleppo", "Syria"]
        idlib = named[1]
        assert BODY[idlib["start"] : idlib["end"]] == "Idlib"
        assert (idlib["geonameid"], idlib["admin1"], idlib["evidence"]) == (
            169389,
            "12",
            ["prior", "country-named"],
        )
        rows, total = places(conn, PlaceQuery.parse(country="syr"))
        assert total == 3 and {r["name"] for r in rows} == {"Idlib", "Aleppo", "Syria"}
        rows, _ = places(conn, PlaceQuery.parse(near="35.9,36.6,40"))
        assert [r["name"] for r in rows] == ["Idlib"]  # Aleppo is some 60 km away
        rows, _ = places(conn, PlaceQuery.parse(role="all"))
        assert "Russia" in {r["name"] for r in rows}
        event = store.events()[0]
        assert event["location_source"] == "sentence"
        assert (event["location"]["geonameid"], event["location"]["admin1"]) == (169389, "12")
        at, n = events_at(conn, 35.93, 36.63)
        assert n == 1 and at[0]["location_source"] == "sentence"


def test_a_replaced_article_takes_its_places_along(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        run = store.new_run(["x"], {})
        store.write_batch(run, [article_outcome("a.txt", "Nothing here.", None, chash="h2")])
        assert store.counts()["place_mentions"] == 0


def test_toponyms_travel_to_a_server_intact() -> None:
    outcome = article_outcome("a.txt", BODY, _coded())  # type: ignore[arg-type]
    back = loads_outcomes(__import__("json").loads(dumps_outcomes([outcome])))
    assert back[0] == outcome


@pytest.mark.parametrize("near", ["1,2", "a,b,c", "91,0,10", "0,0,0", "0,0,30000"])
def test_a_bad_point_is_refused_with_what_is_expected(near: str) -> None:
    with pytest.raises(QueryError, match=r"LAT,LON,KM|latitude"):
        PlaceQuery.parse(near=near)


def test_a_bad_country_or_role_is_refused() -> None:
    with pytest.raises(QueryError, match="alpha-3"):
        PlaceQuery.parse(country="Syria")
    with pytest.raises(QueryError, match="place, modifier, demonym"):
        PlaceQuery.parse(role="town")


def test_an_older_store_gets_the_table_and_its_events_a_source(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    migrate(conn, target=5)
    conn.execute(
        "INSERT INTO events (event_id, article_id, sentence_index, type, quad_class, intensity, "
        'evidence, start, "end", trigger, negated, hypothetical, reported, location_name, '
        "date_precision, confidence) VALUES "
        "('e1', 'a', 0, 'ACCUSE', 3, -2, 'x', 0, 1, 'x', false, false, false, 'Idlib', 'day', 0.5), "
        "('e2', 'a', 0, 'ACCUSE', 3, -2, 'x', 0, 1, 'x', false, false, false, NULL, 'day', 0.5)"
    )
    conn.close()
    with Store.open(path) as store:
        rows = store.connection.execute(
            "SELECT event_id, location_source FROM events ORDER BY event_id"
        ).fetchall()
        assert rows == [("e1", "clause"), ("e2", "none")]
        assert store.counts()["place_mentions"] == 0
