"""A metonym that ends a longer proper name stands for another body; a state's envoy to an
organisation is the state's (invented text)."""

from __future__ import annotations

from typing import Any

from newsgraph.actors import ActorResolver


def _codes(resolver: ActorResolver, parser: Any, text: str) -> list[str | None]:
    return [m.actor.code for m in resolver.mentions(parser(text))]


def test_a_metonym_ending_a_longer_name_is_not_the_institution(
    resolver: ActorResolver, parser: Any
) -> None:
    codes = _codes(resolver, parser, "The Kenya Unity Congress called a strike on Monday.")
    assert "USALEG" not in codes and "KEN" in codes


def test_the_metonym_alone_or_with_its_country_stands(resolver: ActorResolver, parser: Any) -> None:
    assert _codes(resolver, parser, "Congress rejected the bill on Monday.") == ["USALEG"]
    assert _codes(resolver, parser, "The US Congress rejected the bill.") == ["USALEG"]
    assert _codes(resolver, parser, "The Kremlin rejected the plan.") == ["RUSGOV"]


def test_a_state_s_envoy_to_an_organisation_is_the_state_s(
    resolver: ActorResolver, parser: Any
) -> None:
    assert _codes(resolver, parser, "Russia's UN ambassador rejected the draft.")[-1] == "RUSGOV"
    assert _codes(resolver, parser, "The UN envoy rejected the draft.") == ["UN"]
