"""Weapons that strike a place or people, their firer unnamed, are an attack by someone
the sentence does not name (ANNOTATION.md: unknown actors keep a null code); a rocket
that carries a satellite is none. And the Pope stands for the Holy See (VAT).
Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _events(coder: Coder, text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.type, [a.code for a in e.source], [a.code for a in e.target])
            for e in coder.code(text).events]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Mortar shells landed on a market in Mogadishu, killing ten people.",
        "Two rockets slammed into a residential area of Kabul.",
        "A missile hit a school in Kharkiv.",
        "Shells rained on the outskirts of Aleppo overnight.",
    ],
)
def test_a_weapon_that_hit_something_is_an_attack_by_someone_unnamed(
    rules_alone: Coder, text: str
) -> None:
    attacks = [e for e in _events(rules_alone, text) if e[0] == "ASSAULT"]
    assert attacks and all(source == [] for _, source, _ in attacks), attacks


@pytest.mark.parametrize(
    "text",
    [
        "The rocket carried a weather satellite into orbit.",
        "The drone crashed in a field after losing signal.",
        "The shell company hit investors with losses.",
    ],
)
def test_a_weapon_that_hit_nothing_is_no_attack(rules_alone: Coder, text: str) -> None:
    assert not any(t == "ASSAULT" for t, _, _ in _events(rules_alone, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Pope appealed for calm in the Central African Republic.",
        "The Pope made an appeal for calm in the Central African Republic.",
    ],
)
def test_the_pope_is_the_holy_see(rules_alone: Coder, text: str) -> None:
    assert [(t, source) for t, source, _ in _events(rules_alone, text)] == [
        ("REQUEST", ["VATGOV"])
    ]


def test_a_weapon_told_with_its_firer_leaves_the_act_to_the_verbs(rules_alone: Coder) -> None:
    events = rules_alone.code("Rockets fired by Hamas hit Ashkelon.").events
    assert [(e.type, e.trigger) for e in events] == [("ASSAULT", "fired")]
    assert [a.code for a in events[0].source] == ["PSEREB"]
