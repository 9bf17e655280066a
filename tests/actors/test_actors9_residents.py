"""People named by an agent noun alone are of the country they are said to live in."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors import ActorResolver


def _codes(resolver: ActorResolver, parser: Any, text: str) -> dict[str, str | None]:
    return {m.actor.text: m.actor.code for m in resolver.mentions(parser(text), "2019-01-01")}


@pytest.mark.parametrize(
    ("text", "who", "code"),
    [
        ("Washington suspended aid to people living in the rebel-held areas of northern Yemen.",
         "people", "YEMCVL"),
        ("The charity sent blankets to families stranded in the mountains of Nepal.",
         "families", "NPLCVL"),
        ("Farmers in Kenya's Rift Valley blocked roads on Monday.", "Farmers", "KENAGR"),
        ("The agency flew medicine to doctors based in Haiti.", "doctors", "HTIHLH"),
        ("Japan donated books to students from Laos.", "students", "LAOEDU"),
    ],
)  # fmt: skip
def test_people_are_of_where_they_live(
    resolver: ActorResolver, parser: Any, text: str, who: str, code: str
) -> None:
    got = _codes(resolver, parser, text)
    assert got.get(who) == code, got


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # armed groups are placed by the act, not by where they are said to be
        ("Gunmen in Iraq fired on a convoy.", "Gunmen"),
        # an aid agency works where it is, it is not of that country
        ("Aid agencies in Sudan appealed for funds.", "Aid agencies"),
        # a plan or a thing is no residence
        ("Workers rejected the plan for Chile.", "Workers"),
    ],
)
def test_not_of_the_place(resolver: ActorResolver, parser: Any, text: str, who: str) -> None:
    got = _codes(resolver, parser, text)
    assert who in got and (got[who] or "")[:3] not in ("IRQ", "SDN", "CHL"), got
