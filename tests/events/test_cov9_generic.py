"""An act whose subject names only a kind of people ("musicians", "anti-war groups",
"dockworkers") and no party is still an event: ANNOTATION.md keeps an unknown or
generic actor's text with a null code (a country only where the sentence gives one).
A subject that is no kind of people ("the plan calls on") makes no actor.  Sentences
written for the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def bare(rules_alone: Coder) -> Coder:
    return rules_alone


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("Dockworkers ended a two-week boycott of Israeli ships.", "RETREAT", "Dockworkers"),
        ("Beekeepers urged France to ban pesticides.", "REQUEST", "Beekeepers"),
        ("Cyclists asked Denmark to build more lanes.", "REQUEST", "Cyclists"),
        ("Anti-war groups called on low-wage workers to march against the war in Ukraine.",
         "REQUEST", "groups"),
        ("Pianists have lifted a boycott of the Bolshoi.", "RETREAT", "Pianists"),
    ],
)  # fmt: skip
def test_a_kind_of_people_acts(bare: Coder, text: str, type_: str, actor: str) -> None:
    events = [e for e in bare.code(text).events if e.type == type_]
    assert events, [(e.type, e.trigger) for e in bare.code(text).events]
    assert any(actor in a.text for a in events[0].source)


def test_a_thing_is_no_actor(bare: Coder) -> None:
    events = bare.code("The plan calls on Nigeria to free the journalists.").events
    assert "REQUEST" not in [e.type for e in events]
