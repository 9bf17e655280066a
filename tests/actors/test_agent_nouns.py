"""Agent nouns added from the news, and provinces and cities that name their country."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors import ActorResolver


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israeli settlers", "ISRCVL"),
        ("Nigerian herdsmen", "NGAAGR"),
        ("the British embassy", "GBRGOV"),
        ("Kenya's electoral commission", "KENGOV"),
        ("Haitian looters", "HTICRM"),
        ("Russian commandos", "RUSMIL"),
        ("the Ugandan dictator", "UGAGOV"),
        ("Indian Muslims", "INDREL"),
        ("a Turkish businessman", "TURBUS"),
    ],
)
def test_a_demonym_and_an_agent_noun(resolver: ActorResolver, text: str, code: str) -> None:
    actor = resolver.lookup(text)
    assert actor is not None and actor.code == code


def test_an_embassy_alone_is_no_actor(resolver: ActorResolver) -> None:
    assert resolver.lookup("the embassy") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("an Istanbul court", "TURJUD"),
        ("Mosul residents", "IRQCVL"),
        ("the Gujarat government", "INDGOV"),
        ("Karachi police", "PAKCOP"),
        ("Goma", "COD"),
    ],
)
def test_a_province_or_city_stands_for_its_country(
    resolver: ActorResolver, text: str, code: str
) -> None:
    actor = resolver.lookup(text)
    assert actor is not None and actor.code == code


def test_a_us_state_legislator_is_american(resolver: ActorResolver, parser: Any) -> None:
    doc = parser("State Senator Maria Keller has pushed for a ban on the toll increase.")
    got = {m.actor.text: m.actor.code for m in resolver.mentions(doc, "2019-01-01")}
    assert got.get("Maria Keller") == "USALEG"
    actor = resolver.lookup("a Republican State Representative")
    assert actor is not None and actor.country == "USA"


def test_the_government_of_an_australian_state(resolver: ActorResolver) -> None:
    for text in ("the Victorian Government", "the NSW Government", "Queensland"):
        actor = resolver.lookup(text)
        assert actor is not None and actor.country == "AUS", text
