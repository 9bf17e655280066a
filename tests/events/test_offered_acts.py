"""Acts made by offering them: "offered an apology" apologises now (CAMEO 055, SUPPORT);
it is no promise (AGREE), as "offered talks" or "offered aid" are (ANNOTATION.md)."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    return rules_alone


def _types(coder: Coder, text: str) -> set[tuple[str, bool]]:
    return {(e.type, e.hypothetical) for e in coder.code(text).events if not e.negated}


def test_an_apology_offered_is_made(rules: Coder) -> None:
    text = "The Dutch premier offered an apology to Indonesia for the colonial killings."
    assert ("SUPPORT", False) in _types(rules, text)
    assert not any(t == "AGREE" for t, _ in _types(rules, text))


def test_aid_offered_stays_a_promise(rules: Coder) -> None:
    assert "AGREE" in {
        t for t, _ in _types(rules, "Chile offered aid to Bolivia after the floods.")
    }


def test_the_offered_acts_are_a_word_list(rules: Coder) -> None:
    assert "apology" in rules.words["offered_acts"]
