"""A verbal act that a call or a visit is made for is done in it ("called Erdogan to
apologize", "phoned Morrison to congratulate him"): an event of its own, by the caller
to the one called, besides the call (the dev set codes both); a meeting held to
discuss repeats the meeting and stays folded into it.

Sentences written for this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

SAID_IN_A_CALL = [
    ("Netanyahu called Morrison to congratulate him on his victory.", "SUPPORT", "ISR", "AUS"),
    ("Blinken visited Kabul to urge the Taliban to release the prisoners.", "REQUEST", "USA",
     "AFG"),
]  # fmt: skip


@pytest.fixture(scope="module", params=["rules", "shipped"])
def either(request: pytest.FixtureRequest, coder: Coder, rules: Coder) -> Coder:
    return rules if request.param == "rules" else coder


@pytest.mark.parametrize(("text", "type_", "source", "target"), SAID_IN_A_CALL)
def test_what_a_call_is_made_for_is_coded(
    either: Coder, text: str, type_: str, source: str, target: str
) -> None:
    events = either.code(text).events
    assert "CONSULT" in {e.type for e in events}
    said = [e for e in events if e.type == type_]
    assert said, [(e.type, e.trigger) for e in events]
    assert source in {a.country for a in said[0].source}
    assert target in {a.country for a in said[0].target}
    assert not said[0].hypothetical


def test_meeting_to_discuss_stays_one_meeting(either: Coder) -> None:
    events = either.code("Blinken met Lavrov to discuss the war in Ukraine.").events
    assert [e.type for e in events] == ["CONSULT"]
