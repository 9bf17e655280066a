"""Events coded where a careful coder codes none (issue 11, precision).  Every
sentence is written for the test; the rules alone are checked.

- An event noun that is the topic of a ban or moratorium is no act, also when the
  parser hangs its phrase on the verb rather than on the ban ("kept the ban on
  deployment of nurses": the phrase is the ban's, not the verb's).
- Signing a country's own order, decree or law is no support for another party;
  signing a deal or a pact with one is (CAMEO 057).
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "President Marcos kept the ban on deployment of nurses to Libya.",
        "The Indonesian president extended the moratorium on deployment of domestic workers to "
        "Saudi Arabia.",
        "The Indian government lifted the ban on deployment of workers to Iraq.",
    ],
)
def test_topic_of_a_ban_hung_on_the_verb(rules: Coder, text: str) -> None:
    assert "MOBILIZE" not in types(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "The American president signed an executive order on Venezuela.",
        "The Brazilian president signed a decree expanding gun ownership.",
        "The Russian governor signed a law banning rallies.",
    ],
)
def test_signing_own_orders_is_no_support(rules: Coder, text: str) -> None:
    assert "SUPPORT" not in types(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "Turkey signed a trade deal with Azerbaijan.",
        "The Indonesian president signed a defence pact with Australia.",
    ],
)
def test_signing_a_deal_is_still_coded(rules: Coder, text: str) -> None:
    assert "SUPPORT" in types(rules, text)
