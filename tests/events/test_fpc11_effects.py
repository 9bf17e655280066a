"""fpc11: a meeting or visit told as the subject of what it will bring ("the premier's
visit will strengthen trade cooperation") is no new act of cooperation, even with its
doers named; the parties' own announced cooperation stays an intent (AGREE).  Own
sentences.  Rules alone."""

from __future__ import annotations

import pytest
from scoring import affirmed

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister's visit to Tokyo will strengthen trade cooperation.",
        "The chancellor's trip to Hanoi will deepen energy cooperation.",
        "The Kenyan president's talks with Ethiopia will boost security cooperation.",
    ],
)
def test_effect_of_a_visit_is_no_act(rules_alone: Coder, text: str) -> None:
    assert all(t not in ("AGREE", "COOPERATE") for t, _ in affirmed(rules_alone, text))


def test_parties_announcing_cooperation_stay_an_intent(rules_alone: Coder) -> None:
    found = affirmed(rules_alone, "Turkey and Azerbaijan will deepen energy cooperation.")
    assert any(t == "AGREE" and "TUR" in who for t, who in found), found
