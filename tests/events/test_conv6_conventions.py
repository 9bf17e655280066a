"""Conventions of ANNOTATION.md still missed (issue 11, conv6): an announced punishment
is a THREATEN, a ban "slapped" on someone is done by the one who slaps it, and the
subject of "came under attack" suffers the attack (real resolver, invented text,
rules only)."""

from __future__ import annotations

from scoring import countries

from newsgraph.events.coder import Coder


def _rules(coder: Coder) -> Coder:
    return Coder(resolver=coder.resolver, linker=False, head=False)


def _on(coder: Coder, text: str, trigger: str) -> list[object]:
    return [e for e in _rules(coder).code(text).events if e.trigger == trigger]


def test_vowing_a_response_is_a_threat(coder: Coder) -> None:
    events = _on(coder, "Tehran vowed a crushing response to the Saudi blockade.", "vowed")
    assert [e.type for e in events] == ["THREATEN"]  # type: ignore[attr-defined]


def test_vowing_to_hold_someone_accountable_is_a_threat(coder: Coder) -> None:
    text = "The Kenyan president vowed to hold Somalia accountable for the raid."
    events = _on(coder, text, "vowed")
    assert [e.type for e in events] == ["THREATEN"]  # type: ignore[attr-defined]
    assert "SOM" in countries(events[0].target)  # type: ignore[attr-defined]


def test_vowing_to_bring_someone_to_justice_is_a_threat(coder: Coder) -> None:
    text = "The Kenyan president vowed to bring the bombers to justice."
    assert [e.type for e in _on(coder, text, "vowed")] == ["THREATEN"]  # type: ignore[attr-defined]


def test_vowing_to_meet_stays_agree(coder: Coder) -> None:
    # a guard: an intent to cooperate stays AGREE
    text = "The Kenyan president vowed to hold talks with Somalia."
    assert [e.type for e in _on(coder, text, "vowed")] == ["AGREE"]  # type: ignore[attr-defined]


def test_agreeing_to_hold_accountable_is_not_vowing(coder: Coder) -> None:
    # a guard: only vowing, pledging, promising, swearing or warning announce a punishment
    text = "The Kenyan president agreed to hold Somalia accountable for the raid."
    assert "THREATEN" not in [e.type for e in _on(coder, text, "agreed")]  # type: ignore[attr-defined]


def test_the_one_who_slaps_a_ban_imposes_it(coder: Coder) -> None:
    text = "Canada slapped a travel ban on Belarusian officials."
    events = _on(coder, text, "ban")
    assert events, "the ban is dropped for want of an actor"
    assert "CAN" in countries(events[0].source)  # type: ignore[attr-defined]
    assert "BLR" in countries(events[0].target)  # type: ignore[attr-defined]


def test_the_one_who_clamps_a_ban_imposes_it(coder: Coder) -> None:
    events = _on(coder, "Moscow clamped a ban on Moldovan fruit.", "ban")
    assert events, "the ban is dropped for want of an actor"
    assert "RUS" in countries(events[0].source)  # type: ignore[attr-defined]


def test_who_came_under_attack_suffers_it(coder: Coder) -> None:
    events = _on(coder, "A Turkish patrol came under attack near the Syrian border.", "attack")
    assert events, "the attack with no named attacker is dropped"
    assert "TUR" in countries(events[0].target)  # type: ignore[attr-defined]
    assert "TUR" not in countries(events[0].source)  # type: ignore[attr-defined]


def test_who_came_under_attack_from_someone_is_attacked_by_them(coder: Coder) -> None:
    text = "A Turkish patrol came under attack from Kurdish militants on Sunday."
    events = _on(coder, text, "attack")
    assert events
    assert "TUR" in countries(events[0].target)  # type: ignore[attr-defined]
    assert events[0].source, "the attackers named by 'from' are lost"  # type: ignore[attr-defined]


def test_the_act_one_is_arrested_for_is_done_by_the_arrested(coder: Coder) -> None:
    text = "Uganda arrested two Congolese rebels for the bombing of a market in Kampala."
    events = [e for e in _rules(coder).code(text).events if e.type == "ASSAULT"]
    assert events, "the bombing is folded into the arrest"
    assert countries(events[0].source) == ["COD"]  # type: ignore[attr-defined]


def test_the_act_one_is_sentenced_for_is_done_by_the_sentenced(coder: Coder) -> None:
    text = "A Ugandan court sentenced two Congolese rebels for the bombing of a Kampala market."
    events = [e for e in _rules(coder).code(text).events if e.type == "ASSAULT"]
    assert events, "the bombing is folded into the sentence"
    assert countries(events[0].source) == ["COD"]  # type: ignore[attr-defined]


def test_who_draws_criticism_is_criticised(coder: Coder) -> None:
    text = "Nepal drew sharp criticism from Bhutan for hosting the militants."
    events = _on(coder, text, "criticism")
    assert events
    assert countries(events[0].source) == ["BTN"]  # type: ignore[attr-defined]
    assert countries(events[0].target) == ["NPL"]  # type: ignore[attr-defined]


def test_who_is_taken_into_custody_is_confined(coder: Coder) -> None:
    text = "Dozens of Georgian tourists were taken into custody by Russian police."
    events = _on(coder, text, "custody")
    assert events
    assert countries(events[0].source) == ["RUS"]  # type: ignore[attr-defined]
    assert countries(events[0].target) == ["GEO"]  # type: ignore[attr-defined]


def test_a_state_that_protests_a_policy_complains_officially(coder: Coder) -> None:
    text = "Vietnam protested against the Chinese survey of the reef."
    assert [e.type for e in _on(coder, text, "protested")] == ["ACCUSE"]  # type: ignore[attr-defined]


def test_a_ministry_that_protests_complains_officially(coder: Coder) -> None:
    text = "The Vietnamese foreign ministry protested against the Chinese survey of the reef."
    assert [e.type for e in _on(coder, text, "protested")] == ["ACCUSE"]  # type: ignore[attr-defined]


def test_people_who_protest_demonstrate(coder: Coder) -> None:
    # a guard: students, or a people named by its demonym, demonstrate (PROTEST)
    for text in (
        "Vietnamese students protested against the Chinese survey of the reef.",
        "Thousands of Vietnamese protested against the Chinese survey of the reef.",
    ):
        assert "ACCUSE" not in [e.type for e in _on(coder, text, "protested")], text  # type: ignore[attr-defined]


def test_vowing_to_respond_in_kind_is_a_threat(coder: Coder) -> None:
    for text in (
        "Pyongyang vowed to respond.",
        "Pyongyang vowed to respond forcefully to the drills.",
        "Pyongyang vowed to respond to any provocation by Seoul.",
        "Pyongyang vowed to make Seoul pay for the drills.",
    ):
        assert [e.type for e in _on(coder, text, "vowed")] == ["THREATEN"], text  # type: ignore[attr-defined]


def test_vowing_to_respond_to_a_letter_stays_agree(coder: Coder) -> None:
    # a guard: an answer to concerns or letters is no threat
    text = "The Kenyan ministry vowed to respond to the letter from Somalia within a week."
    assert "THREATEN" not in [e.type for e in _on(coder, text, "vowed")]  # type: ignore[attr-defined]
