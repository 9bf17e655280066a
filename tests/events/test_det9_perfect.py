"""A perfect participle clause ("Having freed the hostages, the militia ...") is active:
its act is done by the subject of the clause it hangs on (a bare participle, "when
asked", stays passive).  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import actors_of

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


_actors = actors_of


def test_having_done_is_the_subjects_act(rules: Coder) -> None:
    text = "Having freed the Kenyan hostages, the Somali militia demanded a ransom for the rest."
    assert ("SOM",) in _actors(rules, text, "RETREAT")


def test_having_been_done_is_not_the_subjects_act(rules: Coder) -> None:
    # the hostages were freed; they free no one
    text = "Having been freed by the militia, the Kenyan hostages flew home to Nairobi."
    assert all(e.source and e.source[0].sector != "CVL" for e in rules.code(text).events
               if e.type == "RETREAT")  # fmt: skip
