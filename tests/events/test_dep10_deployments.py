"""What a deployment is (dep10): troops, police, ships or medics sent into another
party's territory for a peace or relief mission, under a mandate of a body of states,
at the request or with the consent of those they go to, or to help or back a party,
provide protection (AID, CAMEO 074); sent to a border, against an enemy, on alert or as
a warning they are a show of force (MOBILIZE, ANNOTATION.md).  The type is read from
the whole clause, not from the verb.  Sentences written for this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

AID = [
    "Ghana sent 800 soldiers to Mali as part of the United Nations mission.",
    "Rwanda deployed troops to Mozambique at the request of the Maputo government.",
    "Nigeria deployed 1,200 troops to Sierra Leone to bolster the fragile government.",
    "France has deployed soldiers to Chad under a European Union mandate.",
    "Uganda sent troops to Somalia as part of the African Union force.",
    "Senegal dispatched troops to Gambia to support the newly elected president.",
    "Australia sent police to Papua New Guinea at the government's request.",
    "Egypt deployed engineers to Sudan as part of a relief mission.",
    "Tanzania sent soldiers to Comoros in support of the elected government.",
    "Bangladesh dispatched a battalion of peacekeepers to South Sudan on Tuesday.",
    "Pakistan deployed troops to Saudi Arabia to protect the kingdom.",
    "India sent troops to Sri Lanka as part of the peace accord.",
]
PROMISED = [
    "Kenya will send police officers to Haiti to lead a multinational security mission.",
    "The European Union will deploy a stabilisation mission to Guinea-Bissau.",
]
FORCE = [
    "Russia deployed troops to its border with Ukraine.",
    "Turkey sent tanks and troops to the Syrian border on Monday.",
    "China dispatched warships to the disputed reef.",
    "The United States sent an aircraft carrier to the Gulf as a warning to Iran.",
    "Sudan deployed troops to Darfur to crush the rebellion.",
    "The Nigerian army deployed troops to the north-east to fight Boko Haram.",
    "Ethiopia deployed soldiers against the rebel advance on the capital.",
    "Venezuela sent soldiers to the border with Colombia amid rising tension.",
    "Russia sent bombers to Venezuela in a show of strength.",
]


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize("text", AID)
def test_a_deployment_that_helps_is_aid(rules_alone: Coder, text: str) -> None:
    types = _types(rules_alone, text)
    assert "AID" in types and "MOBILIZE" not in types


@pytest.mark.parametrize("text", PROMISED)
def test_a_deployment_announced_to_help_is_a_promise(rules_alone: Coder, text: str) -> None:
    types = _types(rules_alone, text)
    assert "AGREE" in types and not types & {"MOBILIZE", "THREATEN"}


@pytest.mark.parametrize("text", FORCE)
def test_a_deployment_with_no_one_helped_is_a_show_of_force(rules_alone: Coder, text: str) -> None:
    types = _types(rules_alone, text)
    assert "MOBILIZE" in types and "AID" not in types


def test_a_combat_mission_is_no_help(rules_alone: Coder) -> None:
    text = "Britain sent troops to Iraq on a combat mission against the militants."
    assert "AID" not in _types(rules_alone, text)


def test_backing_its_own_defences_is_no_help(rules_alone: Coder) -> None:
    text = "Poland sent more troops to its eastern frontier to bolster its defences."
    assert "AID" not in _types(rules_alone, text)


def test_a_request_at_home_makes_no_help(rules_alone: Coder) -> None:
    text = "The governor deployed the National Guard to Minneapolis at the request of the mayor."
    types = _types(rules_alone, text)
    assert "MOBILIZE" in types and "AID" not in types


def test_a_deployment_breaking_a_truce_is_no_help(rules_alone: Coder) -> None:
    text = "Russia sent troops to the border in violation of the truce."
    assert "AID" not in _types(rules_alone, text)
