"""An event noun with neither a doer nor a recipient anywhere in the sentence is a
situation, not an act (ANNOTATION.md: "a situation without an acting actor", an event
needs "an identifiable kind of actor"): "the ceasefire would hold", "the offer
expired".  An event noun whose parties are named is still coded.  Sentences written
for the test; the rules alone are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Afghan officials said the ceasefire would hold only if the insurgents reciprocated.",
         "AGREE"),
        ("Yemeni officials said the truce would hold only if the rebels complied.", "AGREE"),
        ("Turkish diplomats said the offer expired after the deadline passed.", "AGREE"),
        ("Colombia's president rejected the proposal after the offer drew criticism in "
         "Congress.", "AGREE"),
    ],
)  # fmt: skip
def test_event_noun_with_no_party(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Clashes between police and protesters erupted in Nairobi.", "ASSAULT"),
        ("Israeli airstrikes killed 12 people in Gaza.", "ASSAULT"),
    ],
)
def test_event_noun_with_parties_kept(rules: Coder, text: str, present: str) -> None:
    assert present in types(rules, text)
