"""A noun the tagger read as an adjective ("the regime offensive on the town", tagged
ADJ but the subject of its clause) can still trigger as a noun; an adjective that
describes ("an offensive remark") or is predicated ("was offensive") does not become
one.  The parse is given by hand so that the test does not depend on the tagger."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.events.match import form


def _doc(words: list[str], pos: list[str], deps: list[str], heads: list[int]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads)


def test_adjective_in_a_noun_slot_triggers_as_a_noun() -> None:
    doc = _doc(["The", "regime", "offensive", "displaced", "thousands", "."],
               ["DET", "NOUN", "ADJ", "VERB", "NOUN", "PUNCT"],
               ["det", "compound", "nsubj", "ROOT", "dobj", "punct"],
               [2, 2, 3, 3, 3, 3])  # fmt: skip
    assert form(doc[2]) == "noun"


def test_describing_adjective_stays_no_trigger() -> None:
    doc = _doc(["He", "made", "an", "offensive", "remark", "."],
               ["PRON", "VERB", "DET", "ADJ", "NOUN", "PUNCT"],
               ["nsubj", "ROOT", "det", "amod", "dobj", "punct"],
               [1, 1, 4, 4, 1, 1])  # fmt: skip
    assert form(doc[3]) is None
