"""Selective parsing and the trigger lexicon: a word that triggers only beside a cue
word ("go" + "strike") makes a sentence worth parsing only with that cue."""

from __future__ import annotations

from newsgraph.events.coder import Coder
from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.parse import PARSED, cue_words


def test_cue_words_come_from_the_entries() -> None:
    cues = cue_words(load_lexicon().triggers)
    assert {"strike", "alert"} <= cues["go"]  # "went on strike", "went on alert"
    assert "attack" not in cues  # a free trigger needs no cue
    assert "call" not in cues  # "called on", but also "called the president" (@state)


def test_a_cued_word_alone_is_not_parsed(selective_coder: Coder) -> None:
    text = (
        "The Kenyan president went home to Nakuru on Friday.\n\n"
        "Kenyan doctors went on strike against the government."
    )
    assert selective_coder._selective is not None
    doc = next(selective_coder._selective.pipe([(text, None)]))[0]
    first, second = list(doc.sents)
    parsed = doc.user_data[PARSED]
    assert first.start not in parsed
    assert second.start in parsed
    events = selective_coder.code(text, "2024-01-15").events
    assert [e.type for e in events] == ["PROTEST"]
