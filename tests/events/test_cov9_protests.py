"""A protest told with a clause of its own on what the protesters demand ("after protests
calling for his removal", "amid strikes that shut the ports") is news of its own, not
only the time of the news, and people protest where they live (ANNOTATION.md); a
protest whose cause a passive participle tells ("amid protests triggered by the
killing") stays the time of the news, and one that is the object of another act
("agreed to postpone the demonstration") is that act's.  Sentences written for the
test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def bare(rules_alone: Coder) -> Coder:
    return rules_alone


def protests(coder: Coder, text: str) -> list[str | None]:
    """The source countries of the actual protests coded in ``text``."""
    return [
        a.country
        for e in coder.code(text).events
        if e.type == "PROTEST" and not e.negated and not e.hypothetical
        for a in e.source
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Peru's interim president resigned on Sunday after protests calling for his removal.",
         "PER"),
        ("The Kenyan health minister quit after demonstrations demanding his arrest.", "KEN"),
        ("Bolivia's cabinet stepped down amid demonstrations that blocked roads in La Paz.", "BOL"),
    ],
)  # fmt: skip
def test_protest_with_its_own_clause(bare: Coder, text: str, code: str) -> None:
    assert code in protests(bare, text)


@pytest.mark.parametrize(
    "text",
    [
        "Police imposed a curfew in Minneapolis amid protests triggered by the killing.",
        "The Haitian union agreed to postpone the demonstration in Port-au-Prince.",
    ],
)
def test_protest_as_time_or_object(bare: Coder, text: str) -> None:
    events = bare.code(text).events
    assert not [e for e in events if e.type == "PROTEST" and not e.negated and not e.hypothetical]
