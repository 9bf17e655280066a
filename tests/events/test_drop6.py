"""Triggers the rules found, then lost for want of an actor (issue 11): the actor read
off the verb that announces the act, however deep the event noun lies in its object
(real resolver, invented text, rules only)."""

from __future__ import annotations

from scoring import countries

from newsgraph.events.coder import Coder


def _rules(coder: Coder) -> Coder:
    return Coder(resolver=coder.resolver, linker=False, head=False)


def _on(coder: Coder, text: str, trigger: str) -> list[object]:
    return [e for e in _rules(coder).code(text).events if e.trigger == trigger]


def test_the_announcer_gives_the_aid_it_announces(coder: Coder) -> None:
    text = "Norway on Monday unveiled a threefold increase in funding for cholera clinics in Yemen."
    events = _on(coder, text, "funding")
    assert events, "the aid is dropped for want of an actor"
    assert "NOR" in countries(events[0].source)  # type: ignore[attr-defined]


def test_the_approver_imposes_the_sanctions_of_the_package(coder: Coder) -> None:
    text = "Canada approved a package of sanctions against Belarus on Friday."
    events = _on(coder, text, "sanctions")
    assert events, "the sanctions are dropped for want of an actor"
    assert "CAN" in countries(events[0].source)  # type: ignore[attr-defined]


def test_another_verb_above_the_noun_gives_no_actor(coder: Coder) -> None:
    # a guard: the one who criticises a package of sanctions does not impose them
    text = "Canada criticised a package of sanctions against Belarus on Friday."
    for event in _on(coder, text, "sanctions"):
        assert "CAN" not in countries(event.source)


def test_it_in_a_claim_that_clause_is_the_claims_maker(coder: Coder) -> None:
    text = "Aid groups doubted a Turkish announcement that it had reopened the border crossing."
    events = _on(coder, text, "reopened")
    assert events, "the reopening is dropped for want of an actor"
    assert "TUR" in countries(events[0].source)  # type: ignore[attr-defined]


def test_each_side_is_both_parties_and_the_other_the_recipient(coder: Coder) -> None:
    text = "Serbia and Kosovo failed to reach a deal, with each side rejecting the other's plan."
    events = _on(coder, text, "rejecting")
    assert events, "the rejection is dropped for want of an actor"
    assert sorted(countries(events[0].source)) == ["SRB", "XKX"]  # type: ignore[attr-defined]
    assert sorted(countries(events[0].target)) == ["SRB", "XKX"]  # type: ignore[attr-defined]


def test_the_other_without_each_is_no_reciprocal(coder: Coder) -> None:
    # a guard: "the other" alone (no "each side") does not make the actors recipients
    text = "Serbia and Kosovo met in Brussels, and Serbia rejected the other proposal."
    for event in _on(coder, text, "rejected"):
        assert "SRB" not in countries(event.target)  # type: ignore[attr-defined]


def test_the_one_indicted_for_an_attack_is_said_to_have_done_it(coder: Coder) -> None:
    text = "A Kenyan court indicted two Somali militants for the bombing of a bus in Mombasa."
    events = _on(coder, text, "bombing")
    assert events, "the bombing is dropped for want of an actor"
    assert "SOM" in countries(events[0].source)  # type: ignore[attr-defined]


def test_a_halt_announced_is_not_the_act_it_halts(coder: Coder) -> None:
    # a guard: "announced a moratorium on missile tests" announces no tests
    text = "Iran announced a moratorium on ballistic missile tests on Sunday."
    for event in _on(coder, text, "tests"):
        assert "IRN" not in countries(event.source)  # type: ignore[attr-defined]


def test_a_pledge_of_aid_is_no_aid_given(coder: Coder) -> None:
    # a guard: "pledged $2 billion in loans" is the pledge (AGREE), the loans not yet given
    text = "Norway pledged $500 million in reconstruction loans to Iraq on Tuesday."
    assert all(e.type != "AID" for e in _rules(coder).code(text).events)
