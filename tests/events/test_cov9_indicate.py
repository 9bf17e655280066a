""" "Indicated that it would ..." reports the subject's own stance as "said that it would"
does: "it" is the one who indicated, and the act is intended (AGREE for help or a yield,
THREATEN for harm; ANNOTATION.md).  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def bare(rules_alone: Coder) -> Coder:
    return rules_alone


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("The Government of Chile has indicated that it is considering sending doctors to Haiti.",
         "AGREE", "CHL"),
        ("Egypt indicated that it would open the Rafah crossing.", "AGREE", "EGY"),
        ("The Indian government indicated that it will provide loans to Nepal.", "AGREE", "IND"),
        ("Canada has indicated that it intends to expel two Russian diplomats.", "THREATEN",
         "CAN"),
    ],
)  # fmt: skip
def test_indicated_stance_is_the_subjects(bare: Coder, text: str, type_: str, actor: str) -> None:
    events = [e for e in bare.code(text).events if e.type == type_]
    assert events, [(e.type, e.trigger) for e in bare.code(text).events]
    assert actor in [a.country for a in events[0].source]
