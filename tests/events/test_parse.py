"""Selective parsing (``parse="selective"``): only sentences that may hold an event
are parsed; the others keep their boundaries, entities and mentions."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.coder import Coder
from newsgraph.events.parse import PARSED, LemmaGuess
from newsgraph.nlp import load_nlp

ARTICLE = (
    "French Foreign Minister Laurent Fabius arrived in Tehran on Monday.\n\n"
    "The weather was mild and the streets of the old town were quiet.\n\n"
    'He condemned the attack on the embassy. "We will not accept threats," he told '
    "reporters, and Iranian officials promised to punish those responsible."
)


def _doc(coder: Coder, text: str) -> object:
    assert coder._selective is not None
    return next(coder._selective.pipe([(text, None)]))[0]


def test_only_sentences_with_an_actor_and_a_trigger_are_parsed(selective_coder: Coder) -> None:
    doc = _doc(selective_coder, ARTICLE)
    sents = list(doc.sents)  # type: ignore[attr-defined]
    assert [s.text[:11] for s in sents[:3]] == ["French Fore", "The weather", "He condemne"]
    parsed = doc.user_data[PARSED]  # type: ignore[attr-defined]
    assert sents[1].start not in parsed  # no actor, no trigger
    assert sents[2].start in parsed
    assert all(t.dep_ == "" and t.pos_ == "" for t in sents[1])
    assert all(t.dep_ for t in sents[2])
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Laurent Fabius"]  # type: ignore[attr-defined]


def test_coreference_crosses_unparsed_sentences(selective_coder: Coder) -> None:
    coding = selective_coder.code(ARTICLE, "2015-07-29")
    he = [m for m in coding.mentions if ARTICLE[m.start : m.end] == "He"]
    assert he and he[0].actor.country == "FRA"
    accuse = [e for e in coding.events if e.type == "ACCUSE"]
    assert accuse and [a.code for a in accuse[0].source] == ["FRAGOV"]


def test_offsets_point_into_the_text(selective_coder: Coder) -> None:
    coding = selective_coder.code(ARTICLE, "2015-07-29")
    assert coding.events and coding.quotes
    for s in coding.sentences:
        assert ARTICLE[s.start : s.end] == s.text
    for m in coding.mentions:
        assert ARTICLE[m.start : m.end] == m.actor.text
    for e in coding.events:
        assert ARTICLE[e.start : e.end] == e.evidence
    for q in coding.quotes:
        assert ARTICLE[q.start : q.end].strip() == q.text


def test_both_paths_agree_on_the_article(coder: Coder, selective_coder: Coder) -> None:
    def key(c: Coder) -> list[tuple[str, tuple[str | None, ...], int]]:
        events = c.code(ARTICLE, "2015-07-29").events
        return sorted((e.type, tuple(a.code for a in e.source), e.start) for e in events)

    assert key(selective_coder) == key(coder)


def test_a_quoted_speaker_is_parsed_without_a_trigger(selective_coder: Coder) -> None:
    text = 'Turkish officials gathered in Ankara.\n\n"The border stays open," the minister said.'
    doc = _doc(selective_coder, text)
    sents = [s for s in doc.sents if s.text.strip()]  # type: ignore[attr-defined]
    assert sents[-1].start in doc.user_data[PARSED]  # type: ignore[attr-defined]


def test_lemma_guess_allows_every_lemma_of_a_form() -> None:
    guess = LemmaGuess(load_nlp(), ["attack", "meet", "seize", "withdraw"])
    assert all(guess(w) for w in ["attacked", "attacks", "met", "seizing", "withdrew", "meet"])
    assert not any(guess(w) for w in ["weather", "quiet", "street"])


def test_an_unknown_parse_setting_is_refused() -> None:
    with pytest.raises(ConfigError, match="selective"):
        Coder(parse="partial")
