"""Questions are no acts (issue 11, precision): "asked the spokesman about the talks" or
"asked whether Ankara would attend" is a question, not an appeal (an appeal asks someone
to do or for something), and an act in an open indirect question about the future ("did
not say when the talks would resume", "it is unclear whether Sri Lanka will accept") is
neither done nor announced.  Every sentence is written for the test; the rules alone are
checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Journalists asked the spokesman about the talks with Turkey.", "REQUEST"),
        ("Reporters asked whether Ankara would attend the summit in Baku.", "REQUEST"),
        ("He did not say when the talks with Ukraine would resume.", "AGREE"),
        ("It is unclear whether Sri Lanka will accept the IMF conditions.", "AGREE"),
        ("The minister would not say if Ghana would send troops to Mali.", "MOBILIZE"),
    ],
)  # fmt: skip
def test_question_is_no_event(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Egypt asked Sudan to attend the talks in Cairo.", "REQUEST"),
        ("Haiti asked for international help after the earthquake.", "REQUEST"),
        ("Ecuador asked European supermarkets on Monday to stop shunning its bananas.",
         "REQUEST"),
        ("The Kenyan president said when the rebels attacked, the army withdrew.", "RETREAT"),
        ("The minister explained why Kenya would send police to Haiti.", "MOBILIZE"),
    ],
)  # fmt: skip
def test_appeal_and_act_stay(rules: Coder, text: str, present: str) -> None:
    assert present in types(rules, text)
