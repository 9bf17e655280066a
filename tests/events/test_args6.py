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
