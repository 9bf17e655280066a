"""The trigger head's neighbour features (features.neighbour_features): what the token's
object, prepositional objects and governor are, what the rules drafted there, and whether
its clause has a subject that names an actor; read off the parse and the lexicon, so a
wording never seen in training is still told from an event ("hold an election" is not
"hold talks")."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.coder import Coder
from newsgraph.events.head import EventHead, load_head
from newsgraph.events.head.cameo import load_cameo_verbs

NEIGHBOURS = ("ox=", "lox=", "px=", "lpx=", "gx=", "lgx=", "gd=", "sx=", "lsx=", "sr=")


@pytest.fixture(scope="module")
def features(coder: Coder) -> Any:
    """The features a head computes for each candidate word of a sentence (word -> its
    neighbour features), the rules drafting as they do: a head with no weights that
    watches, as the training script's does (every group, the CAMEO classes read)."""
    seen: dict[str, list[str]] = {}

    def watch(span: Any, ids: list[int], rows: list[list[str]]) -> None:
        for i, row in zip(ids, rows, strict=True):
            seen[span.doc[i].text] = [f for f in row if f.startswith(NEIGHBOURS)]

    head = EventHead(None, coder.lexicon, coder.speech, observer=watch)
    head.classes = load_cameo_verbs(coder.lexicon.cameo)
    rules = Coder(resolver=coder.resolver, head=head)

    def of(text: str) -> dict[str, list[str]]:
        seen.clear()
        rules.code(text, "2024-01-15")
        return dict(seen)

    return of


def test_the_object_of_a_light_verb_is_or_is_not_an_event_word(features: Any) -> None:
    talks = features("Turkey and Iran will hold talks in Ankara next week.")["hold"]
    assert "ox=CONSULT" in talks and "lox=hold|CONSULT" in talks
    election = features("Canada will hold a general election next year.")["hold"]
    assert "ox=-" in election and "lox=hold|-" in election
    assert not any(f.startswith("ox=") and f != "ox=-" for f in election)


def test_a_passive_subject_is_no_object(features: Any) -> None:
    attacked = features("Ukraine was attacked by Russian drones on Sunday.")["attacked"]
    assert not any(f.startswith(("ox=", "lox=")) for f in attacked)


def test_the_objects_of_prepositions(features: Any) -> None:
    called = features("Egypt called for talks with Israel.")["called"]
    assert "px=for|CONSULT" in called and "lpx=call|CONSULT" in called
    talks = features("Egypt called for talks with Israel.")["talks"]
    assert "px=with|-" in talks  # a country is no event word


def test_the_word_it_hangs_on(features: Any) -> None:
    attack = features("Russia launched an attack on Kyiv.")["attack"]
    assert "gx=dobj|ASSAULT" in attack and "lgx=attack|ASSAULT" in attack
    # through a preposition: the word the preposition hangs on, the preposition as arc
    talks = features("Egypt called for talks with Israel.")["talks"]
    assert any(f.startswith("gx=for|") for f in talks)


def test_what_the_rules_drafted_on_the_object_and_the_governor(features: Any) -> None:
    launched = features("Russia launched an attack on Kyiv.")
    assert "gd=obj|ASSAULT" in launched["launched"]  # the rules' event is on "attack"
    assert "gd=up|dobj|-" in launched["attack"]  # and nothing on "launched"
    assert "gd=obj|-" in features("Canada will hold a general election next year.")["hold"]


def test_whether_the_clause_has_a_subject_that_names_an_actor(features: Any) -> None:
    assert "sx=actor" in features("Canada will hold a general election next year.")["hold"]
    # the clause's subject, through the verb the word is the object of
    assert "sx=actor" in features("Russia launched an attack on Kyiv.")["attack"]
    assert "sx=pass|actor" in features("Ukraine was attacked by Russian drones.")["attacked"]
    impose = features("The army plans to impose a curfew on the city.")["impose"]
    assert "sx=nonactor" in impose and "lsx=impose|nonactor" in impose
    assert "sx=none" in features("Talks with Iran on Monday.")["Talks"]


def test_whether_the_rules_read_an_actor_in_the_subject(features: Any) -> None:
    """``sr``: an actor of the actor dictionary, named or not by the entity recogniser."""
    impose = features("The army plans to impose a curfew on the city.")["impose"]
    assert "sr=actor" in impose and "sx=nonactor" in impose
    assert "sr=actor" in features("Police arrested dozens of protesters in Cairo.")["arrested"]
    assert "sr=none" in features("Talks with Iran on Monday.")["Talks"]


def test_the_shipped_head_reads_the_groups_it_was_trained_with(coder: Coder) -> None:
    """The shipped weights were trained with the governor's types (``gx``, the one group
    that gained under cross-validation, MODEL_CARD.md) and the head computes them."""
    head = load_head(coder.lexicon, coder.speech)
    assert head.weights is not None and head.neighbours
    assert head.weights.meta["neighbour_groups"] == ["gx"]
    assert any(f.startswith("lgx=") for f in head.weights.features)
    seen: dict[str, list[str]] = {}

    def watch(span: Any, ids: list[int], rows: list[list[str]]) -> None:
        seen.update({span.doc[i].text: row for i, row in zip(ids, rows, strict=True)})

    head.observer = watch
    Coder(resolver=coder.resolver, head=head).code("Russia launched an attack on Kyiv.")
    assert "gx=dobj|ASSAULT" in seen["attack"]
