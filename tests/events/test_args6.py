"""Recipients the rules find on text nobody trained on (real resolver, invented text, rules
only): the object shared by coordinated verbs with words between them."""

from __future__ import annotations

from scoring import countries, one_event

from newsgraph.events.coder import Coder


def _rules(coder: Coder) -> Coder:
    return Coder(resolver=coder.resolver, linker=False)


def test_verbs_joined_with_an_adverb_between_share_their_object(coder: Coder) -> None:
    # "arrested and later released": the object after the second verb is the first's too
    text = "Egyptian police arrested and later released two Qatari journalists on Monday."
    event = one_event(_rules(coder), text, "COERCE")
    assert countries(event.source) == ["EGY"]
    assert countries(event.target) == ["QAT"]


def test_three_coordinated_verbs_share_the_last_ones_object(coder: Coder) -> None:
    text = "Kenyan police detained, beat and released a Ugandan reporter."
    event = one_event(_rules(coder), text, "COERCE")
    assert countries(event.target) == ["UGA"]


def test_a_verb_with_its_own_object_does_not_take_the_next_ones(coder: Coder) -> None:
    # a guard: "arrested a protester and freed two Qatari journalists" are two acts
    text = "Egyptian police arrested a protester and freed two Qatari journalists."
    event = one_event(_rules(coder), text, "COERCE")
    assert "QAT" not in countries(event.target)


def test_the_party_an_act_comes_from_does_it(coder: Coder) -> None:
    # "threats from Rwanda": Rwanda threatens, the one ignoring them is threatened
    event = one_event(_rules(coder), "Tanzania ignored repeated threats from Rwanda.", "THREATEN")
    assert countries(event.source) == ["RWA"]
    assert countries(event.target) == ["TZA"]


def test_a_visit_from_a_minister_is_the_ministers_act(coder: Coder) -> None:
    text = "Kenya's president received a visit from the Chinese foreign minister."
    event = one_event(_rules(coder), text, "CONSULT")
    assert countries(event.source) == ["CHN"]
    assert countries(event.target) == ["KEN"]
