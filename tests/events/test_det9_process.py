"""An act told as the "of" gerund of a process ("began the process of withdrawing",
"embarked on the task of evacuating") is done by the subject of the verb that begins
or runs the process; not by one who only welcomes it.  Sentences written for the test;
rules alone."""

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
        ("Rwanda began the process of withdrawing its soldiers from the Central African "
         "Republic.", "RETREAT", "RWA"),
        ("The Finnish navy embarked on the task of evacuating its citizens from Beirut.",
         "AID", "FIN"),
    ],
)  # fmt: skip
def test_who_runs_the_process_acts(rules: Coder, text: str, type_: str, actor: str) -> None:
    assert (actor,) in _actors(rules, text, type_)


def test_who_welcomes_the_process_does_not(rules: Coder) -> None:
    text = "Tanzania welcomed the process of withdrawing Burundian troops from Congo."
    assert ("TZA",) not in _actors(rules, text, "RETREAT")
