"""Held in a jail or without bail is detention (COERCE, CAMEO 173); holding talks or a
concert in a former prison is not. Sentences written for this test (issue 11; found on whole
ECB+ articles, scripts/score_ecb_events.py)."""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "The Kurdish mayor was held in a Diyarbakir prison by Turkish police for a month.",
        "Two Estonian sailors are held in a jail in Pskov, Russian officials said.",
        "The Ugandan activist was held without bail by Kenyan police.",
    ],
)
def test_held_in_jail_is_detention(rules_alone: Coder, text: str) -> None:
    assert "COERCE" in types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Lithuanian minister held talks in the prison with the hunger strikers.",
        "The Polish opposition party held its congress in a former prison in Gdansk.",
    ],
)
def test_other_holdings_in_a_prison_are_not(rules_alone: Coder, text: str) -> None:
    assert "COERCE" not in types(rules_alone, text)
