"""Joint exercises between allies are COOPERATE, a show of force by one side MOBILIZE
(ANNOTATION.md), whether or not the sentence says "joint".  Sentences written for
this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

JOINT = [
    "Germany, Italy and the US are participating in a space war game in France.",
    "Russian and Chinese navies staged naval exercises in the Sea of Japan.",
]
ALONE = ["China launched war games around Taiwan."]


@pytest.fixture(scope="module", params=["rules", "shipped"])
def either(request: pytest.FixtureRequest, coder: Coder, rules: Coder) -> Coder:
    return rules if request.param == "rules" else coder


@pytest.mark.parametrize("text", JOINT)
def test_exercises_of_several_states_are_cooperation(either: Coder, text: str) -> None:
    types = {e.type for e in either.code(text).events}
    assert "COOPERATE" in types and "MOBILIZE" not in types


@pytest.mark.parametrize("text", ALONE)
def test_exercises_of_one_state_are_a_show_of_force(either: Coder, text: str) -> None:
    assert "MOBILIZE" in {e.type for e in either.code(text).events}
