"""Last round on type recall (issue 11): CAMEO 17x COERCE, 111 ACCUSE and 100 REQUEST
forms still open after the codebook passes (property requisitioned, a press muzzled or
shuttered, a party disbanded, a rebuke, a charge of slander, British "pressurise"). Every
sentence is written for the test; the rules alone (no learned head) are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Zimbabwean soldiers requisitioned the lorries of a British mining firm.", "COERCE"),
        ("The Belarusian government muzzled the independent press.", "COERCE"),
        ("Iranian police padlocked the offices of a reformist daily.", "COERCE"),
        ("The Ethiopian authorities shuttered an independent newspaper.", "COERCE"),
        ("A Thai court disbanded the progressive opposition party.", "COERCE"),
        ("The Iranian authorities persecuted Baha'i students.", "COERCE"),
        # ACCUSE 111: rebukes, charges of slander
        ("The Turkish foreign ministry upbraided the Swedish envoy.", "ACCUSE"),
        ("Beijing said the American report slandered China.", "ACCUSE"),
        ("Ankara said the German newspaper defamed the Turkish people.", "ACCUSE"),
        # REQUEST 100: British spellings of "pressure"
        ("Germany pressurised Greece to accept the reforms.", "REQUEST"),
        ("Japan pressurized South Korea to drop the claims.", "REQUEST"),
    ],
)
def test_new_forms(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "The muzzle of the old rifle was cleaned by the Polish museum.",
        "A requisition for new desks was sent to the Danish ministry.",
        "The Swedish carmaker shuttered its plant in Belgium.",
        "The Irish rock band disbanded in 1999.",
    ],
)
def test_nouns_are_no_coercion(rules: Coder, text: str) -> None:
    assert "COERCE" not in types(rules, text)


def test_put_on_trial_is_accused_by_who_puts(rules: Coder) -> None:
    """ACCUSE 1121 (as "tried", "prosecuted"): done by the one who puts on trial."""
    events = rules.code("Belarus put two Polish journalists on trial.", "2024-01-15").events
    accused = [e for e in events if e.type == "ACCUSE" and not e.negated]
    assert accused and {a.country for a in accused[0].source} == {"BLR"}


def test_a_trial_of_people_is_an_accusation(rules: Coder) -> None:
    # jus13: a trial of people is the prosecution's case against them (ECB_EVENTS.md, the
    # session 13 brief); a trial of a drug or a system is none
    assert "ACCUSE" in types(rules, "The trial of the Polish journalists opened in Minsk.")
    assert "ACCUSE" not in types(rules, "The trial of the Polish vaccine opened in Minsk.")


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # a deployment of rescuers is humanitarian aid (CAMEO 074), not a show of force
        ("Greece deployed search-and-rescue teams to Turkey.", "AID", "MOBILIZE"),
        ("Japan sent rescue teams to Nepal after the earthquake.", "AID", "MOBILIZE"),
        # a rescue done by troops is not the mission of a deployment
        ("France deployed troops to rescue the hostages in Mali.", "MOBILIZE", "AID"),
    ],
)
def test_rescuers_deployed(rules: Coder, text: str, wanted: str, unwanted: str) -> None:
    found = types(rules, text)
    assert wanted in found and unwanted not in found
