"""Office holders whose terms ended between 1945 and 1980 (scripts/actors_from_petrarch.py):
known by their full names, never by a surname alone."""

from __future__ import annotations

from newsgraph.actors import ActorResolver


def test_historical_leaders_by_full_name(resolver: ActorResolver) -> None:
    nasser = resolver.lookup("Gamal Abdel Nasser")
    assert nasser is not None and nasser.country == "EGY"
    taraki = resolver.lookup("Nur Mohammad Taraki")
    assert taraki is not None and taraki.country == "AFG"


def test_historical_leaders_have_no_short_form(resolver: ActorResolver) -> None:
    # a guard: widened naively, the selection gave "Taraki" alone as a short form
    taraki = resolver.lookup("Taraki")
    assert taraki is None or taraki.country != "AFG"
