"""Support or help named after "with" tells how another act was done, not an act of
its own (issue 11, precision; ANNOTATION.md: backing is coded when the backing itself
is the news).  Sentences written for the test; the rules alone are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Syrian troops retook Palmyra with Russian support.", "SUPPORT", "ASSAULT"),
        ("Ukrainian forces recaptured Kherson with American support.", "SUPPORT", "ASSAULT"),
        ("Nigerian soldiers freed the hostages with the assistance of Chad.", "AID", "RETREAT"),
    ],
)
def test_backing_as_manner(rules: Coder, text: str, absent: str, present: str) -> None:
    found = types(rules, text)
    assert absent not in found
    assert present in found


def test_kenya_entered_with_support(rules: Coder) -> None:
    assert "SUPPORT" not in types(rules, "Kenyan troops entered Somalia with Ethiopian support.")


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Russia voiced support for Syria's government.", "SUPPORT"),
        ("Germany offered support to Ukraine.", "AGREE"),
    ],
)
def test_backing_as_the_news_kept(rules: Coder, text: str, present: str) -> None:
    assert present in types(rules, text)
