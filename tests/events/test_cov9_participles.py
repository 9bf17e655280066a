"""A past participle on the people it was done to, told with its own time or
circumstance ("activists detained last week", "students arrested during a raid"), is a
coercive act of its own with an unknown doer (ANNOTATION.md: an unknown actor keeps a
null code; the act is still an event), even under another act that frees or demands the
release of those people.  A bare participle ("two men convicted of fraud", "the jailed
activist") only describes them.  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def bare(rules_alone: Coder) -> Coder:
    return rules_alone


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian police freed nine students arrested last week during a raid on a campus.",
        "Amnesty demanded the release of four Turkish reporters jailed on Monday.",
        "Minsk rejected a call to free two Polish activists detained while covering a protest.",
        "Mexico took in thirty Mexican migrants deported on Friday from Texas.",
    ],
)
def test_participle_with_its_own_time_is_an_act(bare: Coder, text: str) -> None:
    events = bare.code(text).events
    coerce = [e for e in events if e.type == "COERCE"]
    assert coerce, [(e.type, e.trigger) for e in events]
    assert not coerce[0].source  # the doer is not named
    assert coerce[0].target


@pytest.mark.parametrize(
    "text",
    [
        "Police questioned two Nigerian men convicted of fraud.",
        "Iran freed the jailed French academic.",
        "Japan eased the restrictions imposed on Pakistan after the tests.",
    ],
)
def test_describing_participle_is_no_coercion(bare: Coder, text: str) -> None:
    assert not [e for e in bare.code(text).events if e.type == "COERCE"]
