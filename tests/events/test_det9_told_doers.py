"""A participle or passive relative clause on an event noun that names its doer ("the
attack, carried out by X", "the raid, which was conducted by X", "the bombing, claimed
by X", "a strike blamed on X") gives the act its actor; a broker or monitor does not
("the release, brokered by Qatar").  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import actors_of

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


_actors = actors_of


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("The ambush, carried out by Malian soldiers, left nine dead near Gao.", "ASSAULT",
         "MLI"),
        ("The airlift, run by the Spanish air force, brought 40 tonnes of medicine.", "AID",
         "ESP"),
        ("A drone strike blamed on the Turkish army hit a clinic near Qamishli.", "ASSAULT",
         "TUR"),
    ],
)  # fmt: skip
def test_the_participle_names_the_doer(rules: Coder, text: str, type_: str, actor: str) -> None:
    assert (actor,) in _actors(rules, text, type_)


def test_a_broker_is_no_doer(rules: Coder) -> None:
    text = "The release of the Thai hostages, brokered by Malaysia, ended a long wait."
    assert ("MYS",) not in _actors(rules, text, "RETREAT")
