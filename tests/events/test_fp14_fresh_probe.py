"""fp14 fresh probe: written after the change and not used to tune it (own words), the
stand-in for unseen text: court sentences to come, road accidents, private meetings,
contracts, scenes captured on camera, documents released or provided, and the political
acts beside them that must still be coded.  Each line: the text, the types that must be
coded, the types that must not be.

Rules alone: before the change 16/24 lines held, after it 24/24; the ten lines added after
the sports and hazard-warning rules: 8/10 before the whole change, 10/10 after.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import assert_probe

from newsgraph.events.coder import Coder

FRESH: list[tuple[str, set[str], set[str]]] = [
    ("The Ohio nurse is due to be sentenced on April 12.", {"SANCTION"}, {"THREATEN"}),
    (
        "Both brothers will be sentenced after the holidays, the clerk said.",
        {"SANCTION"},
        {"THREATEN"},
    ),
    ("An Egyptian court will sentence the activists next week.", {"SANCTION"}, {"THREATEN"}),
    (
        "Turkey warned it would sentence the Greek soldiers if they crossed again.",
        {"THREATEN"},
        set(),
    ),
    ("An elderly man was struck by a blue Mazda as he crossed Pine Avenue.", set(), {"ASSAULT"}),
    ("The boy died after a Chevrolet pickup hit him outside the school.", set(), {"ASSAULT"}),
    (
        "Ms Patel was jogging along the river path when she was hit shortly before dawn.",
        set(),
        {"ASSAULT"},
    ),
    ("A 70-year-old woman was struck and killed by a bus driver in Dublin.", set(), {"ASSAULT"}),
    ("Palestinian gunmen struck an Israeli patrol near Jenin.", {"ASSAULT"}, set()),
    ("Two Syrian soldiers were killed when rebels struck their convoy.", {"ASSAULT"}, set()),
    ("A Malian protester was struck by a tear gas canister fired by police.", {"ASSAULT"}, set()),
    ("The goalkeeper signed a new contract with the Turkish club.", set(), {"SUPPORT"}),
    ("Peru and Bolivia signed an accord on water rights.", {"SUPPORT"}, set()),
    ("A quilting group was meeting in the basement when the fire broke out.", set(), {"CONSULT"}),
    ("The Cuban foreign minister met his Mexican counterpart in Havana.", {"CONSULT"}, set()),
    ("The shooting outside the bar was captured on a security camera.", set(), {"COERCE"}),
    ("Kurdish fighters captured the village of Tal Tamr.", {"COERCE"}, set()),
    ("Police released surveillance footage of the suspect and his name.", set(), {"RETREAT"}),
    ("Rebels released twelve Nigerian hostages on Sunday.", {"RETREAT"}, set()),
    ("The lawyer provided an explanation for the missing files.", set(), {"AID"}),
    ("Japan provided emergency food aid to Somalia.", {"AID"}, set()),
    ("Escaping the police, Tom Reyes struck three parked cars on Elm Road.", set(), {"ASSAULT"}),
    ("The actress checked into a state-mandated treatment program.", set(), {"REQUEST"}),
    ("The prime minister ordered the army to withdraw from the city.", {"REQUEST"}, set()),
]

# written after the sports and hazard-warning rules, not used to tune them
FRESH += [
    ("Ajax signed the Nigerian striker on a five-year deal.", set(), {"AGREE", "SUPPORT"}),
    ("The Yankees asked the league to reinstate their suspended pitcher.", set(), {"REQUEST"}),
    ("The rookie quarterback agreed to terms with the Jets.", set(), {"AGREE"}),
    ("Seismologists warned of further tremors in the coming days.", set(), {"THREATEN"}),
    ("The weather service warned of flooding along the Danube.", set(), {"THREATEN"}),
    ("Hamas warned of an escalation if the raids continued.", {"THREATEN"}, set()),
    ("Spanish police detained the Argentine goalkeeper at Madrid airport.", {"COERCE"}, set()),
    ("The Kenyan government thanked the marathon runners for their victory.", {"SUPPORT"}, set()),
    ("Turkey signed a gas deal with Azerbaijan.", {"SUPPORT"}, set()),
    (
        "A Russian court sentenced the American basketball player to nine years.",
        {"SANCTION"},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "must", "banned"), FRESH)
def test_fp14_fresh_probe(rules_alone: Coder, text: str, must: set[str], banned: set[str]) -> None:
    assert_probe(rules_alone, text, must, banned)
