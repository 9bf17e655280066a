"""An event noun that is the subject of its clause takes its parties from a "between"
phrase the parser hung on the verb ("clashes erupted between the army and the rebels",
"talks resumed between Kosovo and Serbia").  Sentences written for the test; rules
alone."""

from __future__ import annotations

import pytest
from scoring import country

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


def _parties(rules: Coder, text: str, type_: str) -> list[set[str | None]]:
    return [{country(a) for a in (*e.source, *e.target)} for e in rules.code(text).events
            if e.type == type_]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "type_", "parties"),
    [
        ("Negotiations resumed between Eritrea and Djibouti in Nairobi.", "CONSULT",
         {"ERI", "DJI"}),
        ("Clashes broke out between Kyrgyz and Tajik border guards.", "ASSAULT",
         {"KGZ", "TJK"}),
    ],
)  # fmt: skip
def test_the_parties_between_whom_it_happens(
    rules: Coder, text: str, type_: str, parties: set[str]
) -> None:
    assert parties in _parties(rules, text, type_)
