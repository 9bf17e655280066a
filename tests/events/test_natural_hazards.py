"""Harm done by nature is no party's act: a verb whose doer is a natural hazard or a
disease ("floods destroyed homes", "the tsunami that killed thousands") codes nothing, in
the rules and in the learned head's actorless adds alike. Gunfire ("Israeli fire killed"),
explosions and bombs stay attacks with whoever does them, named or not; an alert raised
over a natural hazard is readiness, no MOBILIZE. Sentences written
for this test (issue 11; found on whole ECB+ articles, scripts/score_ecb_events.py)."""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder

NATURE = [
    "Floods destroyed hundreds of homes along the river in Assam.",
    "Heavy floods have wrecked bridges across the north of Pakistan.",
    "The 2010 earthquake that killed thousands flattened much of the capital.",
    "A typhoon battered the coast of Luzon and killed nine fishermen.",
    "The cyclone that hit Mozambique in March killed more than 600 people.",
    "The hurricane destroyed the harbour at Jacmel.",
    "Wildfires have destroyed more than 400 homes in southern Greece.",
    "A cholera epidemic has killed 120 people in the camps this month.",
    "The storm cut off dozens of villages in the mountains of Honduras.",
]

PARTIES = [
    ("Israeli fire killed two Palestinians near the border fence.", "ASSAULT"),
    ("An explosion killed three soldiers at a checkpoint in Kandahar.", "ASSAULT"),
    ("A roadside bomb killed four policemen in Helmand.", "ASSAULT"),
    ("Rebels set fire to the church in the village of Mbau.", "ASSAULT"),
    ("Government troops shelled the flooded town of Beledweyne.", "ASSAULT"),
]


@pytest.mark.parametrize("text", NATURE)
def test_natures_harm_is_no_event(coder: Coder, rules_alone: Coder, text: str) -> None:
    assert not types(coder, text)
    assert not types(rules_alone, text)


@pytest.mark.parametrize(("text", "type_"), PARTIES)
def test_fire_bombs_and_troops_still_attack(coder: Coder, text: str, type_: str) -> None:
    assert type_ in types(coder, text)


@pytest.mark.parametrize(
    ("text", "mobilized"),
    [
        ("Emergency services in Lima were put on alert after the earthquake.", False),
        ("Japan raised its tsunami alert for the coast of Hokkaido.", False),
        ("China put its navy on high alert near Taiwan.", True),
        ("South Korean forces went on alert after the North Korean launch.", True),
    ],
)
def test_an_alert_over_nature_is_readiness(coder: Coder, text: str, mobilized: bool) -> None:
    assert ("MOBILIZE" in types(coder, text)) is mobilized
