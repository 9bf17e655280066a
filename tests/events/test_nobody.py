"""An act whose doer or patient is no one is denied: "no one was hurt", "nobody was
arrested", "killed no civilians" (``modality.nobody``); a number of victims is not."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    "text",
    [
        "No one was injured in the blast in Kabul.",
        "Nobody was arrested after the protest in Minsk.",
        "No soldiers were killed in the attack on the base in Mali.",
        "Nigerian police arrested no one at the rally.",
    ],
)
def test_an_act_on_no_one_is_negated(rules: Coder, text: str) -> None:
    events = [e for e in rules.code(text, "2024-03-05").events if e.type in ("ASSAULT", "COERCE")]
    assert events and all(e.negated for e in events)


def test_an_act_on_some_is_not(rules: Coder) -> None:
    events = rules.code("Two soldiers were killed in the attack on the base in Mali.").events
    assert any(e.type == "ASSAULT" and not e.negated for e in events)
