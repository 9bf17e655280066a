"""Constraints of material-cooperation entries widened to general news wording:
allowing people or vehicles to pass, enter, leave or visit (an infinitive complement,
"to:enter"), handing over captured people of any kind, evacuating people named by their
nation or their job, and aid workers released (people, not funds).  Sentences written
for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import country

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


def _types(rules: Coder, text: str) -> dict[str, list[tuple[str | None, ...]]]:
    out: dict[str, list[tuple[str | None, ...]]] = {}
    for e in rules.code(text).events:
        out.setdefault(e.type, []).append(tuple(country(a) for a in e.source))
    return out


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("Laos allowed 300 stranded Thai tourists to leave the country.", "RETREAT", "LAO"),
        ("Eritrea permitted the UN rapporteur to visit its prisons.", "RETREAT", "ERI"),
        ("Cyprus let the Lebanese fishing boats dock at Larnaca.", "RETREAT", "CYP"),
        ("The Houthis handed over the captured Saudi pilot to Omani mediators.", "RETREAT",
         "YEM"),
        ("Chile evacuated dozens of Bolivians from the flooded town.", "AID", "CHL"),
        ("The Irish evacuation of stranded students from Khartoum ended on Tuesday.", "AID",
         "IRL"),
        ("Sudan released the detained Norwegian aid workers.", "RETREAT", "SDN"),
        ("The Saudi authorities executed two police officers convicted of spying.", "ASSAULT",
         "SAU"),
    ],
)  # fmt: skip
def test_the_wider_constraint_fires(rules: Coder, text: str, type_: str, actor: str) -> None:
    assert (actor,) in _types(rules, text).get(type_, [])


def test_allowing_another_act_is_not_a_retreat(rules: Coder) -> None:
    # the complement names no passage or access
    found = _types(rules, "Estonia allowed the Latvian company to bid for the contract.")
    assert "RETREAT" not in found


def test_released_aid_workers_are_no_aid(rules: Coder) -> None:
    found = _types(rules, "Sudan released the detained Norwegian aid workers.")
    assert "AID" not in found


def test_a_veto_lifted_is_no_rejection(rules: Coder) -> None:
    found = _types(rules, "Hungary lifted its veto on the Ukrainian membership bid.")
    assert "REJECT" not in found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Sri Lankan navy returned the seized Indian fishing boats.", "LKA"),
        ("Peru's interior minister quit on Sunday after the raid.", "PER"),
    ],
)
def test_returned_boats_and_an_official_quitting_are_retreats(
    rules: Coder, text: str, actor: str
) -> None:
    assert (actor,) in _types(rules, text).get("RETREAT", [])


def test_quitting_talks_is_no_resignation(rules: Coder) -> None:
    events = [e for e in rules.code("Mexico quit the trade talks with Canada.").events
              if e.type == "RETREAT" and e.mode == "resign"]  # fmt: skip
    assert not events


def test_a_field_hospital_sent_is_aid(rules: Coder) -> None:
    assert ("JOR",) in _types(rules, "Jordan dispatched a field hospital to Gaza.").get("AID", [])


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Maltese navy rescued 120 people off its coast.", "MLT"),
        ("Qatar extended a $2 billion deposit to Egypt's central bank.", "QAT"),
        ("Ireland housed thousands of Ukrainians in hotels.", "IRL"),
        ("The Kenyan Red Cross brought water and tents to the flood zone.", "KEN"),
        ("The Algerian government helped the quake victims in Morocco.", "DZA"),
    ],
)  # fmt: skip
def test_help_given_to_people_is_aid(rules: Coder, text: str, actor: str) -> None:
    assert (actor,) in _types(rules, text).get("AID", [])


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("Thousands of Nigerian nurses remained on strike for a second month.", "PROTEST",
         "NGA"),
        ("The Japanese foreign minister kicked off a tour of Central Asia.", "CONSULT", "JPN"),
    ],
)  # fmt: skip
def test_a_strike_one_stays_on_and_a_tour_one_starts(
    rules: Coder, text: str, type_: str, actor: str
) -> None:
    assert (actor,) in _types(rules, text).get(type_, [])


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Estonia pulled its soldiers from the mission in Mali.", "EST"),
        ("The Kenyan army pulled 300 troops from the Somali border town.", "KEN"),
        ("The Syrian rebels gave up control of the southern district.", "SYR"),
    ],
)  # fmt: skip
def test_pulling_forces_from_a_place_and_giving_up_control_are_retreats(
    rules: Coder, text: str, actor: str
) -> None:
    assert (actor,) in _types(rules, text).get("RETREAT", [])


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("Zambia accepted a request from Malawi to return the fugitive.", "AGREE", "ZMB"),
        ("Oman hosted the Yemeni rivals for a week of talks in Muscat.", "CONSULT", "OMN"),
    ],
)  # fmt: skip
def test_accepting_a_request_and_hosting_rivals(
    rules: Coder, text: str, type_: str, actor: str
) -> None:
    assert (actor,) in _types(rules, text).get(type_, [])
