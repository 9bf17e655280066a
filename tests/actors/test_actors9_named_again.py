"""An agent noun named again alone is the group of the same noun named before it in the
sentence ("American troops ... the troop withdrawal")."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors import ActorResolver


def _codes(resolver: ActorResolver, parser: Any, text: str) -> list[tuple[str, str | None]]:
    return [(m.actor.text, m.actor.code) for m in resolver.mentions(parser(text), "2019-01-01")]


@pytest.mark.parametrize(
    ("text", "again", "code"),
    [
        ("British soldiers began leaving Basra ahead of the full soldier drawdown.",
         "soldier", "GBRMIL"),
        ("Kenyan police fired tear gas at the crowd and police also arrested ten students.",
         "police", "KENCOP"),
        ("Peruvian miners blocked the highway while miners in the south stayed home.",
         "miners", "PERLAB"),
        ("Hundreds of Greek farmers drove tractors into town, and farmers said they would stay.",
         "farmers", "GRCAGR"),
    ],
)  # fmt: skip
def test_the_noun_again_is_the_same_group(
    resolver: ActorResolver, parser: Any, text: str, again: str, code: str
) -> None:
    got = _codes(resolver, parser, text)
    assert (again, code) in got, got


@pytest.mark.parametrize(
    ("text", "again"),
    [
        # two countries' troops before it: whose is not said
        ("American troops and Afghan troops met, and troops later left the base.", "troops"),
        # another noun of the sector is not the same group
        ("Chinese soldiers crossed the line and troops were sent to the border.", "troops"),
        # a later sentence is not read
        ("Indian police raided the office. Police said nothing more.", "Police"),
    ],
)
def test_no_country_when_not_the_same_group(
    resolver: ActorResolver, parser: Any, text: str, again: str
) -> None:
    got = dict(_codes(resolver, parser, text))
    code = got.get(again)
    assert code is None or len(code) == 3, got
