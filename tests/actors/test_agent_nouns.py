"""Agent nouns added from the news: a group or office named by a demonym and a noun."""

from __future__ import annotations

import pytest

from newsgraph.actors import ActorResolver


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israeli settlers", "ISRCVL"),
        ("Nigerian herdsmen", "NGAAGR"),
        ("the British embassy", "GBRGOV"),
        ("Kenya's electoral commission", "KENGOV"),
        ("Haitian looters", "HTICRM"),
        ("Russian commandos", "RUSMIL"),
        ("the Ugandan dictator", "UGAGOV"),
        ("Indian Muslims", "INDREL"),
        ("a Turkish businessman", "TURBUS"),
    ],
)
def test_a_demonym_and_an_agent_noun(resolver: ActorResolver, text: str, code: str) -> None:
    actor = resolver.lookup(text)
    assert actor is not None and actor.code == code


def test_an_embassy_alone_is_no_actor(resolver: ActorResolver) -> None:
    assert resolver.lookup("the embassy") is None
