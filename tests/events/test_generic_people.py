""" "People" is a civilian agent noun: a crowd or the victims named only as people take the
country of the place the sentence puts them in (ANNOTATION.md: a generic actor keeps a null
code only when the sentence names no country).  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import country, one_event

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "type_", "side", "code"),
    [
        ("Thousands of people marched in Caracas against the government.", "PROTEST", "source",
         "VEN"),
        ("Hundreds of people protested in Yerevan against the new border treaty.", "PROTEST",
         "source", "ARM"),
        ("A suicide bomber killed 20 people at a market in Kabul.", "ASSAULT", "target", "AFG"),
        ("Police in Lagos arrested 40 people after the riots.", "COERCE", "target", "NGA"),
    ],
)  # fmt: skip
def test_people_take_the_country_of_their_place(
    rules: Coder, text: str, type_: str, side: str, code: str
) -> None:
    event = one_event(rules, text, type_)
    actors = event.source if side == "source" else event.target
    assert code in [country(a) for a in actors]
