"""One body deliberating a text of its own ("parliament will debate the budget") is its
own business, not a meeting of parties (CONSULT); a partner named keeps the meeting."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian congress will debate the budget next week.",
        "The Norwegian cabinet discussed the bill on Thursday.",
    ],
)
def test_a_body_weighing_its_text_meets_no_one(coder: Coder, text: str) -> None:
    assert not [e for e in coder.code(text).events if e.type in ("CONSULT", "AGREE")]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana discussed the draft with Nigerian officials in Accra.",
        "Chile and Argentina discussed the new border law in Santiago.",
    ],
)
def test_a_partner_named_keeps_the_meeting(coder: Coder, text: str) -> None:
    assert "CONSULT" in {e.type for e in coder.code(text).events}
