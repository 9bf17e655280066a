"""An event noun in the "with" phrase of a verb of going on, answering or helping
("went ahead with the demolition of", "retaliated with air strikes", "helped with the
evacuation of"), in the "in" / "to" phrase of a verb of helping or using ("assisted in
the evacuation of", "contributed to the airlift of", "used drones in the attack on"), in
the "for" phrase of a verb of sending forces ("sent planes for the evacuation of") or
the "on" phrase of "be" ("were on the offensive") is done by that verb's subject.
Sentences written for the test; rules alone."""

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
        ("The Chilean navy went ahead with the demolition of the fishermen's huts.", "COERCE",
         "CHL"),
        ("Bolivia forged ahead with the expulsion of two Chilean diplomats.", "SANCTION", "BOL"),
        ("The Colombian army pressed on with the bombardment of rebel camps.", "ASSAULT",
         "COL"),
        ("Jordanian police answered the sit-in with mass arrests.", "COERCE", "JOR"),
        ("Ghanaian troops proceeded with the deployment along the northern frontier.",
         "MOBILIZE", "GHA"),
        ("The Moroccan army assisted in the evacuation of stranded civilians.", "AID", "MAR"),
        ("Kuwait contributed to the airlift of blankets to the quake zone.", "AID", "KWT"),
        ("Russia used glide bombs in the assault on the Ukrainian town.", "ASSAULT", "RUS"),
        ("The Spanish air force sent planes for the evacuation of its nationals from Niger.",
         "AID", "ESP"),
        ("Indian troops were on the offensive against Naga rebels.", "ASSAULT", "IND"),
        ("The Serbian government embarked on a wave of arrests of opposition activists.",
         "COERCE", "SRB"),
        ("The Sri Lankan navy pressed ahead with the shelling and blockade of the rebel port.",
         "COERCE", "LKA"),
    ],
)  # fmt: skip
def test_the_subject_does_the_act_it_goes_on_with(
    rules: Coder, text: str, type_: str, actor: str
) -> None:
    assert (actor,) in _actors(rules, text, type_)


def test_the_released_are_not_who_releases(rules: Coder) -> None:
    # the "of" phrase of a release is who is released; the one going on with it acts
    found = _actors(rules, "Eritrea followed up with the release of 300 Ethiopian prisoners.",
                    "RETREAT")  # fmt: skip
    assert found == [("ERI",)]


def test_disagreeing_with_an_act_is_not_doing_it(rules: Coder) -> None:
    # "disagreed with the expulsion": someone else's expulsion, not Serbia's
    found = _actors(rules, "Serbia disagreed with the expulsion of Croatian diplomats.",
                    "SANCTION")  # fmt: skip
    assert ("SRB",) not in found


def test_readiness_for_an_act_is_not_the_act(rules: Coder) -> None:
    # preparing for an offensive is no assault (and no event the rules read off "for")
    found = _actors(rules, "The Ethiopian army prepared for an offensive on the rebel town.",
                    "ASSAULT")  # fmt: skip
    assert ("ETH",) not in found


def test_one_on_trial_does_not_try(rules: Coder) -> None:
    found = _actors(rules, "The Tunisian opposition leader was on trial in Tunis.", "ACCUSE")
    assert ("TUN",) not in [a for a in found if a]


def test_walking_out_in_protest_is_a_protest(rules: Coder) -> None:
    text = "Zambian opposition MPs walked out of parliament in protest."
    assert ("ZMB",) in _actors(rules, text, "PROTEST")


def test_a_state_acting_in_protest_holds_no_demonstration(rules: Coder) -> None:
    text = "Chile recalled its ambassador from Lima in protest over the remarks."
    assert ("CHL",) not in _actors(rules, text, "PROTEST")
