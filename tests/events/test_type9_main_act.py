"""The right type for a sentence's main act (issue 11, brief type9).

* A deployment sent to help, protect or rescue people, or to keep a peace, is material
  help (CAMEO 074, AID), not a show of force (MOBILIZE).
* A yield its doer "has decided" on is done (RETREAT), not promised (AGREE: "agreed to",
  "will release").
* An act another act of the sentence holds ("rejected accusations that ...") is part of
  that act's news: less sure to be the sentence's main act than the act that holds it.

Every sentence is written for the test; the rules alone (no learned head) are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.acts import nested
from newsgraph.events.coder import Coder
from newsgraph.events.head import EventHead
from newsgraph.records import Event


def main_act(coder: Coder, text: str) -> Event:
    """The sentence's most confident event that is not negated (the 5-class reading)."""
    events = [e for e in coder.code(text).events if not e.negated]
    assert events, text
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    "text",
    [
        "Brazil sent 200 soldiers to Haiti to help rebuild after the hurricane.",
        "Portugal deployed firefighters and troops to protect villages from the wildfires.",
        "Ghana sent a police unit to South Sudan to keep the peace.",
        "The deployment of 300 Zambian soldiers to oversee the truce in Burundi began on Monday.",
        "Italy dispatched soldiers to rescue survivors of the earthquake in Albania.",
    ],
)
def test_deployment_to_help_is_aid(rules: Coder, text: str) -> None:
    found = types(rules, text)
    assert "AID" in found and "MOBILIZE" not in found


@pytest.mark.parametrize(
    "text",
    [
        "India sent troops to the border amid rising tension with China.",
        "Russia deployed troops to Belarus for exercises.",
        # a rescue of hostages from their captors is a military operation
        "Norway deployed commandos to rescue the hostages held in the desert.",
        # watching a border is no peace kept between parties
        "Greece deployed soldiers to monitor the border with Turkey.",
        # guarding a frontier, or helping to fight, is force, whatever it helps
        "India deployed troops to protect its border with China.",
        "Poland sent soldiers to help guard the border with Belarus.",
        "Kenya deployed police to help the army fight the insurgents.",
    ],
)
def test_deployment_as_force_stays_mobilize(rules: Coder, text: str) -> None:
    found = types(rules, text)
    assert "MOBILIZE" in found and "AID" not in found


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Canada has decided to lift the import ban on Chilean beef.", "RETREAT"),
        ("The Kenyan cabinet has decided to free 50 prisoners.", "RETREAT"),
        ("The ministers have decided to relax the curfew in the northern provinces.", "RETREAT"),
    ],
)
def test_decided_yield_is_done(rules: Coder, text: str, wanted: str) -> None:
    act = main_act(rules, text)
    assert act.type == wanted and not act.hypothetical


@pytest.mark.parametrize(
    "text",
    [
        "Peru agreed to release the fishermen held since March.",
        "Peru will release the fishermen held since March.",
        "Canada will decide whether to lift the import ban on Chilean beef.",
    ],
)
def test_promised_or_undecided_yield_is_no_retreat(rules: Coder, text: str) -> None:
    assert "RETREAT" not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The Dutch government has rejected accusations that it mistreated asylum seekers.",
         "REJECT"),
        ("Slovenia firmly rejected allegations of abuses at its border camps.", "REJECT"),
    ],
)  # fmt: skip
def test_the_act_that_holds_another_is_the_main_one(rules: Coder, text: str, wanted: str) -> None:
    assert main_act(rules, text).type == wanted


def test_the_held_act_is_less_sure_through_the_head_too(rules: Coder) -> None:
    """The head's path to events (``head._events``) tells the coder which acts the
    sentence holds; a head without weights passes the rules' reading through."""
    passing = Coder(head=EventHead(None, rules.lexicon, rules.speech), linker=False)
    act = main_act(passing, "Peru has rejected charges that it polluted the shared lake.")
    assert act.type == "REJECT"


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # the future is the effect's: the visit is told as what brings it
        ("The Indian premier's visit to Japan will boost trade between the two countries.",
         "CONSULT", "AGREE"),
        ("Greek aid to Cyprus will help farmers recover.", "AID", "AGREE"),
        # the verb tells the act's own course: the act is to come
        ("The Indian premier's visit to Japan will take place in May.", "AGREE", "CONSULT"),
    ],
)  # fmt: skip
def test_act_that_causes_what_will_follow(
    rules: Coder, text: str, wanted: str, unwanted: str
) -> None:
    found = types(rules, text)
    assert wanted in found and unwanted not in found


@pytest.mark.parametrize(
    "text",
    [
        "The president ordered all foreign broadcasters to halt transmissions.",
        "The junta ordered two independent radio stations to close.",
        "The army ordered residents to leave the town.",
        "Police ordered the protesters to disperse.",
    ],
)
def test_order_that_shuts_down_or_drives_out_is_coercion(rules: Coder, text: str) -> None:
    found = types(rules, text)
    assert "COERCE" in found and "REQUEST" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Russia ordered Ukraine to withdraw its troops.",
        "The court ordered the government to stop the evictions.",
    ],
)
def test_order_to_a_state_is_a_demand(rules: Coder, text: str) -> None:
    found = types(rules, text)
    assert "REQUEST" in found and "COERCE" not in found


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Eritrea is set to release twelve Yemeni fishermen next week.", "AGREE", "RETREAT"),
        ("Eritrea is poised to lift the ban on Yemeni boats.", "AGREE", "RETREAT"),
        ("Russia is set to impose sanctions on Moldova.", "THREATEN", "COERCE"),
    ],
)
def test_act_set_to_come_is_announced(rules: Coder, text: str, wanted: str, unwanted: str) -> None:
    found = types(rules, text)
    assert wanted in found and unwanted not in found


def test_held_is_more_than_coordinated(rules: Coder) -> None:
    doc = rules.nlp("The council condemned the coup and demanded new elections.")
    condemned, demanded = doc[2], doc[6]
    assert not nested(demanded, {condemned.i, demanded.i})
    doc = rules.nlp("Peru rejected the accusations and the threats.")
    rejected, threats = doc[1], doc[6]
    assert nested(threats, {rejected.i, threats.i})


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # a warning against an act, addressed to no one: an appeal
        ("The Danish prime minister warned against any escalation in the Baltic.", "REQUEST",
         "THREATEN"),
        # addressed to a rival, or with the consequence named: a threat
        ("Russia warned Finland against joining NATO.", "THREATEN", "REQUEST"),
        ("North Korea warned against any military action by Seoul, saying it would respond "
         "with force.", "THREATEN", "REQUEST"),
    ],
)  # fmt: skip
def test_warning_against(rules: Coder, text: str, wanted: str, unwanted: str) -> None:
    found = types(rules, text)
    assert wanted in found and unwanted not in found
