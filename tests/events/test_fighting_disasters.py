"""Forces sent to fight a disaster (an outbreak, wildfires, floods) help (AID 074); forces
sent to fight a party are a show of force (MOBILIZE), and a field hospital deployed is
help. Sentences written for this test."""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events import Coder

HELP = [
    "Nigeria deployed troops to help fight the cholera outbreak in the north.",
    "Greece sent soldiers to battle the wildfires on the island.",
    "The army deployed a field hospital to the flooded district.",
]
FORCE = [
    "India deployed soldiers to fight the militants along the border.",
    "Kenya deployed troops to fight al-Shabaab militants in Somalia.",
]


@pytest.mark.parametrize("text", HELP)
def test_fighting_a_disaster_is_help(rules_alone: Coder, text: str) -> None:
    got = types(rules_alone, text)
    assert "AID" in got and "MOBILIZE" not in got


@pytest.mark.parametrize("text", FORCE)
def test_fighting_a_party_is_a_show_of_force(rules_alone: Coder, text: str) -> None:
    assert "MOBILIZE" in types(rules_alone, text)
