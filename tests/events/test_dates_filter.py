"""The coder's quick "can this sentence name a time?" filter never hides a date.

``MAYBE_TIME`` lets the coder skip the full time-expression search on sentences
that cannot hold one; these tests check, on every sentence of the test corpora and
on the date cases of tests/test_eventdates.py, that whenever ``find_time_expressions``
finds something the filter lets the sentence through.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from newsgraph.eventdates import find_time_expressions
from newsgraph.events.when import MAYBE_TIME

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from test_eventdates import CASES  # noqa: E402

PHRASES = [
    "The ceasefire was agreed on 2016-02-11 in Munich.",
    "Talks resumed in mid-March last year.",
    "The envoy left this evening for Ankara.",
    "Fighting resumed this afternoon near the border.",
    "Rebels withdrew late last week.",
    "The vote is scheduled for Sept. 4.",
    "The treaty was signed in the summer of 1998 (1998).",
    "Ministers will meet on the 3rd of June.",
    "The army pulled out ten years ago.",
    "Protests continued through January.",
]


def _corpus_sentences() -> list[str]:
    texts = [case[0] for case in CASES] + PHRASES
    gold = ROOT / "tests" / "data" / "events_gold.jsonl"
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    pages = [*sorted((ROOT / "examples" / "seeds").glob("*.txt")),
             *sorted((ROOT / "tests" / "data" / "text").glob("*.txt"))]  # fmt: skip
    for path in pages:
        body = path.read_bytes().decode("utf-8", errors="replace")
        texts.extend(s for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip())
    return texts


SENTENCES = _corpus_sentences()


def test_the_corpus_has_dates_to_check() -> None:
    with_dates = [s for s in SENTENCES if find_time_expressions(s)]
    assert len(with_dates) >= 100


@pytest.mark.parametrize("chunk", range(4))
def test_no_time_expression_is_filtered_out(chunk: int) -> None:
    missed = [
        s for s in SENTENCES[chunk::4] if find_time_expressions(s) and not MAYBE_TIME.search(s)
    ]
    assert not missed, missed[:5]


def test_the_filter_skips_sentences_without_time_words() -> None:
    assert not MAYBE_TIME.search("Turkey accused Russia of violating its airspace.")
    assert MAYBE_TIME.search("Turkey accused Russia on Friday.")
