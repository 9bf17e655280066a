"""A request, offer or call that a refusal or acceptance answers is the answer's topic.

"Chile rejected a Peruvian request" reports one event, the refusal, to the party that
asked: the request is an earlier act the sentence mentions without its date, and coding
it again each time a refusal is reported would count one request many times, dated to
each article.  The dev set's train part codes the answer alone (16 of 16 such nouns);
the same request reported on its own stays a REQUEST.
"""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def coder(rules: Coder) -> Coder:
    return rules


def _events(coder: Coder, text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.type, [a.country or a.code for a in e.source], [a.country or a.code for a in e.target])
        for e in coder.code(text, "2024-03-04").events
        if not e.negated
    ]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Chile rejected a Peruvian request to extradite the former minister.", "CHL", "PER"),
        ("Ghana turned down Nigeria's offer of troops.", "GHA", "NGA"),
        ("Hanoi spurned Beijing's call for joint patrols.", "VNM", "CHN"),
    ],
)
def test_the_answer_alone_goes_to_the_proposer(
    coder: Coder, text: str, actor: str, recipient: str
) -> None:
    events = _events(coder, text)
    assert [(t, s, r) for t, s, r in events] == [("REJECT", [actor], [recipient])], events


def test_a_request_reported_on_its_own_stays(coder: Coder) -> None:
    events = _events(coder, "Peru's request to Chile for the extradition arrived on Monday.")
    assert ("REQUEST", ["PER"], ["CHL"]) in events, events
