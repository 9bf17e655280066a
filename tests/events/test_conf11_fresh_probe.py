"""Second, fresh probe for conf11 (written after the change, not used to tune it): conflict
and appeals in own-words sentences, and near misses.  Rules alone."""

from __future__ import annotations

import pytest
from scoring import CONFLICT_TYPES, types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("A nationwide curfew entered into force in Guinea after the clashes.", "COERCE"),
        ("Tough new restrictions on street protests took effect in Georgia.", "COERCE"),
        ("The ban on the opposition newspaper came into force in Managua on Friday.", "COERCE"),
        ("Senegal recalled its consul from Banjul after the incident.", "SANCTION"),
        (
            "The Slovak government ordered the Russian attache to leave within 48 hours.",
            "SANCTION",
        ),
        ("A Cuban dissident was jailed for nine years for organising protests.", "SANCTION"),
        (
            "The Thai court handed the activist a six-year prison term for insulting the king.",
            "SANCTION",
        ),
        ("Police sealed off the university campus in Dhaka after the unrest.", "COERCE"),
        ("The Kenyan president told the Somali militias to lay down their arms.", "REQUEST"),
        ("The Pope encouraged the armed groups in Congo to join the peace process.", "REQUEST"),
        ("Lebanon sought clarification from Cyprus over the migrant boats.", "REQUEST"),
        ("The victims' families sought the prosecution of the police commanders.", "REQUEST"),
        ("Algeria stopped gas shipments to Spain after the row.", "SANCTION"),
        ("Egypt sent warplanes to the western desert after the attack.", "MOBILIZE"),
        ("Honduran police detained the former president at his home.", "COERCE"),
        ("Gunmen opened fire on a wedding party in Nangarhar, killing six.", "ASSAULT"),
        ("The Somali government demanded that Ethiopia withdraw its troops.", "REQUEST"),
        ("Armenia threatened to leave the Russian-led security bloc.", "THREATEN"),
        ("Colombia expelled three Venezuelan diplomats.", "SANCTION"),
        ("Thousands of Malian troops were deployed to the northern regions.", "MOBILIZE"),
        ("Nigerian soldiers burned down houses in the Benue village.", "ASSAULT"),
        ("The Myanmar junta arrested dozens of monks in Mandalay.", "COERCE"),
        ("Students called on the university to cut fees.", "REQUEST"),
        # written after the operation and military-action entries, not used to tune them
        (
            "Pakistani troops launched an operation against the Baloch separatists in Turbat.",
            "ASSAULT",
        ),
        ("Ethiopia took military action against the Fano militia in Gondar.", "ASSAULT"),
    ],
)
def test_fresh_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Italian striker was handed a three-match ban by the league.",
        "A fire destroyed the market in Kumasi overnight.",
        "The basketball player took a shot from the halfway line.",
        "The new speed limits took effect on the motorway in Bavaria.",
        "Vietnam's rice exports rose sharply in March.",
        "The author wants readers to think about climate change.",
        "The court adjourned the hearing of the Zambian opposition leader.",
        "The police conducted an operation against tax evasion in Milan.",
        "Doctors performed an operation on the injured Kenyan runner.",
        "The airline began operations between Lagos and Accra.",
    ],
)
def test_fresh_near_misses(rules_alone: Coder, text: str) -> None:
    assert not (types(rules_alone, text) & CONFLICT_TYPES)
