"""A document released is published, not freed or handed over: "released a statement",
"a report released by the institute" are no RETREAT or AID; releasing people or aid
still is.  Sentences written for this test."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder

PUBLISHED = [
    "The senator released a statement on the Iranian deal.",
    "Russia sold most of the arms Armenia bought, according to a report released by Sweden.",
    "The French ministry released its annual report on Algeria.",
]
HANDED = [
    ("Iran released two French citizens.", "RETREAT"),
    ("The EU released aid to Greece.", "AID"),
]


@pytest.fixture(scope="module", params=["rules", "shipped"])
def either(request: pytest.FixtureRequest, coder: Coder, rules: Coder) -> Coder:
    return rules if request.param == "rules" else coder


@pytest.mark.parametrize("text", PUBLISHED)
def test_a_document_released_is_published(either: Coder, text: str) -> None:
    released = [e for e in either.code(text).events if e.trigger.lower() == "released"]
    assert not released, [(e.type, e.trigger) for e in released]


@pytest.mark.parametrize(("text", "type_"), HANDED)
def test_people_and_aid_released_still_are(either: Coder, text: str, type_: str) -> None:
    assert type_ in {e.type for e in either.code(text).events}
