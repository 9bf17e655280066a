"""Fighting an epidemic, poverty or corruption is no ASSAULT; fighting an armed party
is.  Sentences written for this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

PROBLEMS = [
    "Germany sent a plane to Liberia to fight the Ebola epidemic.",
    "The Kenyan government vowed to fight corruption in Nairobi.",
]
PARTIES = ["The Afghan army is fighting the Taliban in Helmand."]


@pytest.mark.parametrize("text", PROBLEMS)
def test_fighting_a_problem_is_no_assault(rules: Coder, coder: Coder, text: str) -> None:
    for c in (rules, coder):
        assert "ASSAULT" not in {e.type for e in c.code(text).events}


@pytest.mark.parametrize("text", PARTIES)
def test_fighting_a_party_is(coder: Coder, text: str) -> None:
    assert "ASSAULT" in {e.type for e in coder.code(text).events}
