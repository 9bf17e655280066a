"""Two coordinated prepositions share their object: "flights to and from Libya" is aimed at
Libya (the parse hangs the object on the second preposition alone).  Sentences written for
the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import country, one_event

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


@pytest.mark.parametrize(
    ("text", "type_", "code"),
    [
        ("Japan lifted travel curbs to and from North Korea.", "RETREAT", "PRK"),
        ("Italy banned flights to and from Libya.", "COERCE", "LBY"),
        ("Egypt eased restrictions on trade to and from Sudan.", "RETREAT", "SDN"),
    ],
)
def test_coordinated_prepositions_share_the_object(
    rules: Coder, text: str, type_: str, code: str
) -> None:
    event = one_event(rules, text, type_)
    assert code in [country(a) for a in event.target]
