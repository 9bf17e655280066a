"""fpc11: a visit to one's kin, friends or family grave is a private journey, no state
visit (CAMEO 042 is a visit between parties); a leader visiting a counterpart stays one.
Own sentences.  Rules alone."""

from __future__ import annotations

import pytest
from scoring import affirmed

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean president will visit his relatives in Spain.",
        "The Dutch foreign minister visited his mother in hospital on Sunday.",
        "The Irish prime minister visited the grave of his grandfather in Boston.",
    ],
)
def test_private_visit_is_no_event(rules_alone: Coder, text: str) -> None:
    assert affirmed(rules_alone, text) == []


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("The Indian prime minister visited his Japanese counterpart in Tokyo.", "CONSULT", "IND"),
        ("The Kenyan president visited his counterpart in Kampala.", "CONSULT", "KEN"),
        ("The Chilean president will visit Spain next month.", "AGREE", "CHL"),
    ],
)
def test_state_visit_stays(rules_alone: Coder, text: str, type_: str, actor: str) -> None:
    assert any(t == type_ and actor in who for t, who in affirmed(rules_alone, text))
