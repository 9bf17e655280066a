"""Agent nouns added from the news, and provinces and cities that name their country."""

from __future__ import annotations

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
