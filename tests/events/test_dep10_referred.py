"""Verbal cooperation that is no event (dep10, ANNOTATION.md "What is an event"): a
visit that is the setting of a statement, talks or a meeting only judged by a plain
statement, a meeting a writer foresees, the stance of a share of a population as a poll
finds it.  Reported visits, meetings and promises stay events.  Sentences written for
this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

VERBAL = {"CONSULT", "AGREE", "SUPPORT"}
NO_EVENT = [
    "Speaking during a visit to Nairobi, the Danish minister said aid would continue.",
    "On a trip to Manila, the Canadian premier said trade would double.",
    "Officials described the talks in Geneva as constructive.",
    "The foreign minister said the meeting with his Kazakh counterpart had been useful.",
    "A meeting between the two presidents appears likely before the end of the month.",
    "Most Icelanders support membership of the alliance, according to a survey.",
    "Many voters support closer ties with the European Union, a poll showed.",
]
EVENTS = [
    ("The Swiss foreign minister visited Tehran on Sunday.", "CONSULT"),
    ("The Irish prime minister met the British king at Windsor Castle.", "CONSULT"),
    ("During a visit to Seoul, the Dutch king met President Yoon.", "CONSULT"),
    ("Indonesia and Malaysia have held talks on the disputed waters.", "CONSULT"),
    ("Slovenia praised Croatia's handling of the crisis.", "SUPPORT"),
    ("Japan backed Australia's call for an independent inquiry.", "SUPPORT"),
    ("The Ghanaian president will meet his Togolese counterpart in Lome next week.", "AGREE"),
    ("The Chilean president's visit to Lima was a success.", "CONSULT"),
]


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize("text", NO_EVENT)
def test_cooperation_only_referred_to_is_no_event(rules_alone: Coder, text: str) -> None:
    assert not _types(rules_alone, text) & VERBAL


@pytest.mark.parametrize(("text", "type_"), EVENTS)
def test_reported_cooperation_stays(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)
