"""A particle of "away", "off" or "down" makes another verb of the one it follows: an entry
that names none of them does not fire on the phrasal verb ("backed away from", "wound down";
not "backed" = SUPPORT, not "wound" = ASSAULT). "Out", "up" and "back" mostly keep the verb's
sense ("sent out warships", "fought back"). "Walked away from the talks" is leaving them
(SANCTION 164), and the talks left are no meeting. Sentences written for this test."""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The minister backed away from his earlier promise of aid to Kenya.", "SUPPORT"),
        ("The rebels backed away from the ceasefire deal.", "SUPPORT"),
        ("The United States wound down its mission in Iraq.", "ASSAULT"),
    ],
)
def test_a_phrasal_verb_is_not_its_bare_verb(rules_alone: Coder, text: str, wrong: str) -> None:
    assert wrong not in types(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("India sent out warships to the Arabian Sea.", "MOBILIZE"),
        ("The army fought back against the rebel offensive.", "ASSAULT"),
        ("Iranian forces shot down an American drone over the Gulf.", "ASSAULT"),
        ("The government backed down on the tax rise.", "CONCEDE"),
        ("France backed the Turkish request.", "SUPPORT"),
    ],
)
def test_particles_that_keep_the_sense_or_are_listed(
    rules_alone: Coder, text: str, type_: str
) -> None:
    assert type_ in types(rules_alone, text)


def test_walking_away_from_talks_is_leaving_them(rules_alone: Coder) -> None:
    text = "Serbia walked away from the talks with Kosovo."
    assert types(rules_alone, text) == {"SANCTION"}
