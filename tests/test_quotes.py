"""Quotations with their speakers and introducing verbs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "events"))

from fakes import FakeResolver

from newsgraph.events.coder import Coder
from newsgraph.records import Quote


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(resolver=FakeResolver())


def _quotes(coder: Coder, text: str) -> list[Quote]:
    coding = coder.code(text)
    for q in coding.quotes:
        assert text[q.start : q.end].strip() == q.text
    return list(coding.quotes)


def test_quote_then_speaker(coder: Coder) -> None:
    [q] = _quotes(coder, '"There is no reason to object," Turkey said on Monday.')
    assert q.text == "There is no reason to object,"
    assert q.verb == "said"
    assert q.speaker is not None and q.speaker.code == "TUR"


def test_curly_quotes_and_unknown_person_keeps_the_name(coder: Coder) -> None:
    [q] = _quotes(
        coder, "“This would not foster stability in the region,” Lukashevich told reporters."
    )
    assert q.verb == "told"
    assert q.speaker is not None and q.speaker.text == "Lukashevich" and q.speaker.code is None


def test_inverted_said_x(coder: Coder) -> None:
    text = '"We believe the missiles will change the balance," said Saudi Foreign Minister Adel al-Jubeir.'
    [q] = _quotes(coder, text)
    assert q.verb == "said"
    assert q.speaker is not None and q.speaker.code == "SAU"


def test_speaker_before_the_quote(coder: Coder) -> None:
    [q] = _quotes(coder, 'Russia said: "The militarization of the border is an alarming signal."')
    assert q.speaker is not None and q.speaker.code == "RUS"
    assert q.sentence_index == 0


def test_a_following_quote_continues_the_speaker(coder: Coder) -> None:
    text = '"The militarization is an alarming signal," Russia said. "Our advice is something else entirely."'
    first, second = _quotes(coder, text)
    assert second.speaker == first.speaker and second.verb == "said"
    assert second.sentence_index == 1


def test_scare_quotes_are_not_quotations(coder: Coder) -> None:
    assert _quotes(coder, "Syria accused Turkey of “crimes” in Aleppo.") == []


def test_first_person_inside_a_quote_is_the_speaker(coder: Coder) -> None:
    coding = coder.code(
        "“For our part, we could provide Syria with food and medicine,” Russia said."
    )
    aid = [e for e in coding.events if e.type == "AID"]
    assert aid and aid[0].source[0].code == "RUS" and aid[0].hypothetical
    assert aid[0].reported and aid[0].speaker is not None and aid[0].speaker.code == "RUS"
