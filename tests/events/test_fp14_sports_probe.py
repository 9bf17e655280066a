"""fp14 second probe: sports, disaster and rule-making news (own words, written before the
sports and hazard-warning rules).  Sports pages, earthquake reports and rule notices hold
no PLOVER event (ECB_EVENTS.md), while the political and police acts beside them must still
be coded.  Each line: the text, the types that must be coded, the types that must not be
("ALL": nothing may be coded).

Rules alone: before the rules 32/38 lines held, after them 34/38.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import assert_probe

from newsgraph.events.coder import Coder

OPEN = "a kind this change does not decide"

PROBE: list[Any] = [
    ("The Knicks fired coach Tom Baker on Monday after a 12-30 start.", set(), "ALL"),
    ("The Bulls hired former Celtics assistant Rick Lane as their new head coach.", set(), "ALL"),
    pytest.param(
        "Lane agreed to a four-year deal worth $16 million.",
        set(),
        "ALL",
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    (
        "The Cowboys placed linebacker Jay Rivers on injured reserve with a torn knee ligament.",
        set(),
        "ALL",
    ),
    ("Rivers will miss the rest of the season.", set(), "ALL"),
    ("The Eagles beat the Giants 24-17 on Sunday.", set(), "ALL"),
    ("Denver defeated Oakland in overtime to clinch the division title.", set(), "ALL"),
    pytest.param(
        "The Steelers' defense attacked the quarterback all afternoon.",
        set(),
        "ALL",
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    ("The Lakers traded their backup center to Phoenix for two draft picks.", set(), "ALL"),
    ("Smith scored 31 points as Miami crushed Boston.", set(), "ALL"),
    pytest.param(
        "The Spurs released veteran forward Dan Ortiz on Friday.",
        set(),
        "ALL",
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    ("The team suspended its star guard for two games for violating team rules.", set(), "ALL"),
    ("The coach criticized the referees after the loss.", set(), "ALL"),
    ("The general manager said the club would look for a new coach immediately.", set(), "ALL"),
    ("The players supported their coach throughout the losing streak.", set(), "ALL"),
    ("Chelsea signed the Brazilian winger from Santos.", set(), "ALL"),
    ("The owner thanked the fans for their patience.", set(), "ALL"),
    (
        "The quarterback threw three interceptions and was benched in the fourth quarter.",
        set(),
        "ALL",
    ),
    pytest.param(
        "Philadelphia asked permission to interview the Nets assistant.",
        set(),
        "ALL",
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    ("The Nets denied the 76ers' request to speak with their assistant coach.", set(), "ALL"),
    ("The striker was sent off after a second yellow card.", set(), "ALL"),
    ("Fans protested outside the stadium demanding the coach's dismissal.", set(), "ALL"),
    ("The league fined the team $50,000 for the brawl.", set(), "ALL"),
    ("The earthquake killed at least 40 people in the province.", set(), "ALL"),
    ("Rescue teams pulled survivors from collapsed buildings.", set(), "ALL"),
    ("Aftershocks struck the region through the night.", set(), "ALL"),
    ("Thousands of residents fled their homes after the quake.", set(), "ALL"),
    ("The government sent soldiers to help with the rescue.", {"AID"}, set()),
    ("The tremor hit the coast shortly after midnight.", set(), "ALL"),
    ("Officials warned of more aftershocks.", set(), "ALL"),
    ("The Fish and Wildlife Service issued new rules for the polar bear.", set(), "ALL"),
    ("The department will accept public comment on the proposal until March.", set(), "ALL"),
    ("Environmental groups plan to challenge the rule in court.", set(), "ALL"),
    ("Police arrested the quarterback on drunk-driving charges.", {"COERCE"}, set()),
    ("Egyptian fans attacked the referee after the final whistle in Cairo.", {"ASSAULT"}, set()),
    ("Iran warned of a crushing response if Israel attacked.", {"THREATEN"}, set()),
    ("Police released the Nigerian striker after questioning.", {"RETREAT"}, set()),
    ("The Ghanaian president thanked the national team's players.", {"SUPPORT"}, set()),
]


@pytest.mark.parametrize(("text", "must", "banned"), PROBE)
def test_fp14_sports_probe(rules_alone: Coder, text: str, must: set[str], banned: Any) -> None:
    assert_probe(rules_alone, text, must, banned)
