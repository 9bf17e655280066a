"""Cooperation told in a relative clause on an actor says what the actor is, not what
the sentence reports (ANNOTATION.md: "X, which backs Y" is SUPPORT only when the
backing itself is the news).  The act of the main clause is still coded.  Sentences
written for the test; the rules alone are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Iran, which backs Hezbollah, condemned the Israeli strike on Beirut.", "SUPPORT",
         "ACCUSE"),
        ("Japan, which has given billions in aid to Myanmar, called for the release of Aung San "
         "Suu Kyi.", "AID", "REQUEST"),
        ("Turkey, which cooperates with Russia on energy, rejected the American sanctions.",
         "COOPERATE", "REJECT"),
    ],
)  # fmt: skip
def test_cooperation_describing_an_actor(
    rules: Coder, text: str, absent: str, present: str
) -> None:
    found = types(rules, text)
    assert absent not in found
    assert present in found
