"""jus13: the constructions of domestic justice and accidents, one test each (own words).

The probes (``test_jus13_justice_probe.py``, ``test_jus13_fresh_probe.py``) score the class;
these pin the parties and the conventions the change decides.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import types

from newsgraph.events.coder import Coder
from newsgraph.records import Event

# the acts undergone ("in custody", "placed under arrest") and the charges told in a clause
# on the accused were removed in session 13: these tests are expected to fail
REMOVED = "removed in session 13: its scope was chosen with the held-out gate"


def _on(coder: Coder, text: str, type_: str) -> list[Event]:
    return [e for e in coder.code(text).events if e.type == type_ and not e.negated]


@pytest.mark.xfail(reason=REMOVED)
def test_who_is_in_custody_undergoes_it(rules_alone: Coder) -> None:
    (held,) = _on(rules_alone, "The Moldovan banker remains in custody in Chisinau.", "COERCE")
    assert not held.source
    assert [a.country for a in held.target] == ["MDA"]


def test_the_agent_of_a_passive_custody_does_it(rules_alone: Coder) -> None:
    text = "Nine Afghan migrants were taken into custody by Iranian border guards."
    (held,) = _on(rules_alone, text, "COERCE")
    assert [a.country for a in held.source] == ["IRN"]
    assert [a.country for a in held.target] == ["AFG"]


def test_who_puts_someone_under_arrest_does_it(rules_alone: Coder) -> None:
    text = "Gabonese soldiers placed the president under arrest in Libreville."
    (arrest,) = _on(rules_alone, text, "COERCE")
    assert [a.sector for a in arrest.source] == ["MIL"]  # the soldiers, not the one held


@pytest.mark.xfail(reason=REMOVED)
def test_a_charge_in_a_clause_on_a_person_stands(rules_alone: Coder) -> None:
    text = "A Slovenian surgeon charged with forging records resigned in Ljubljana."
    (charge,) = _on(rules_alone, text, "ACCUSE")
    assert [a.country for a in charge.target] == ["SVN"]


def test_a_court_order_to_serve_time_is_a_sentence(rules_alone: Coder) -> None:
    text = "A Lisbon court ordered the Portuguese singer to serve 200 hours of community service."
    assert "SANCTION" in types(rules_alone, text)
    assert "REQUEST" not in types(rules_alone, text)


def test_a_court_order_to_act_stays_a_demand(rules_alone: Coder) -> None:
    assert "REQUEST" in types(rules_alone, "A Kenyan court ordered Nairobi to reopen the market.")


def test_a_prison_term_after_the_object_is_a_sentence(rules_alone: Coder) -> None:
    text = "A Hanoi court jailed the Vietnamese poet for six years."
    assert "SANCTION" in types(rules_alone, text)


def test_a_passive_strike_is_no_walkout(rules_alone: Coder) -> None:
    text = "The Estonian pensioner was struck near Tallinn on Friday, police said."
    assert "PROTEST" not in types(rules_alone, text)


def test_a_building_that_burns_down_is_burned_by_no_one(rules_alone: Coder) -> None:
    assert "ASSAULT" not in types(rules_alone, "A Serbian sawmill burns down near Novi Sad")


def test_a_blaze_is_no_party_but_gunfire_is(rules_alone: Coder) -> None:
    assert "ASSAULT" not in types(rules_alone, "A fire gutted a Romanian hospital in Iasi.")
    assert "ASSAULT" in types(
        rules_alone, "Turkish fire killed three Kurdish fighters in Qamishli."
    )


def test_a_vehicle_meant_as_a_weapon_is_an_attack(rules_alone: Coder) -> None:
    text = "A French man rammed his van into a crowd of Nice shoppers."
    assert "ASSAULT" in types(rules_alone, text)
    assert "ASSAULT" not in types(rules_alone, "A van hit a crowd of Nice shoppers on Sunday.")
