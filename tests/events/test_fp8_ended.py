"""An act that another act ends is not coded as going on (issue 11, precision): the
object of "end", "suspend", "terminate", "freeze" is negated like that of "halt" or
"cancel", and the ending itself is still coded.  Sentences written for the test; the
rules alone are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "ended", "ending"),
    [
        ("Qatar suspended its mediation between Israel and Hamas.", "CONSULT", "SANCTION"),
        ("The Sudanese army ended its offensive against rebels in Darfur.", "ASSAULT", "RETREAT"),
        ("Japan froze its cooperation with the Myanmar junta.", "COOPERATE", "SANCTION"),
    ],
)
def test_act_ended_is_not_coded(rules: Coder, text: str, ended: str, ending: str) -> None:
    found = types(rules, text)
    assert ended not in found
    assert ending in found


def test_ended_aid_is_not_aid(rules: Coder) -> None:
    assert "AID" not in types(rules, "Norway terminated its aid to the Ethiopian government.")
