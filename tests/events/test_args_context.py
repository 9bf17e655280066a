"""Who did what to whom when the text leaves part of it unsaid (real resolver, invented text).

Agentless passives, parties with no country of their own, the doers of a condemned act,
event nouns under doing verbs, and the ANNOTATION.md conventions for acts that are
announced rather than done.
"""

from __future__ import annotations

from scoring import countries as _countries
from scoring import one_event as _one

from newsgraph.events.coder import Coder


def test_agentless_passive_is_an_event_with_an_unknown_actor(coder: Coder) -> None:
    event = _one(coder, "A journalist was arrested in Cairo on Monday.", "COERCE")
    assert event.source == ()
    assert _countries(event.target) == ["EGY"]


def test_a_domestic_act_gives_the_unnamed_party_the_state_s_country(coder: Coder) -> None:
    event = _one(coder, "The Zimbabwean court freed an activist pastor.", "RETREAT")
    assert _countries(event.source) == ["ZWE"]
    assert _countries(event.target) == ["ZWE"]


def test_a_group_takes_the_country_of_the_place_of_the_act(coder: Coder) -> None:
    event = _one(coder, "Gunmen killed a village chief in Myanmar's Rakhine State.", "ASSAULT")
    assert _countries(event.source) == ["MMR"]
    assert _countries(event.target) == ["MMR"]


def test_the_doers_of_a_condemned_act_are_its_recipients(coder: Coder) -> None:
    event = _one(coder, "Egypt condemned the attacks by gunmen in Tehran.", "ACCUSE")
    assert _countries(event.target) == ["IRN"]


def test_event_noun_under_a_doing_verb(coder: Coder) -> None:
    event = _one(coder, "Nigerian unions organized a general strike on Monday.", "PROTEST")
    assert _countries(event.source) == ["NGA"]


def test_intent_to_release_is_agree(coder: Coder) -> None:
    event = _one(coder, "Iran will release the French prisoners.", "AGREE")
    assert event.cameo == "0353" and not event.hypothetical
    assert _countries(event.target) == ["FRA"]
    assert not [e for e in coder.code("Iran will release the French prisoners.").events
                if e.type == "CONCEDE"]  # fmt: skip


def test_announced_refusal_to_yield_is_reject(coder: Coder) -> None:
    event = _one(coder, "Iran will not release the prisoners.", "REJECT")
    assert _countries(event.source) == ["IRN"]


def test_planned_sanctions_are_a_threat(coder: Coder) -> None:
    event = _one(coder, "Washington plans to impose sanctions on Venezuela.", "THREATEN")
    assert _countries(event.source) == ["USA"]
    assert _countries(event.target) == ["VEN"]


def test_would_boycott_is_a_threat(coder: Coder) -> None:
    _one(coder, "The opposition said it would boycott the election.", "THREATEN")


def test_unless_makes_a_threat_aimed_at_the_condition_s_subject(coder: Coder) -> None:
    text = "Turkey will withdraw from the deal unless Russia halts the offensive."
    event = _one(coder, text, "THREATEN")
    assert _countries(event.source) == ["TUR"]
    assert _countries(event.target) == ["RUS"]
