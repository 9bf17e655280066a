"""Who does the act a gerund after a verb's object names: the one who threatens or
punishes, for "threatened Sweden with blocking its bid"; the object, named or not, for
"charged them with", "accused him of", "stopped them from".  Sentences written for the
test; rules alone."""

from __future__ import annotations

import pytest
from scoring import actors_of

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


_actors = actors_of


def test_the_one_who_threatens_does_the_threatened_act(rules: Coder) -> None:
    found = _actors(rules, "Hungary threatened Ukraine with blocking its EU accession bid.",
                    "REJECT")  # fmt: skip
    assert ("UKR",) not in found


def test_the_object_stopped_from_acting_is_the_doer(rules: Coder) -> None:
    found = _actors(rules, "The Egyptian army stopped them from attacking the convoy.",
                    "ASSAULT")  # fmt: skip
    assert ("EGY",) not in found
