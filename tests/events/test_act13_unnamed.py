"""act13: a sentence that names no actor is coded for the acts news tells without their
doer (``lexicon.UNNAMED_TYPES``), by the rules alone, on both parse paths; harm by nature
or an accident and force against a fire are no act, named parties or not.  Own sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import types

from newsgraph.events.coder import Coder

ARTICLE = (
    "Gunfire in Harbour Street\n\n"
    "Two security guards were shot outside a warehouse on Harbour Street late on Tuesday. "
    "The gunman fled on foot. "
    "A 31-year-old man was arrested near the station an hour later. "
    "He was charged on Wednesday with attempted murder. "
    "The warehouse reopened the next morning. "
    "The local football club won its match 2-1 on Saturday."
)


@pytest.fixture(scope="module")
def selective() -> Coder:
    return Coder(parse="selective", head=False, linker=False)


def test_article_acts_with_no_actor_named(rules_alone: Coder) -> None:
    events = rules_alone.code(ARTICLE, "2024-03-01").events
    found = {(e.type, e.sentence_index) for e in events if not e.negated}
    assert {t for t, _ in found} == {"ASSAULT", "COERCE", "ACCUSE"}
    assert all(not e.source or all(a.code is None for a in e.source) for e in events)


def test_selective_parse_codes_the_same(selective: Coder, rules_alone: Coder) -> None:
    full = sorted((e.type, e.trigger) for e in rules_alone.code(ARTICLE).events)
    assert sorted((e.type, e.trigger) for e in selective.code(ARTICLE).events) == full


def test_selective_parses_a_sentence_with_a_lone_trigger(selective: Coder) -> None:
    assert selective._selective is not None
    doc = selective.nlp.make_doc("Shops were looted overnight. The weather was mild.")
    for proc in selective._selective.whole:
        doc = proc(doc)
    chosen = [s.text for s in selective._selective.choose(doc)]
    assert chosen == ["Shops were looted overnight."]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("She was detained at the border crossing on Friday.", "COERCE"),
        ("Charges were filed against the landlord on Monday.", "ACCUSE"),
        ("The fire is under investigation.", "ACCUSE"),
        ("The courier was jailed for six years.", "SANCTION"),
    ],
)
def test_coded_with_no_actor_named(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The talks were postponed until next week.",  # a meeting with no party
        "The charges were dropped on Monday.",  # called off, not brought
        "The trial resumed after a short break.",  # the act's own course
        "Two hikers were killed in an avalanche above the village.",  # nature
        "A cyclist was killed in a collision with a lorry.",  # an accident
        "Three houses were destroyed by the flood.",  # nature as the doer
    ],
)
def test_not_coded_with_no_actor_named(rules_alone: Coder, text: str) -> None:
    assert not types(rules_alone, text)


def test_nature_and_accidents_are_no_assault_when_parties_are_named(rules_alone: Coder) -> None:
    assert "ASSAULT" not in types(
        rules_alone, "Turkish firefighters attacked the blaze near Izmir."
    )
    assert "ASSAULT" not in types(
        rules_alone, "Two Spanish tourists were killed in a crash in Peru."
    )
    assert "ASSAULT" in types(rules_alone, "Two Spanish tourists were shot dead in Peru.")
