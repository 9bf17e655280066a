"""The coder's stage word lists are data (``triggers.yaml``, ``words:``).

The stages read them with a default of no words, so a list renamed or dropped from the
data would switch its rule off without an error: each one must be there.  They were
never common words for the headline recaser, and are not now.
"""

from __future__ import annotations

from newsgraph.events.coder import STAGE_WORDS
from newsgraph.events.conventions import ENFORCED
from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.parse import common_words
from newsgraph.nlp import load_nlp


def test_every_stage_word_list_is_in_the_lexicon() -> None:
    words = load_lexicon().words
    missing = sorted(k for k in STAGE_WORDS if not words.get(k))
    assert missing == []
    assert {name for name, _ in ENFORCED} <= STAGE_WORDS


def test_the_order_lists_name_each_word_once() -> None:
    words = load_lexicon().words
    seen: list[str] = [w for name, _ in ENFORCED for w in words[name]]
    assert len(seen) == len(set(seen))


def test_stage_words_are_not_common_words_for_the_recaser() -> None:
    lexicon = load_lexicon()
    common = common_words(load_nlp(), lexicon, STAGE_WORDS)
    assert not common("spate")  # a series noun only: read as a name in a headline
    assert common_words(load_nlp(), lexicon)("spate")  # which the skip keeps out
    assert common("say")  # a speech verb is still common
