"""Places on the sample corpus (the seeds, ingested by the real chain): every toponym
stored, events located, ``newsgraph places``, and GDELT's action geography."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import export, gdelt_columns
from newsgraph.settings import Settings
from newsgraph.store import Store


def _rows(settings: Settings, sql: str) -> list[tuple[object, ...]]:
    conn = duckdb.connect(str(settings.db), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_every_toponym_is_stored_with_its_span_and_entry(seeds_db: Settings) -> None:
    rows = _rows(
        seeds_db,
        'SELECT a.body, p.start, p."end", p.text, p.role, p.name, p.country, p.geonameid, '
        "p.evidence, p.confidence FROM place_mentions p JOIN articles a USING (article_id)",
    )
    assert len(rows) > 50
    for body, start, end, text, role, name, _country, _gid, evidence, confidence in rows:
        assert body[start:end] == text and role in {"place", "modifier", "demonym"}
        assert name and evidence and 0 < confidence <= 1
    idlib = [r for r in rows if r[3] == "Idlib"]
    assert idlib and all(r[6] == "SYR" and r[7] for r in idlib)
    assert all(r[5] != "Nato" for r in rows)  # NATO is no Philippine town


def test_events_carry_the_place_their_sentence_names(seeds_db: Settings) -> None:
    events = _rows(seeds_db, "SELECT location_name, location_source FROM events")
    located = [e for e in events if e[0] is not None]
    assert all((e[0] is None) == (e[1] == "none") for e in events)
    assert {e[1] for e in located} <= {"clause", "sentence", "article"}
    # at least half of all events carry a location (57 of 64 when this was written)
    assert len(located) * 2 >= len(events), (len(located), len(events))
    # an event whose sentence names a place (not as one of its actors; a region read as
    # its country, "Idlib" as Syria with no sector, is still a place) carries a place of
    # that sentence, from its clause or its sentence (not the article's)
    named = _rows(
        seeds_db,
        "SELECT e.event_id, e.location_name, e.location_source, (SELECT list(q.name) FROM "
        "place_mentions q WHERE q.article_id = e.article_id AND q.sentence_index = "
        "e.sentence_index AND q.role = 'place') FROM events e WHERE EXISTS (SELECT 1 FROM "
        "place_mentions p WHERE p.article_id = e.article_id AND p.sentence_index = "
        "e.sentence_index AND p.role = 'place' AND NOT EXISTS (SELECT 1 FROM mentions m "
        'WHERE m.article_id = p.article_id AND m.start < p."end" AND p.start < m."end" '
        "AND NOT (m.kind = 'metonym' AND m.sector IS NULL)))",
    )
    assert len(named) >= 15
    missed = [r for r in named if r[2] not in {"clause", "sentence"} or r[1] not in r[3]]
    assert not missed, missed


def test_newsgraph_places_by_country_and_distance(seeds_db: Settings) -> None:
    runner = CliRunner()
    db = ["--db", str(seeds_db.db), "--format", "jsonl"]
    syria = runner.invoke(app, ["places", *db, "--country", "SYR"])
    assert syria.exit_code == 0 and '"name": "Idlib"' in syria.stdout
    assert '"country": "TUR"' not in syria.stdout
    near = runner.invoke(app, ["places", *db, "--near", "35.93,36.63,50"])
    assert near.exit_code == 0 and '"name": "Idlib"' in near.stdout
    assert '"name": "Ankara"' not in near.stdout
    bad = runner.invoke(app, ["places", *db, "--near", "36,37"])
    assert bad.exit_code == 2 and "LAT,LON,KM" in bad.stderr


def test_gdelt_action_geography_is_the_event_location(seeds_db: Settings, tmp_path: Path) -> None:
    out = tmp_path / "g.tsv"
    with Store.open(seeds_db.db, read_only=True) as store:
        export(store, "gdelt", out)
    names = [n for n, _ in gdelt_columns()]
    col = {n: i for i, n in enumerate(names)}
    lines = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    stored = dict(
        _rows(
            seeds_db,
            "SELECT location_name, location_geonameid FROM events WHERE location_feature = 'city'",
        )
    )
    cities = [r for r in lines if r[col["ActionGeo_Type"]] == "4"]
    assert cities
    for r in cities:
        name = r[col["ActionGeo_FullName"]].split(",")[0]
        assert r[col["ActionGeo_FeatureID"]] == str(stored[name])
        assert r[col["ActionGeo_ADM1Code"]].startswith(r[col["ActionGeo_CountryCode"]])
        assert len(r[col["ActionGeo_ADM1Code"]]) > 2  # country and division
