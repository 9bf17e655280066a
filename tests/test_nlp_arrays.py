"""The per-doc token columns (``nlp.TokenArrays``) read what spaCy's tokens say."""

from __future__ import annotations

from typing import Any

from newsgraph.nlp import TokenArrays, cached_ents, doc_ents, doc_sents, token_arrays

TEXT = (
    "Turkish troops shelled positions near Afrin on Monday, the ministry said.\n"
    "NEW headline line\n"
    "Mr. Lavrov didn't meet U.S.-backed fighters in the Gulf of Oman; "
    "the talks, which opened in Geneva, were called off."
)


def test_columns_are_the_token_attributes(nlp: Any) -> None:
    doc = nlp(TEXT)
    a = TokenArrays(doc)
    for t in doc:
        i = t.i
        assert a.texts[i] == t.text
        assert a.lowers[i] == t.lower_
        assert a.lemmas[i] == t.lemma_.lower()
        assert a.pos[i] == t.pos_
        assert a.tags[i] == t.tag_
        assert a.deps[i] == t.dep_
        assert a.ents[i] == t.ent_type_
        assert a.starts[i] == t.idx
        assert a.heads[i] == t.head.i
        assert a.children[i] == [c.i for c in t.children]


def test_one_instance_per_coding(nlp: Any) -> None:
    doc = nlp("Russia accused Ukraine.")
    assert token_arrays(doc) is not token_arrays(doc)  # outside cached_ents: fresh
    with cached_ents(doc):
        first = token_arrays(doc)
        assert token_arrays(doc) is first
    assert token_arrays(doc) is not first  # dropped with the block


def test_sentences_and_entities_made_once_per_coding(nlp: Any) -> None:
    doc = nlp(TEXT)
    assert [s.text for s in doc_sents(doc)] == [s.text for s in doc.sents]
    assert doc_sents(doc)[0] is not doc_sents(doc)[0]  # outside cached_ents: made anew
    with cached_ents(doc):
        first = doc_sents(doc)
        assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in doc.sents]
        assert all(a is b for a, b in zip(first, doc_sents(doc), strict=True))
        assert all(a is b for a, b in zip(doc_ents(doc), doc_ents(doc), strict=True))
    assert doc_sents(doc)[0] is not first[0]  # dropped with the block
