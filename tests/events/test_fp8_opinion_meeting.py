"""Events coded where a careful coder codes none (issue 11, precision): an act that is
only believed, hoped or feared, and a meeting word that names no meeting between
parties.  Every sentence is written for the test; the rules alone are checked.

- A clause with its own subject and a modal under a verb of belief, hope or
  expectation ("does not think parliament should reject", "believe Russia will
  attack", "expect that Greece would expel") is an opinion or a prediction
  (ANNOTATION.md: not an event).  A past act so reported is still coded, and so is
  one's own intent; an act believed only possible ("fears China could impose", "believe
  the Kremlin could ask Beijing") is a hypothetical event (ANNOTATION.md: modality
  hypothetical, "conditional, possible"; the project's own gold set codes it so),
  coded and flagged.
- The sitting of one body ("a cabinet meeting", "the board meeting of the bank", "a
  meeting of the security council") and a meeting named as the place of the news
  ("spoke at the summit") are no meeting between parties, unless the meeting names
  whom it is with ("a meeting with the Brazilian president").
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Kenyan opposition leader does not think parliament should reject the budget deal "
         "with the IMF.", "REJECT"),
        ("Analysts believe Russia will attack Ukraine again in the spring.", "THREATEN"),
        ("Turkish officials expect that Greece would expel the Libyan ambassador soon.",
         "THREATEN"),
        ("The minister said he hopes Germany will convince Poland to lift the ban on Ukrainian "
         "grain.", "RETREAT"),
    ],
)  # fmt: skip
def test_act_only_believed_or_hoped(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The Australian senator fears China could impose new tariffs on Australian wine.",
         "COERCE"),
        ("Western diplomats believe Tehran might ask Moscow for more fighter jets.", "REQUEST"),
        ("Colombian officials suspect the rebels may attack the oil pipeline again.", "ASSAULT"),
    ],
)  # fmt: skip
def test_act_believed_possible_is_hypothetical(rules: Coder, text: str, type_: str) -> None:
    events = [e for e in rules.code(text).events if e.type == type_]
    assert events and all(e.hypothetical for e in events)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Russian troops attacked the Ukrainian town of Bakhmut, the mayor believes.", "ASSAULT"),
        ("India will send aid to Sri Lanka, the foreign minister said.", "AGREE"),
    ],
)  # fmt: skip
def test_reported_act_or_own_intent_kept(rules: Coder, text: str, present: str) -> None:
    assert present in types(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "The German cabinet meeting approved the arms sale to Qatar on Wednesday.",
        "Nigeria's foreign minister spoke at the African Union summit in Addis Ababa.",
        "The board meeting of the Ghanaian central bank raised interest rates.",
        "Polish officials praised the decisions taken at a meeting of the Polish national "
        "security council.",
    ],
)
def test_meeting_of_one_body_or_as_place(rules: Coder, text: str) -> None:
    assert "CONSULT" not in types(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese president held a meeting with the Brazilian president in Beijing.",
        "The summit between Russia and China ended on Friday.",
        "The Indian prime minister met the Japanese prime minister at a summit with Australian "
        "leaders.",
    ],
)
def test_meeting_between_parties_kept(rules: Coder, text: str) -> None:
    assert "CONSULT" in types(rules, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Brazil dismissed the American claim that Argentina would join Chile in sanctioning "
         "Venezuela.", "SANCTION"),
        ("Officials in Cairo played down the idea that Egypt could expel the Turkish "
         "ambassador.", "SANCTION"),
        ("Moscow denied Western fears that Belarus might attack Lithuania.", "ASSAULT"),
    ],
)  # fmt: skip
def test_act_in_a_belief_noun(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)
