"""An event noun in a clause of its own ("as the militias started the killing", "after
the Taliban launched an offensive") is an act of that clause's subject, not a part of
the main clause's act: it is not folded into it.  Sentences written for this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

CLAUSES = [
    ("The UN chief withdrew the peacekeepers from Rwanda as the Hutu militias started the "
     "killing.", "ASSAULT", "RWA"),
    ("Canada closed its embassy in Kabul after the Taliban launched an offensive.", "ASSAULT",
     "AFG"),
]  # fmt: skip


@pytest.fixture(scope="module", params=["rules", "shipped"])
def either(request: pytest.FixtureRequest, coder: Coder, rules: Coder) -> Coder:
    return rules if request.param == "rules" else coder


@pytest.mark.parametrize(("text", "type_", "actor"), CLAUSES)
def test_act_of_a_subordinate_clause_stays(
    either: Coder, text: str, type_: str, actor: str
) -> None:
    events = either.code(text).events
    found = [e for e in events if e.type == type_]
    assert found, [(e.type, e.trigger) for e in events]
    assert actor in {a.country for a in found[0].source}
    assert len({e.type for e in events}) == 2  # and the main clause's act
