"""The gazetteer's hard cases and the resolver's use of context, on sentences written here."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.geo import default_gazetteer, locate_event, mentions
from newsgraph.geo.lgl import km


def _resolved(nlp: Any, text: str, hint: str | None = None) -> dict[str, Any]:
    return {m.text: m for m in mentions(nlp(text), hint)}


@pytest.mark.parametrize(
    ("name", "country", "fcode"),
    [
        ("Virginia", "USA", "ADM1"),  # not the South African town
        ("Florida", "USA", "ADM1"),  # not the Cuban one
        ("Arizona", "USA", "ADM1"),
        ("Colorado", "USA", "ADM1"),
        ("Georgia", "GEO", "PCLI"),  # alone, the country
        ("Africa", None, "CONT"),  # not a town in Tunisia
        ("Asia", None, "CONT"),  # not one in the Philippines
        ("Middle East", None, "RGN"),
        ("EU", None, "RGN"),
        ("Ontario", "CAN", "ADM1"),
    ],
)
def test_names_at_their_own_rank(name: str, country: str | None, fcode: str) -> None:
    entry = default_gazetteer().best(name)
    assert entry is not None and (entry.country, entry.fcode) == (country, fcode)


def test_country_points_are_the_reference_points() -> None:
    gaz = default_gazetteer()
    for code, lat, lon in [("RUS", 60.0, 100.0), ("CHN", 35.0, 105.0), ("CAN", 60.0, -96.0)]:
        place = gaz.country(code)
        assert place is not None and place.lat is not None and place.lon is not None
        assert km(place.lat, place.lon, lat, lon) < 161, code


def test_georgia_with_and_without_atlanta(nlp: Any) -> None:
    alone = _resolved(nlp, "Talks on Georgia resumed after the war.")
    assert alone["Georgia"].entry.country == "GEO"
    with_city = _resolved(nlp, "Storms hit Atlanta on Monday, and officials across Georgia braced.")
    georgia = with_city["Georgia"].entry
    assert (georgia.country, georgia.fcode, georgia.admin1) == ("USA", "ADM1", "GA")
    assert any(e.startswith("holds") for e in with_city["Georgia"].evidence)


def test_paris_with_texas_nearby(nlp: Any) -> None:
    alone = _resolved(nlp, "The mayor of Paris opened the new bridge.")
    assert alone["Paris"].entry.country == "FRA"
    texan = _resolved(nlp, "The mayor of Paris opened the bridge. Texas paid for half of it.")
    paris = texan["Paris"].entry
    assert (paris.country, paris.admin1) == ("USA", "TX")


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("A man from Alexandria, La., was charged on Friday.", "Alexandria", "LA"),
        ("A school in Dublin, Ohio, closed early.", "Dublin", "OH"),
        ("Police in Athens, Ga., arrested two men.", "Athens", "GA"),
        ("Voters in Richmond, Kentucky, went to the polls.", "Richmond", "KY"),
    ],
)
def test_qualified_towns(nlp: Any, text: str, name: str, admin1: str) -> None:
    found = _resolved(nlp, text)
    entry = found[name].entry
    assert (entry.country, entry.admin1) == ("USA", admin1)
    assert any(e.startswith("qualifier") for e in found[name].evidence)


def test_one_sense_per_name_per_article(nlp: Any) -> None:
    text = (
        "Dublin, Ohio, voted on the levy. Dublin residents packed the hall, and the "
        "Dublin school board met later."
    )
    dublins = [m for m in mentions(nlp(text)) if m.text == "Dublin"]
    assert len(dublins) >= 2 and {m.entry.admin1 for m in dublins} == {"OH"}


def test_roles_demonyms_and_names_inside_organisations(nlp: Any) -> None:
    doc = nlp("Russian troops withdrew, the Ohio Department of Transportation said.")
    roles = {m.text: (m.role, m.entry.country) for m in mentions(doc)}
    assert roles["Russian"] == ("demonym", "RUS")
    assert roles["Ohio"] == ("modifier", "USA")


def test_mention_record_carries_span_sentence_and_entry(nlp: Any) -> None:
    text = "It rained. Floods hit Fargo, N.D., overnight."
    found = mentions(nlp(text))
    fargo = next(m for m in found if m.text == "Fargo")
    assert text[fargo.start : fargo.end] == "Fargo" and fargo.sentence == 1
    assert text[fargo.sentence_start : fargo.sentence_end].startswith("Floods hit Fargo")
    e = fargo.entry
    assert (e.fclass, e.country, e.admin1) == ("P", "USA", "ND") and e.geonameid
    assert 0 < fargo.confidence <= 1 and fargo.evidence
    nd = next(m for m in found if m.text == "N.D.")
    assert nd.entry.fcode == "ADM1" and nd.entry.admin1 == "ND"


def test_counties_sit_in_their_state(nlp: Any) -> None:
    found = _resolved(nlp, "Deputies in Rapides Parish arrested a man in Alexandria, La.")
    parish = found["Rapides Parish"].entry
    assert (parish.country, parish.admin1, parish.fcode) == ("USA", "LA", "ADM2")
    assert km(parish.lat, parish.lon, 31.2, -92.5) < 161


def test_abbreviations_are_not_foreign_towns(nlp: Any) -> None:
    found = _resolved(nlp, "He grew up in Topeka, Kan., and moved to Tampa, Fla.")
    assert found["Kan."].entry.name == "Kansas" and found["Fla."].entry.name == "Florida"
    assert found["Tampa"].entry.admin1 == "FL"


def test_event_location_sources(nlp: Any) -> None:
    text = "Floods hit Fargo, N.D. on Monday. The city council approved new levees."
    doc = nlp(text)
    article = mentions(doc)
    first, second = list(doc.sents)[:2]
    hit = next(t for t in first if t.text == "hit")
    where = locate_event(first, hit, article)
    assert where.source == "clause" and where.place is not None and where.place.name == "Fargo"
    approved = next(t for t in second if t.text == "approved")
    assert locate_event(second, approved, article).source == "none"
    by_actor = locate_event(second, approved, article, actor_countries=["USA"])
    assert by_actor.source == "article" and by_actor.place is not None
    assert by_actor.place.name == "Fargo"


def test_event_location_from_the_sentence(nlp: Any) -> None:
    text = "After the storm in Moorhead, the governor declared an emergency."
    doc = nlp(text)
    declared = next(t for t in doc if t.text == "declared")
    where = locate_event(doc[:], declared, mentions(doc))
    assert where.source == "sentence" and where.place is not None
    assert where.place.name == "Moorhead"
