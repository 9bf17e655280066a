"""Agreeing with someone's view is an opinion, not an AGREE event (ANNOTATION.md: a plain
statement of opinion is no event); agreeing with a party on terms or to act still is.

Sentences written for this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

VIEWS = [
    "Officials in Ohio said they agree with the court that the payments broke the rules.",
    "The ministers said they agree with what the governor proposed.",
    "The French government concurred with the commission that the tax was too high.",
]
TERMS = [
    ("Israel agreed with Egypt on a new truce in Gaza.", "EGY"),
    ("Russia agreed with Ukraine to exchange prisoners.", "UKR"),
]


@pytest.mark.parametrize("text", VIEWS)
def test_sharing_a_view_is_no_agreement(coder: Coder, text: str) -> None:
    assert "AGREE" not in {e.type for e in coder.code(text).events}


@pytest.mark.parametrize(("text", "recipient"), TERMS)
def test_agreeing_with_a_party_on_terms_is(coder: Coder, text: str, recipient: str) -> None:
    agree = [e for e in coder.code(text).events if e.type == "AGREE"]
    assert agree and recipient in {a.country for a in agree[0].target}
