"""Crowds, mobs, passengers and victims are civilians: named with no country they take the
country of the place the sentence puts them in (ANNOTATION.md: a generic actor keeps a null
code only when the sentence names no country).  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import country, one_event

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


@pytest.mark.parametrize(
    ("text", "type_", "side", "code"),
    [
        ("A crowd in Dhaka attacked the police.", "ASSAULT", "source", "BGD"),
        ("A mob burned a church in Cairo.", "ASSAULT", "source", "EGY"),
        ("Police in Lagos fired on crowds of protesters.", "ASSAULT", "target", "NGA"),
        ("Gunmen seized passengers on a bus in Kenya.", "COERCE", "target", "KEN"),
    ],
)
def test_crowds_take_the_country_of_their_place(
    rules: Coder, text: str, type_: str, side: str, code: str
) -> None:
    event = one_event(rules, text, type_)
    actors = event.source if side == "source" else event.target
    assert code in [country(a) for a in actors]
