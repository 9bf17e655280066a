"""Recipients and actors linked through the words around a trigger (real resolver,
invented text): datives of light verbs, the authors of a proposal, shared objects of
coordinated verbs, places of a domestic act, the complements of concern and protest."""

from __future__ import annotations

from scoring import countries as _countries
from scoring import one_event as _one

from newsgraph.events.coder import Coder


def test_the_dative_of_a_light_verb_receives_the_act(coder: Coder) -> None:
    event = _one(coder, "Kenya gave Uganda a stern warning on Monday.", "THREATEN")
    assert _countries(event.source) == ["KEN"]
    assert _countries(event.target) == ["UGA"]


def test_the_maker_of_a_rejected_proposal_is_its_recipient(coder: Coder) -> None:
    event = _one(coder, "Ghana rejected the plan drawn up by Togo.", "REJECT")
    assert _countries(event.source) == ["GHA"]
    assert _countries(event.target) == ["TGO"]


def test_the_agent_of_a_fired_weapon_is_the_attacker(coder: Coder) -> None:
    event = _one(coder, "Rockets fired by Syria struck a Turkish border post.", "ASSAULT")
    assert _countries(event.source) == ["SYR"]
    assert _countries(event.target) == ["TUR"]


def test_a_curfew_in_the_actor_s_own_country_is_on_that_territory(coder: Coder) -> None:
    event = _one(coder, "Nigerian police imposed a curfew in parts of Kaduna on Sunday.", "COERCE")
    assert _countries(event.source) == ["NGA"]
    assert _countries(event.target) == ["NGA"]


def test_coordinated_verbs_share_their_object(coder: Coder) -> None:
    text = "The gunmen left the town on Friday, killing and abducting dozens of Malian soldiers."
    killed = [e for e in coder.code(text).events if e.trigger == "killing"]
    assert killed and _countries(killed[0].target) == ["MLI"]


def test_a_protest_noun_as_subject_is_over_its_verb_s_complement(coder: Coder) -> None:
    text = "Protests continued over the election of Kenyan President Uhuru Kenyatta."
    event = _one(coder, text, "PROTEST")
    assert _countries(event.target) == ["KEN"]
