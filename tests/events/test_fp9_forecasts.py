"""Acts that are only foreseen or conditioned are no events (issue 11, precision).

- A writer's forecast: a passive verb of expectation ("is expected to meet", "are
  predicted to sign") or an adjective of likelihood ("is likely to visit", "seem
  certain to accept") says what the writer foresees, not what the subject did or
  announced (ANNOTATION.md: a journalist's prediction is not an event), and so does an
  active verb of expectation with another's act ("analysts expect Ghana to sign").  One's
  own expectation ("Ghana expects to sign") is one's intent and stays.
- An act that "would" come only after another ("must disarm before Paris would lift the
  embargo") is the other's condition, and so is what a condition's verb agrees or
  wants to do ("unless the army agrees to release them").

Every sentence is written for the test; the rules alone are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Uruguay is widely expected to support the resolution at the UN.", "AGREE"),
        ("The Peruvian leader is expected to meet his Chilean counterpart next week.", "AGREE"),
        ("Kazakhstan and Kyrgyzstan are likely to sign a border deal next month, analysts "
         "say.", "SUPPORT"),
        ("Analysts say the Kenyan president is likely to visit Uganda in March.", "CONSULT"),
        ("Talks between Armenia and Azerbaijan are expected to resume in Vienna.", "CONSULT"),
        ("Bolivia is predicted to impose new export tariffs on Chilean goods.", "THREATEN"),
        ("Few expect the Cuban government to agree to the demands.", "AGREE"),
        ("Analysts expect Ghana to sign the deal with Nigeria next month.", "AGREE"),
    ],
)  # fmt: skip
def test_forecast_is_no_event(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Ghana expects to sign a trade deal with Nigeria next month.", "AGREE"),
        ("The Peruvian leader will meet his Chilean counterpart next week.", "AGREE"),
        ("The Kenyan president visited Uganda on Tuesday.", "CONSULT"),
    ],
)  # fmt: skip
def test_intent_and_act_stay(rules: Coder, text: str, present: str) -> None:
    assert present in types(rules, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Kenyan president said Somalia must drop its maritime claims before Nairobi "
         "would receive its leader.", "AGREE"),
        ("A French envoy warned that Tehran has to stop enriching uranium first, before "
         "Paris would back easing the trade embargo.", "RETREAT"),
        ("A French envoy warned that Tehran has to stop enriching uranium first, before "
         "Paris would back easing the trade embargo.", "AGREE"),
    ],
)  # fmt: skip
def test_act_after_a_condition(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish army will stay in the town unless the Kurdish militia agrees to release "
        "the captured soldiers.",
        "The rebels said they would keep fighting until the junta agreed to free all political "
        "prisoners.",
    ],
)
def test_what_a_condition_agrees_to_is_conditioned(rules: Coder, text: str) -> None:
    assert "AGREE" not in types(rules, text)


def test_demand_before_the_condition_stays(rules: Coder) -> None:
    text = ("The Kenyan president said Somalia must drop its maritime claims before Nairobi "
            "would receive its leader.")  # fmt: skip
    assert "REQUEST" in types(rules, text)
