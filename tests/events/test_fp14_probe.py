"""fp14 probe: false events on whole articles, by kind (own words, written before the change).

Sentences of the kinds that whole news articles hold and the coder misread as political
events: a court's sentence to come (SANCTION, to come, never THREATEN: ECB_EVENTS.md), road
accidents told with a vehicle's make or model year, a shared agent, a "when" clause or a
walker struck by no one named (no ASSAULT), meetings and visits of no party, contracts
signed in sports and business, a pre-noun "court-ordered", "pulled up to"; and the
political acts beside them that must still be coded.  Each line: the text, the types that
must be coded, the types that must not be ("ALL": nothing may be coded).

Rules alone: before the change 37/51 lines held, after it 47/51 (46/51 before the sports
rule of ``test_fp14_sports_probe.py`` was added).
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
    ("The former mayor of Dayton will be sentenced on March 3.", {"SANCTION"}, {"THREATEN"}),
    (
        "Okafor is scheduled to be sentenced next month after a jury convicted him of fraud.",
        {"SANCTION"},
        {"THREATEN"},
    ),
    ("The two smugglers are to be sentenced in Lisbon on Friday.", {"SANCTION"}, {"THREATEN"}),
    ("A Texas judge will sentence the gunman in January.", {"SANCTION"}, {"THREATEN"}),
    (
        "Sentencing for the bank robber is set for June, and he will be sentenced by Judge Alvarez.",
        {"SANCTION"},
        {"THREATEN"},
    ),
    (
        "Russia will impose sanctions on Latvia if it expels more diplomats, the Kremlin warned.",
        {"THREATEN"},
        set(),
    ),
    ("North Korea said it would strike American bases in Guam.", {"THREATEN"}, set()),
    ("Iran threatened to arrest the crew of the British tanker.", {"THREATEN"}, set()),
    (
        "A cyclist was struck by a white Ford Transit heading east on Main Street.",
        set(),
        {"ASSAULT"},
    ),
    (
        "The pensioner was hit by a silver 2015 Honda Civic as she crossed the road.",
        set(),
        {"ASSAULT"},
    ),
    (
        "Police said a delivery truck struck the boy outside his school in Leeds.",
        set(),
        {"ASSAULT"},
    ),
    (
        "The teenager was killed when a speeding motorist struck him near the stadium.",
        set(),
        {"ASSAULT"},
    ),
    (
        "Witnesses said the driver hit the woman with his minivan and drove away.",
        set(),
        {"ASSAULT"},
    ),
    ("A grey Nissan Altima struck the man, who later died in hospital.", set(), {"ASSAULT"}),
    pytest.param(
        "An attacker deliberately drove a truck into a crowd of shoppers in Berlin.",
        {"ASSAULT"},
        set(),
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    (
        "Islamic State militants rammed an explosives-laden car into an army checkpoint near Mosul.",
        {"ASSAULT"},
        set(),
    ),
    ("Russian missiles struck a shopping center in Kremenchuk.", {"ASSAULT"}, set()),
    ("Gunmen shot dead three policemen in northern Nigeria.", {"ASSAULT"}, set()),
    ("Israeli aircraft hit Hamas positions in Gaza overnight.", {"ASSAULT"}, set()),
    (
        "The striker signed a three-year contract extension with Ajax on Tuesday.",
        set(),
        {"AGREE", "SUPPORT"},
    ),
    ("The Lakers signed the veteran guard to a one-year deal.", set(), {"AGREE", "SUPPORT"}),
    ("Boeing signed a contract to supply jets to a Qatari airline.", set(), {"SUPPORT"}),
    ("Colombia and Ecuador signed a border security agreement in Quito.", {"SUPPORT"}, set()),
    ("Japan signed a defence pact with the Philippines.", {"SUPPORT"}, set()),
    ("The quarterback was placed on injured reserve after the game.", set(), "ALL"),
    ("The club fired its head coach after a losing season.", set(), "ALL"),
    ("A knitting circle was meeting in the library when the power went out.", set(), {"CONSULT"}),
    ("She was in town visiting her cousin when the storm hit.", set(), {"CONSULT"}),
    ("The book club meets every Thursday in the parish hall.", set(), {"CONSULT"}),
    ("He had gone to the house to visit an old friend.", set(), {"CONSULT"}),
    ("The French president met the German chancellor in Berlin.", {"CONSULT"}, set()),
    ("Sudan's foreign minister visited Cairo on Sunday.", {"CONSULT"}, set()),
    ("Envoys of Armenia and Azerbaijan met in Brussels for talks.", {"CONSULT"}, set()),
    ("The singer pulled up to the clinic in a black SUV but did not get out.", set(), {"COERCE"}),
    ("The bus pulled up to the hotel just after noon.", set(), {"COERCE"}),
    ("Ohio troopers pulled over the suspect on Interstate 70.", {"COERCE"}, set()),
    ("The actor checked into a treatment center in Malibu on Monday.", set(), "ALL"),
    ("The delegation arrived in Nairobi late on Monday.", set(), "ALL"),
    (
        "A judge ordered the singer to spend 60 days in a treatment program.",
        {"SANCTION"},
        {"REQUEST"},
    ),
    ("The model entered a court-ordered drug treatment program in Utah.", set(), {"REQUEST"}),
    ("Her publicist said she appreciates the support of her fans.", set(), "ALL"),
    ("The UN urged Myanmar to release the detained journalists.", {"REQUEST"}, set()),
    ("Turkey ordered the Swedish ambassador to leave the country.", set(), set()),
    ("A Toyota pickup struck a Mexican farmworker near the border crossing.", set(), {"ASSAULT"}),
    ("The Japanese tourist was hit by a BMW in Munich on Saturday.", set(), {"ASSAULT"}),
    ("The Indian-born grandmother had been visiting relatives in Queens.", set(), {"CONSULT"}),
    pytest.param(
        "Two Sikh families complained about cars speeding along their street.",
        set(),
        {"ACCUSE"},
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    pytest.param(
        "Police officers gave the injured Kenyan woman first aid at the scene.",
        set(),
        {"AID"},
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    ("The Brazilian striker agreed to a new contract with Chelsea.", set(), {"AGREE"}),
    pytest.param(
        "The Canadian forward signed with a Swiss club for two seasons.",
        set(),
        {"AGREE", "SUPPORT"},
        marks=pytest.mark.xfail(reason=OPEN),
    ),
    ("The Pakistani cricket board met on Monday to pick the squad.", set(), {"CONSULT"}),
]


@pytest.mark.parametrize(("text", "must", "banned"), PROBE)
def test_fp14_probe(rules_alone: Coder, text: str, must: set[str], banned: Any) -> None:
    assert_probe(rules_alone, text, must, banned)
