"""Toponyms as the store keeps them, names that are not towns, and a country named as
where things happen (sentences written here)."""

from __future__ import annotations

from typing import Any

from newsgraph.geo import locate_event, mentions
from newsgraph.geo.records import as_records


def test_an_acronym_or_a_given_name_is_not_a_town(nlp: Any) -> None:
    doc = nlp(
        "Moscow objects to the deployment by NATO of missiles near the border, "
        "said Foreign Minister Adel al-Jubeir on Monday."
    )
    found = {m.text: m for m in mentions(doc)}
    assert "NATO" not in found  # not the Philippine town Nato
    assert "Adel" not in found  # not the town in Georgia, USA
    assert found["Moscow"].entry.country == "RUS"


def test_a_country_named_as_where_things_are_locates_the_event(nlp: Any) -> None:
    doc = nlp("The minister said militants in Ukraine had received new weapons.")
    received = next(t for t in doc if t.text == "received")
    where = locate_event(doc[:], received, mentions(doc))
    assert where.place is not None and where.place.country == "UKR"
    assert where.source in {"clause", "sentence"}


def test_a_country_named_as_a_topic_does_not(nlp: Any) -> None:
    doc = nlp("The ministers held talks on Ukraine.")
    held = next(t for t in doc if t.text == "held")
    assert locate_event(doc[:], held, mentions(doc)).source == "none"


def test_records_keep_span_sentence_entry_evidence(nlp: Any) -> None:
    text = "Rain fell. The mayor of Dublin, Ohio, met Russian officials."
    doc = nlp(text)
    records = as_records(mentions(doc), [0, text.index("The")])
    dublin = next(r for r in records if r.text == "Dublin")
    assert text[dublin.start : dublin.end] == "Dublin"
    assert dublin.sentence_index == 1 and dublin.role == "place"
    assert (dublin.place.country, dublin.place.admin1, dublin.fclass) == ("USA", "OH", "P")
    assert dublin.place.geonameid and any(e.startswith("qualifier") for e in dublin.evidence)
    assert 0 < dublin.confidence <= 1
    russian = next(r for r in records if r.text == "Russian")
    assert russian.role == "demonym" and russian.place.country == "RUS"
