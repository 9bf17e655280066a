"""A trigger's object constraint reads the objects it shares: a verb coordinated
before another shares its object ("accepted and implemented the demands", "rejected
and dismissed the proposal").  Sentences written for this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

SHARED = [
    ("Kenya accepted and implemented the demands of the protesters.", "CONCEDE"),
    ("Ukraine welcomed and accepted the offer of mediation from Turkey.", "AGREE"),
]  # fmt: skip


@pytest.fixture(scope="module", params=["rules", "shipped"])
def either(request: pytest.FixtureRequest, coder: Coder, rules: Coder) -> Coder:
    return rules if request.param == "rules" else coder


@pytest.mark.parametrize(("text", "type_"), SHARED)
def test_shared_objects_satisfy_the_constraint(either: Coder, text: str, type_: str) -> None:
    assert type_ in {e.type for e in either.code(text).events}
