"""A blackout that is lifted or ended is a retreat, not a new restriction (the blackout
noun takes the same ``unless: ["@reversing"]`` as blockades, embargoes and sanctions)."""

from scoring import types

from newsgraph.events.coder import Coder


def test_a_lifted_blackout_is_no_coercion(rules_alone: Coder) -> None:
    got = types(rules_alone, "Authorities lifted the media blackout in the province on Friday.")
    assert "COERCE" not in got
    assert "RETREAT" in got


def test_an_imposed_blackout_is_still_coercion(rules_alone: Coder) -> None:
    assert "COERCE" in types(rules_alone, "The junta imposed an internet blackout across the country.")
