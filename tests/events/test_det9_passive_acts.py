"""An event noun that is the subject of a passive verb of doing or telling ("the
deportation of 200 migrants was carried out", "the evacuation was completed by the
navy") is an act done: by the passive's agent, or by someone unnamed (ANNOTATION.md:
an unknown actor keeps the event).  And aid that arrives from a party ("parcels of food
arrived in the camp from Oman") is given by it.  Sentences written for the test; rules
alone."""

from __future__ import annotations

import pytest
from scoring import country

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


def _pairs(rules: Coder, text: str, type_: str) -> list[tuple[tuple[str | None, ...], ...]]:
    return [
        (tuple(country(a) for a in e.source), tuple(country(a) for a in e.target))
        for e in rules.code(text).events
        if e.type == type_
    ]


def test_an_agentless_passive_act_keeps_its_recipient(rules: Coder) -> None:
    found = _pairs(rules, "The deportation of 150 Guatemalan migrants was carried out on "
                   "Sunday.", "COERCE")  # fmt: skip
    assert ((), ("GTM",)) in found


def test_the_agent_of_the_passive_does_it(rules: Coder) -> None:
    found = _pairs(rules, "The evacuation of wounded civilians was completed by the "
                   "Jordanian army.", "AID")  # fmt: skip
    assert any(src == ("JOR",) for src, _ in found)


def test_a_monitor_is_no_doer(rules: Coder) -> None:
    found = _pairs(rules, "The handover of the prisoners was overseen by the Swiss "
                   "government.", "RETREAT") + _pairs(rules, "The handover of the prisoners "
                   "was overseen by the Swiss government.", "COOPERATE")  # fmt: skip
    assert not any(src == ("CHE",) for src, _ in found)


def test_bodies_handed_over_are_returned(rules: Coder) -> None:
    found = _pairs(rules, "Hezbollah handed over the bodies of two soldiers to the Israeli "
                   "army.", "RETREAT")  # fmt: skip
    assert found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Thousands of donations flowed into the Nepali village from Germany.",
         (("DEU",), ("NPL",))),
        ("Medical aid poured into Libya from Egypt.", (("EGY",), ("LBY",))),
    ],
)  # fmt: skip
def test_what_arrives_from_a_party_is_given_by_it(
    rules: Coder, text: str, pair: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert pair in _pairs(rules, text, "AID")
