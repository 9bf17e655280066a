"""The conventions of ANNOTATION.md on acts not (yet) done and on worry, applied to whole
families of words: a refusal that is a deed (boycott, veto, defiance) announced is a
THREATEN; an intent said with a noun ("its commitment to support", "its readiness to
help") is an AGREE; concern for someone's welfare is sympathy, not an ACCUSE.

Sentences written for this test; each is coded with the rules alone and with the
shipped coder."""

from __future__ import annotations

import pytest

from newsgraph.events import Coder
from newsgraph.events.modality import Modality, announced

ANNOUNCED_DEEDS = [
    "Russia will boycott the summit in Paris.",
    "Russia will veto any resolution against Syria.",
    "The opposition said it would defy the curfew imposed by the government of Mali.",
]
DONE_DEEDS = [
    ("Poland boycotted the summit with Russia.", "REJECT"),
    ("Russia vetoed the French resolution on Syria.", "REJECT"),
]
INTENT_NOUNS = [
    "Nigeria reiterated its commitment to support the police of Niger.",
    "Germany expressed its readiness to help Greece.",
]
SYMPATHY = [
    "Guinea expressed concern for President Buhari's health.",
    "Saudi Arabia expressed concern about the fate of a journalist who vanished in Turkey.",
    "France voiced concern over the safety of its citizens in Mali.",
]
DISAPPROVAL = [
    ("Germany expressed concern about Turkey's arrests of journalists.", "TUR"),
    ("Canada expressed concern about the violence in Haiti.", "HTI"),
]


@pytest.fixture(scope="module", params=["rules", "shipped"])
def either(request: pytest.FixtureRequest, coder: Coder, rules: Coder) -> Coder:
    return rules if request.param == "rules" else coder


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


def test_deed_of_refusal_announced_is_a_threat() -> None:
    future = Modality(negated=False, hypothetical=False, intended=True, future=True)
    coded = announced("REJECT", "125", future, False, lemma="boycott")
    assert (coded.type, coded.cameo, coded.retyped) == ("THREATEN", "1312", True)
    # a refusal in words stays one, announced or not ("will reject any mediation")
    assert announced("REJECT", "126", future, False, lemma="reject").type == "REJECT"


@pytest.mark.parametrize(
    ("cameo", "threat"),
    [("191", "1381"), ("192", "1382"), ("1823", "1383"), ("194", "1384"), ("172", "132")],
)
def test_announced_force_takes_the_matching_threat_code(cameo: str, threat: str) -> None:
    """CAMEO 138x: a blockade, an occupation, unconventional or conventional force."""
    future = Modality(negated=False, hypothetical=False, intended=True, future=True)
    type_ = "COERCE" if cameo in ("191", "192", "172") else "ASSAULT"
    assert announced(type_, cameo, future, False).cameo == threat


@pytest.mark.parametrize("text", ANNOUNCED_DEEDS)
def test_announced_boycott_veto_defiance(either: Coder, text: str) -> None:
    types = _types(either, text)
    assert "THREATEN" in types and "REJECT" not in types


@pytest.mark.parametrize(("text", "type_"), DONE_DEEDS)
def test_done_boycott_veto_stay_rejections(either: Coder, text: str, type_: str) -> None:
    assert type_ in _types(either, text)


@pytest.mark.parametrize("text", INTENT_NOUNS)
def test_intent_said_with_a_noun_is_agree(either: Coder, text: str) -> None:
    types = _types(either, text)
    assert "AGREE" in types and not types & {"SUPPORT", "AID"}


@pytest.mark.parametrize("text", SYMPATHY)
def test_concern_for_welfare_is_no_accusation(either: Coder, text: str) -> None:
    assert "ACCUSE" not in _types(either, text)


@pytest.mark.parametrize(("text", "recipient"), DISAPPROVAL)
def test_concern_about_acts_is_an_accusation(either: Coder, text: str, recipient: str) -> None:
    accuse = [e for e in either.code(text).events if e.type == "ACCUSE"]
    assert accuse and recipient in {a.country for a in accuse[0].target}
