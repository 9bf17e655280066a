"""Second, fresh probe for coop10 (written after the changes, not used to tune them):
verbal cooperation and its near misses in own-words sentences.  Rules alone."""

from __future__ import annotations

import pytest
from scoring import affirmed as _coded

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        (
            "Negotiations between Nepal and India were held in Kathmandu on Friday.",
            "CONSULT",
            "NPL",
        ),
        (
            "A ceasefire agreement between the Congolese army and M23 rebels was reached in "
            "Luanda.",
            "AGREE",
            "COD",
        ),
        (
            "The Ugandan parliament approved the oil pipeline treaty with Tanzania.",
            "SUPPORT",
            "UGA",
        ),
        (
            "Facing weeks of strikes, the Nigerian government dropped the fuel levy.",
            "CONCEDE",
            "NGA",
        ),
        (
            "The Bangladeshi government withdrew the controversial quota law after student "
            "protests.",
            "CONCEDE",
            "BGD",
        ),
        (
            "The Moroccan government abandoned the pension reform after unions threatened a "
            "general strike.",
            "CONCEDE",
            "MAR",
        ),
        (
            "The Hungarian government scrapped a planned tax on internet use after street "
            "protests.",
            "CONCEDE",
            "HUN",
        ),
        (
            "The Kazakh foreign minister travelled to Beijing for two days of talks.",
            "CONSULT",
            "KAZ",
        ),
    ],
)
def test_coded(rules: Coder, text: str, type_: str, actor: str) -> None:
    assert any(t == type_ and actor in doers for t, doers in _coded(rules, text)), text


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The governor conceded that the city's hospitals were overwhelmed.", "CONCEDE"),
        ("The finance minister admitted that inflation had doubled.", "CONCEDE"),
        ("Thousands of Venezuelan migrants travelled to Colombia by bus last month.", "CONSULT"),
        (
            "Backing for the president among rural voters has slipped, according to a new survey.",
            "SUPPORT",
        ),
        (
            "The port city, which had hosted a donor conference in 2018, was shelled overnight.",
            "CONSULT",
        ),
    ],
)
def test_not_coded(rules: Coder, text: str, type_: str) -> None:
    assert all(t != type_ for t, _ in _coded(rules, text)), text
