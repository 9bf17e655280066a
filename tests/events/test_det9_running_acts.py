"""An event noun that is the object of a verb of running, hastening or finishing an
operation ("accelerated the deportation of", "speeded up the delivery of", "finalized
the handover of"), or lies in such an object ("expanded the distribution of food aid"),
is done by the verb's subject.  Sentences written for the test; rules alone."""

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
        ("Thailand accelerated the deportation of Cambodian laborers.", "COERCE", "THA"),
        ("The Danish health ministry speeded up the delivery of vaccines to rural clinics.",
         "AID", "DNK"),
        ("Kuwait expanded the distribution of food aid in the camps.", "AID", "KWT"),
        ("Nepal expedited the release of 40 Indian fishermen.", "RETREAT", "NPL"),
    ],
)  # fmt: skip
def test_the_subject_runs_the_act(rules: Coder, text: str, type_: str, actor: str) -> None:
    assert (actor,) in _actors(rules, text, type_)


def test_overseeing_another_withdrawal_keeps_its_doer(rules: Coder) -> None:
    # the monitors oversee; the troops named in the "of" phrase withdraw
    found = _actors(rules, "The United Nations oversaw the withdrawal of Eritrean troops.",
                    "RETREAT")  # fmt: skip
    assert ("UN",) not in found
