"""An act whose subject is a body that investigates or reports ("the inquiry implicated",
"an independent probe blamed") is that body's (ANNOTATION.md: an identifiable kind of
actor; a generic actor keeps its text, and the country its sentence names, if one).
Sentences written for the test; the rules alone, without the linker (which could fill a
recipient by itself)."""

from __future__ import annotations

import pytest
from scoring import country, one_event

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def bare_rules(rules_alone: Coder) -> Coder:
    return rules_alone


@pytest.mark.parametrize(
    ("text", "body", "code"),
    [
        ("An independent probe blamed Serbian police for the killings.", "probe", "SRB"),
        ("The commission accused the Kenyan army of torturing detainees.", "commission", "KEN"),
        ("A panel of experts criticised the Sudanese government over the famine.", "panel",
         "SDN"),
    ],
)  # fmt: skip
def test_a_body_that_investigates_is_the_actor(
    bare_rules: Coder, text: str, body: str, code: str
) -> None:
    event = one_event(bare_rules, text, "ACCUSE")
    assert [a for a in event.source if body in a.text]
    assert code in [country(a) for a in event.target]
