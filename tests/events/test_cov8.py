"""Gold events the rules found nothing for, a fifth look (issue 11): general
constructions of English the matcher missed.  Every sentence is written for the test;
the rules alone (no learned head) are checked.

- A particle read as "more than" on a number: "hands over 12 suspects", "hand over 30
  vehicles" (the parser hangs "over" on the number as a quantifier, so the phrasal verb
  "hand over" lost its particle).
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Turkey hands over 12 suspects to Greece.", "COOPERATE"),
        ("France hands over 20 ambulances to Lebanon.", "AID"),
        ("Hamas hands over 4 hostages to Egypt.", "RETREAT"),
        ("The Iraqi army hands over 30 prisoners to the Red Cross.", "RETREAT"),
    ],
)
def test_particle_before_a_number(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text)
