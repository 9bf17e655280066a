"""Material cooperation read by word classes, not by lists of the words once seen:
any person sought by justice handed over (``wanted``), any captive freed, handed back,
repatriated or exchanged (a person noun of the class ``captives``, a person named, or
anything a participle of capture describes: "@held"), any restriction lifted or eased
(moratorium, closure, suspension, controls...), any passage granted, any route reopened;
and a thing made public ("released the figures") is no release.  Sentences written for
the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # captives: by class, or held by a participle of capture on them
        ("Ukraine handed over a group of captured conscripts to Russia.", "RETREAT"),
        ("The detained Estonian officer was handed over to Estonia at the border.", "RETREAT"),
        ("Libya repatriated 40 Egyptian workers kidnapped in Sirte.", "RETREAT"),
        ("Ukraine and Russia swapped 100 captured soldiers on Friday.", "COOPERATE"),
        ("Armenia and Azerbaijan exchanged captured soldiers at the border.", "COOPERATE"),
        ("Moscow and Kyiv exchanged bodies of fallen soldiers.", "COOPERATE"),
        # restrictions of every kind lifted or eased
        ("Ghana lifted its moratorium on gold exports.", "RETREAT"),
        ("Israel lifted the closure of the West Bank after the holiday.", "RETREAT"),
        ("Niger's junta lifted the suspension of French broadcasters.", "RETREAT"),
        ("Moldova eased the state of emergency on Thursday.", "RETREAT"),
        # people sought by justice handed to another state
        ("Malaysia handed over the embezzler to the Singaporean police.", "COOPERATE"),
        ("Portugal turned over two hijackers to Brazil.", "COOPERATE"),
        # passage granted
        ("Israel granted passage to the aid convoy.", "RETREAT"),
        ("Turkey granted the Swedish ship passage through the Bosphorus.", "RETREAT"),
        # the second object read by the parser as a clause ("passage" with a subject)
        ("Lebanon allowed Syrian refugees passage to the coast.", "RETREAT"),
        ("Jordan allowed the stranded trucks passage to Iraq.", "RETREAT"),
    ],
)
def test_material_cooperation_by_class(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Ukraine released forty Russian soldiers on Friday.", "RETREAT"),
        ("Iran released two French nationals held in Evin prison.", "RETREAT"),
        ("Armenia handed over the bodies of three Azerbaijani soldiers.", "RETREAT"),
        ("Georgia returned dozens of detained Russian sailors.", "RETREAT"),
        ("Myanmar repatriated the last batch of Thai fishermen.", "RETREAT"),
        ("Sri Lanka lifted the nationwide curfew on Monday.", "RETREAT"),
        ("Saudi Arabia lifted its blockade of Qatar.", "RETREAT"),
        ("Washington eased sanctions on Venezuelan oil.", "RETREAT"),
        ("Lebanon reopened Beirut airport after the strikes.", "RETREAT"),
        ("Kosovo reopened two of its border crossings with Serbia.", "RETREAT"),
        ("Syria allowed UN inspectors access to the site.", "RETREAT"),
    ],
)
def test_plain_cases_still_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "Police released the name of the victim.",
        "The police released CCTV footage of the attack.",
        "The ministry released figures showing a fall in exports.",
        "The government released its budget for next year.",
        "The ministry released a report on the economy.",
        "The athlete lifted weights in the gym.",
        "The delegation returned home on Sunday.",
        "The bank lifted interest rates by half a point.",
        "The museum reopened to visitors on Sunday.",
    ],
)
def test_near_misses_stay_uncoded(rules_alone: Coder, text: str) -> None:
    assert not _types(rules_alone, text) & {"RETREAT", "AID", "COOPERATE"}
