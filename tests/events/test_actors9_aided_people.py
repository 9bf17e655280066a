"""Civilians or refugees aided with no country of their own are of the one country their
sentence names besides the giver's (ANNOTATION.md: a generic actor takes the country its
sentence names).  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import country, one_event

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("USAID provided tents to two million people after the earthquake in Nepal.", "NPL"),
        ("Japan gave blankets to families after the storm that hit the Philippines.", "PHL"),
        ("Canada donated food to refugees fleeing the fighting in South Sudan.", "SSD"),
        ("Britain delivered medicine to villagers cut off by the floods in Mozambique.", "MOZ"),
    ],
)
def test_aided_people_are_of_the_country_named(rules: Coder, text: str, code: str) -> None:
    event = one_event(rules, text, "AID")
    assert code in [country(a) for a in event.target]


@pytest.mark.parametrize(
    "text",
    [
        # two other countries named: whose people is not said
        "Norway gave food to refugees after the talks between Syria and Iraq failed.",
        "Sweden gave money to families hit by the storm, as Denmark and Finland held talks.",
    ],
)
def test_no_country_when_two_are_named(rules: Coder, text: str) -> None:
    event = one_event(rules, text, "AID")
    assert [country(a) for a in event.target] == [None]
