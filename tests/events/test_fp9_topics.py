"""Meeting words that name no meeting made (issue 11, precision): what is spoken or
asked about ("declined to comment on the talks with Chile"), the logistics of a meeting
("prepared the venue for the meeting"), and a meeting only said to be possible ("a visit
by the Pope is possible next year": a forecast, ANNOTATION.md).  Every sentence is
written for the test; the rules alone are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "The minister refused to comment on the talks with Chile.",
        "Officials prepared the venue for the meeting between the two presidents.",
        "A visit by the Pope to Lebanon is possible next year, church officials said.",
        "The Moroccan spokesman declined to speculate about a visit by the Spanish king.",
    ],
)
def test_no_meeting_made(rules: Coder, text: str) -> None:
    assert not types(rules, text) & {"CONSULT", "AGREE"}


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean minister held talks with his Bolivian counterpart in La Paz.",
        "The Egyptian president will visit Lebanon next year, Cairo officials said.",
    ],
)
def test_meeting_made_stays(rules: Coder, text: str) -> None:
    assert types(rules, text) & {"CONSULT", "AGREE"}


def test_hostile_act_spoken_of_is_reported(rules: Coder) -> None:
    """A hostile act spoken of is a reported act (ANNOTATION.md), not a topic."""
    text = "Amnesty International reported on the torture of prisoners by Egyptian police."
    assert "ASSAULT" in types(rules, text)
