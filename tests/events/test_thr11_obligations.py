"""Obligations said of another party are demands (thr11, own words, rules alone): "has to",
"needs to", "ought to" as "must"; not one's own resolve, nor "will have to" (a forecast of
what one is forced to), nor a judgement ("has to be")."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _requests(coder: Coder, text: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source[0].country if e.source else None, e.target[0].country if e.target else None)
        for e in coder.code(text).events
        if e.type == "REQUEST" and not e.negated
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "addressed"),
    [
        ("Peru said Bolivia ought to reopen the border crossing.", "PER", "BOL"),
        ("Japan said China has to release the detained businessman.", "JPN", "CHN"),
        ("Kenya said Somalia needs to stop the militia raids.", "KEN", "SOM"),
    ],
)
def test_obligation_of_another_is_a_demand(
    rules_alone: Coder, text: str, speaker: str, addressed: str
) -> None:
    assert (speaker, addressed) in _requests(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "We have to protect our fishermen, the Peruvian minister said.",
        "Japan said China will have to release the businessman eventually.",
        "Kenya said the agreement has to be ratified by parliament.",
    ],
)
def test_no_demand(rules_alone: Coder, text: str) -> None:
    assert not _requests(rules_alone, text)
