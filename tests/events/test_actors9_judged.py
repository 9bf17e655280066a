"""A judging verb with a noun for its judgement ("called the envoy a stupid man") judges its
object, not the noun the judgement qualifies.  Sentences written for the test; rules alone."""

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
        ("Duterte called the Dutch envoy a stupid man.", "NLD"),
        ("Erdogan called the Greek minister an irresponsible politician.", "GRC"),
        ("Maduro called the Colombian president a corrupt criminal.", "COL"),
        ("The Iranian leader called Canada's ambassador a very arrogant woman.", "CAN"),
    ],
)
def test_the_object_is_judged(rules: Coder, text: str, code: str) -> None:
    event = one_event(rules, text, "ACCUSE")
    assert code in [country(a) for a in event.target]
