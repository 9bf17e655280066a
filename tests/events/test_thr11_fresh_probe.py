"""thr11 fresh probe (own words, written after the change and not used to tune it; rules
alone): threats by a hostile act kept open, readied, unhesitating or told as a penalty;
plans and visits as intent; obligations said of another; and near misses (refusals,
questions with a modal, forecasts, a private hope, a resolve of our own, a routine, an act
one was forced to, a sports fixture)."""

from __future__ import annotations

import pytest
from scoring import check_probe

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        (
            "The Sri Lankan navy said it would arrest Indian trawlers that crossed the maritime line.",
            "THREATEN",
            "LKA",
        ),
        ("Egypt refused to rule out military strikes on the Ethiopian dam.", "THREATEN", "EGY"),
        (
            "Warsaw said Minsk will face consequences for pushing migrants across the border.",
            "THREATEN",
            "POL",
        ),
        ("The Burmese junta said it would not hesitate to crush the uprising.", "THREATEN", "MMR"),
        (
            "Iraqi militias said they were ready to attack American forces in Syria.",
            "THREATEN",
            "IRQ",
        ),
        ("Canada is going to impose sanctions on Haitian gang leaders.", "THREATEN", "CAN"),
        ("Lithuania threatened to close its border crossings with Belarus.", "THREATEN", "LTU"),
        (
            "The Bolivian president warned that the army would evict the squatters.",
            "THREATEN",
            "BOL",
        ),
        (
            "Oman is going to host a new round of talks between Iran and the United States.",
            "AGREE",
            "OMN",
        ),
        ("Indonesia said it was prepared to send peacekeepers to Gaza.", "AGREE", "IDN"),
        ("Ecuador pledged to return the seized embassy documents to Mexico.", "AGREE", "ECU"),
        ("Angola offered to mediate between Congo and Rwanda.", "AGREE", "AGO"),
        ("The Sudanese army said it would release the captured militia fighters.", "AGREE", "SDN"),
        ("Cuba is ready to resume migration talks with Washington.", "AGREE", "CUB"),
        ("France said Mali has to hold elections by February.", "REQUEST", "FRA"),
        ("Germany said Serbia needs to recognise Kosovo.", "REQUEST", "DEU"),
        ("The Arab League said Israel has to stop the settlement expansion.", "REQUEST", None),
        (
            "The Indian foreign minister said Pakistan must end cross-border terrorism.",
            "REQUEST",
            "IND",
        ),
        ("Chile said it would not send its navy to the disputed waters.", None, None),
        ("Kazakhstan ruled out joining the sanctions against Russia.", None, None),
        ("Should NATO deploy troops to Ukraine?", None, None),
        ("Could Seoul cut ties with Pyongyang?", None, None),
        ("Analysts said Turkey would face a currency crisis next year.", None, None),
        ("Bankers expect the Fed to raise rates again.", None, None),
        ("A pensioner in Lisbon hopes to visit Brazil next summer.", None, None),
        ("We have to protect our farmers, the Irish minister said.", None, None),
        ("The Libyan coast guard routinely intercepts migrant boats.", None, None),
        ("The team will face Brazil in the final on Sunday.", None, None),
    ],
)
def test_fresh_probe(rules_alone: Coder, text: str, type_: str | None, actor: str | None) -> None:
    """``type_`` is coded (by ``actor`` when given); None: no event at all."""
    check_probe(rules_alone, text, type_, actor)
