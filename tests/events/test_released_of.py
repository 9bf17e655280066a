"""The "of" complement of a release or a return names who is released, not who releases
("welcomed the release of the hostages"); a withdrawal's "of" troops do withdraw.
Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _retreats(coder: Coder, text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([a.code for a in e.source], [a.code for a in e.target])
            for e in coder.code(text).events if e.type == "RETREAT"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Paris welcomed the release of the hostages.",
        "Canberra hailed the release of the Australian academic held in Iran.",
    ],
)
def test_the_released_do_not_release(rules_alone: Coder, text: str) -> None:
    assert all(source == [] for source, _ in _retreats(rules_alone, text))
    assert not any("AUS" in source or "FRACVL" in source for source, _ in _retreats(
        rules_alone, text))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Egypt announced the release of three Sudanese traders.", "EGY", "SDNBUS"),
        ("The release of 40 Ethiopian prisoners by Eritrea came as a surprise.", "ERI",
         "ETHCVL"),
    ],
)
def test_a_named_releaser_releases_the_of_complement(
    rules_alone: Coder, text: str, actor: str, recipient: str
) -> None:
    assert ([actor], [recipient]) in _retreats(rules_alone, text)


def test_withdrawn_troops_still_withdraw(rules_alone: Coder) -> None:
    found = _retreats(rules_alone, "The withdrawal of Russian troops from Georgia began.")
    assert found and found[0][0] == ["RUSMIL"]
