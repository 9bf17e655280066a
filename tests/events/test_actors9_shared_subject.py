"""The second act of one actor ("X announced ... and threatened ...") with no recipient of its
own is aimed where the first act was.  Sentences written for the test; rules alone."""

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
        ("Canada cut aid to Haiti and threatened to withdraw its trade preferences.",
         "THREATEN", "HTI"),
        ("Brazil accused Venezuela of meddling and demanded an apology.", "REQUEST", "VEN"),
        ("Japan criticised North Korea harshly and rejected any new talks.", "REJECT", "PRK"),
    ],
)  # fmt: skip
def test_the_second_act_is_aimed_where_the_first_was(
    rules: Coder, text: str, type_: str, code: str
) -> None:
    event = one_event(rules, text, type_)
    assert code in [country(a) for a in event.target]


def test_a_second_subject_has_its_own_act(rules: Coder) -> None:
    text = "Canada cut aid to Haiti and Mexico threatened to withdraw its trade preferences."
    event = one_event(rules, text, "THREATEN")
    assert "HTI" not in [country(a) for a in event.target]
