"""The subject "it" or "they" of a clause that tells when the main act happened (after,
before, when, once ...) is the main clause's subject: "a Greek court freed the
sailor when it sentenced him".  Not a clause of reason ("because it bars women from
running": "it" is a thing).  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import actors_of

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


_actors = actors_of


def test_the_pronoun_of_a_time_clause_is_the_main_subject(rules: Coder) -> None:
    text = ("A Greek court released the Turkish sailor in March, after it sentenced him for "
            "smuggling fuel.")  # fmt: skip
    assert ("GRC",) in _actors(rules, text, "SANCTION")


def test_a_clause_of_reason_keeps_its_own_subject(rules: Coder) -> None:
    text = ("The Chilean opposition urged the government to rewrite the charter, partly "
            "because it effectively bars independents from running.")  # fmt: skip
    assert not _actors(rules, text, "COERCE")
