"""An act weighed as an option ("is considering the possibility of providing experts",
"weighs the idea of granting aid") is the act of the one who weighs it, and only
intended: an intent to help is AGREE, an intent to harm THREATEN (ANNOTATION.md).
Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def bare(rules_alone: Coder) -> Coder:
    return rules_alone


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        ("Germany is weighing the idea of granting aid to Ukraine.", "AGREE", "DEU", "UKR"),
        ("The World Bank is exploring the option of providing loans to Sri Lanka.", "AGREE",
         "WB", "LKA"),
        ("Norway is contemplating the possibility of donating vaccines to Kenya.", "AGREE",
         "NOR", "KEN"),
        ("Spain is considering the possibility of imposing sanctions on Venezuela.", "THREATEN",
         "ESP", "VEN"),
    ],
)  # fmt: skip
def test_weighed_act_is_the_weighers_intent(
    bare: Coder, text: str, type_: str, actor: str, recipient: str
) -> None:
    events = [e for e in bare.code(text).events if e.type == type_]
    assert events, [(e.type, e.trigger) for e in bare.code(text).events]
    assert actor in [a.country or a.org for a in events[0].source]
    assert recipient in [a.country or a.org for a in events[0].target]


def test_rejected_option_is_no_act(bare: Coder) -> None:
    events = bare.code("Brazil rejected the possibility of granting aid to Haiti.").events
    assert "AID" not in [e.type for e in events if not e.negated and not e.hypothetical]
