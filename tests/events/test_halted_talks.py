"""Leaving talks is halting them (CAMEO 164, SANCTION), not a military retreat, and the
talks left are no meeting; a phrasal verb of leaving names what it leaves as the other
party ("pulled out of Somalia"). Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _events(coder: Coder, text: str) -> list[tuple[str, str, list[str], list[str], bool]]:
    return [(e.type, e.cameo, [a.code or "" for a in e.source], [a.code or "" for a in e.target],
             e.negated) for e in coder.code(text).events]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "cameo", "actor", "recipient"),
    [
        ("Kenya withdrew from the talks with Somalia.", "164", "KEN", "SOM"),
        ("The Kurdish parties withdrew from the negotiations with Baghdad.", "164", "IRQPTY",
         "IRQGOV"),
        ("Colombia pulled out of the peace talks with the rebels.", "164", "COL", "COLREB"),
        ("The opposition walked out of the negotiations with the government.", "164", "OPP",
         "GOV"),
        ("The rebels quit the negotiations with Khartoum.", "164", "SDNREB", "SDNGOV"),
        ("Ankara abandoned its talks with the Kurdish militants.", "164", "TURGOV", "TURREB"),
        ("Qatar withdrew from its mediation between the two sides.", "165", "QAT", None),
    ],
)
def test_leaving_talks_is_halting_them(
    rules_alone: Coder, text: str, cameo: str, actor: str, recipient: str | None
) -> None:
    events = _events(rules_alone, text)
    halted = [e for e in events if e[0] == "SANCTION" and e[1] == cameo]
    assert halted, events
    assert halted[0][2] == [actor]
    if recipient is not None:
        assert halted[0][3] == [recipient]
    assert not any(e[0] == "RETREAT" for e in events)
    # the talks left are no meeting held
    assert not any(e[0] == "CONSULT" and not e[4] for e in events), events


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Ethiopian troops pulled out of Somalia last year.", "ETHMIL", "SOM"),
        ("The Ugandan army pulled out of the Congolese town of Bunia.", "UGAMIL", "COD"),
        ("Russia withdrew its troops from Georgia.", "RUS", "GEO"),
    ],
)
def test_a_military_withdrawal_stays_a_retreat_from_the_place_left(
    rules_alone: Coder, text: str, actor: str, recipient: str
) -> None:
    events = _events(rules_alone, text)
    assert ("RETREAT", "0874", [actor], [recipient], False) in events


def test_leaving_a_room_is_no_event(rules_alone: Coder) -> None:
    assert _events(rules_alone, "The delegates walked out of the hall.") == []


def test_a_threat_to_leave_talks_is_aimed_at_the_other_side(rules_alone: Coder) -> None:
    events = _events(rules_alone, "Turkey threatened to pull out of the talks with Greece.")
    assert ("THREATEN", "130", ["TUR"], ["GRC"], False) in events


def test_leaving_a_bloc_names_no_second_party_of_ones_own_country(rules_alone: Coder) -> None:
    events = _events(rules_alone, "Mali threatened to pull out of the regional bloc.")
    assert all("MLI" not in e[3] for e in events), events
