"""An attack told by a relative clause on its means ("launched strikes that killed four
civilians") is done by who used the means.  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import country

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


def _assaults(rules: Coder, text: str) -> list[tuple[str | None, ...]]:
    return [
        (*(country(a) for a in e.source), "->", *(country(a) for a in e.target))
        for e in rules.code(text).events
        if e.type == "ASSAULT"
    ]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Israeli military launched dozens of strikes into the Strip that killed four "
         "Palestinians.", ("ISR", "->", "PSE")),
        ("Russian jets carried out strikes that killed ten Syrians.", ("RUS", "->", "SYR")),
        ("Turkish forces fired shells which wounded three Syrian soldiers.", ("TUR", "->", "SYR")),
    ],
)  # fmt: skip
def test_the_user_of_the_means_acts(rules: Coder, text: str, pair: tuple[str, ...]) -> None:
    assert pair in _assaults(rules, text)


def test_a_clause_with_its_own_doer_is_not_the_means(rules: Coder) -> None:
    # what the charges say was done is alleged, and not by who denies them
    text = "The Peruvian government denied charges that it tortured an Ecuadorian priest."
    assert not [p for p in _assaults(rules, text) if p[0] == "PER"]
