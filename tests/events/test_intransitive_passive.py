"""An intransitive sense (``no_object`` in the lexicon: strike work, step down, protest,
rally, disarm, quit) has no passive: "she was struck" and "a man struck by a van" are no
labour strike, while "doctors struck for a week" is one."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "A cyclist was struck by a bus in Leeds on Monday.",
        "A pensioner struck by a van in Lyon died in hospital.",
        "The two guards were struck with a metal bar during the riot in Quito.",
    ],
)
def test_a_passive_strike_is_no_labour_strike(rules: Coder, text: str) -> None:
    assert "PROTEST" not in {e.type for e in rules.code(text, "2024-03-05").events}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Doctors in Nairobi struck for a third day over pay.", "PROTEST"),
        ("Kenyan nurses have struck against the government since Monday.", "PROTEST"),
        ("The Peruvian prime minister stepped down on Friday.", "RETREAT"),
        ("Teachers protested outside the ministry in Santiago.", "PROTEST"),
    ],
)
def test_the_active_intransitive_senses_still_code(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in {e.type for e in rules.code(text, "2024-03-05").events}
