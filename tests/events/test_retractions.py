"""A warning, an alert or a story taken back is a retraction, no ground given up: no
RETREAT; a force taken back is one. Sentences written for this test (issue 11; found on
whole ECB+ articles, scripts/score_ecb_events.py)."""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean navy withdrew its alert two hours after the quake.",
        "The Kenyan newspaper withdrew the article after a complaint from the embassy.",
        "The meteorological office withdrew its storm advisory for the Azores on Sunday.",
    ],
)
def test_a_retraction_is_no_retreat(coder: Coder, text: str) -> None:
    assert "RETREAT" not in types(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Serbia withdrew its police from northern Kosovo.",
        "Rwanda withdrew its soldiers from the border town of Goma.",
    ],
)
def test_forces_taken_back_still_retreat(coder: Coder, text: str) -> None:
    assert "RETREAT" in types(coder, text)
