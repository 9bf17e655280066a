"""A group with no country of its own is the party its participle says keeps, funds or
sends it (issue 11, link7): "aid workers employed by the UNHCR", "charities run by" an
armed group, "refugees sent by Australia"; not a party that acts on it ("civilians
displaced by the fighting").

Sentences written for these tests; the rules alone (no linker) are tested."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules_only(coder: Coder) -> Coder:
    return Coder(resolver=coder.resolver, linker=False)


def _targets(coder: Coder, text: str, type_: str) -> list[set[str | None]]:
    return [{a.country or a.org or a.code for a in e.target}
            for e in coder.code(text).events if e.type == type_]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "type_", "party"),
    [
        ("Sudan expelled twenty aid workers employed by the UNHCR.", "SANCTION", "UNHCR"),
        ("The Philippines will not accept refugees sent by Australia.", "REJECT", "AUS"),
        ("The Pakistan government seized control of the charities run by the banned outfit "
         "Jaish-e-Mohammed.", "COERCE", "PAK"),
        ("Turkey shelled militias backed by Iran.", "ASSAULT", "IRN"),
    ],
)  # fmt: skip
def test_the_party_that_keeps_the_group(rules_only: Coder, text: str, type_: str, party: str
                                        ) -> None:  # fmt: skip
    got = _targets(rules_only, text, type_)
    assert got and any(party in t for t in got), got


def test_not_a_party_that_acts_on_the_group(rules_only: Coder) -> None:
    got = _targets(rules_only, "Turkey shelled civilians displaced by Syrian troops.", "ASSAULT")
    assert not any("SYR" in t for t in got), got
