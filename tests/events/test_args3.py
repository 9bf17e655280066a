"""Recipients and actors linked through the words around a trigger (real resolver,
invented text): datives of light verbs, the authors of a proposal, shared objects of
coordinated verbs, places of a domestic act, the complements of concern and protest."""

from __future__ import annotations

from newsgraph.events.coder import Coder
from newsgraph.records import Event


def _one(coder: Coder, text: str, type_: str) -> Event:
    events = coder.code(text).events
    found = [e for e in events if e.type == type_ and not e.negated]
    assert found, f"no {type_} in {text!r}: {[(e.type, e.negated) for e in events]}"
    return found[0]


def _countries(actors: tuple[object, ...]) -> list[str | None]:
    return [getattr(a, "country", None) for a in actors]


def test_the_dative_of_a_light_verb_receives_the_act(coder: Coder) -> None:
    event = _one(coder, "Kenya gave Uganda a stern warning on Monday.", "THREATEN")
    assert _countries(event.source) == ["KEN"]
    assert _countries(event.target) == ["UGA"]
