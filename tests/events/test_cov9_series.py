"""An act counted by a noun of series ("a wave of bombings", "a string of attacks") that
stands as the subject of what it hit is coded as an agentless act noun would be ("bombings
hit Baghdad"): the act with an unknown doer and what it hit as recipient, and an act even
when what it hit is no named party ("struck the country").  Sentences written for the
test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def bare(rules_alone: Coder) -> Coder:
    return rules_alone


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A wave of bombings hit Baghdad on Monday.", "IRQ"),
        ("A string of suicide bombings rocked Pakistan last month.", "PAK"),
        ("A spate of arson attacks shook the Nigerian capital.", "NGA"),
        ("A series of small blasts struck Nicaragua, officials in Managua said.", "NIC"),
    ],
)
def test_counted_acts_hit_what_their_series_hit(bare: Coder, text: str, code: str) -> None:
    events = [e for e in bare.code(text).events if e.type == "ASSAULT"]
    assert events
    assert code in [a.country for a in events[0].target]


def test_counted_act_on_an_unnamed_place(bare: Coder) -> None:
    text = "Colombian rebels denied any role after a series of explosions struck the region."
    assert "ASSAULT" in [e.type for e in bare.code(text).events]


def test_series_that_hits_nothing_is_no_act(bare: Coder) -> None:
    text = "Mexican officials said a series of explosions followed."
    assert "ASSAULT" not in [e.type for e in bare.code(text).events]
