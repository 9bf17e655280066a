"""Domestic acts between two named people of one government (real resolver, invented text):
two ministers of one country are two parties, one person named twice is one."""

from __future__ import annotations

from scoring import countries, one_event

from newsgraph.events.coder import Coder


def test_two_named_officials_of_one_government_are_two_parties(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    text = (
        "Israeli President Reuven Rivlin eased restrictions on former prime minister Ehud Olmert."
    )
    event = one_event(rules, text, "RETREAT")
    assert countries(event.source) == ["ISR"]
    assert countries(event.target) == ["ISR"]


def test_one_person_named_twice_is_one_party(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    event = one_event(rules, "Vladimir Putin said he would meet Joe Biden in Geneva.", "AGREE")
    assert [a.name for a in event.source] == ["Vladimir Putin"]
    assert countries(event.target) == ["USA"]
