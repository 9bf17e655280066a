"""Acceptance on the sample corpus: the key events of the five seed articles.

Each seed body is what the pipeline would code: the page text normalised and
stripped of furniture by ``clean_text``, coded with the gold publication date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.events.coder import Coder
from newsgraph.extract.text import clean_text
from newsgraph.records import Event
from newsgraph.textnorm import fold_spaces, normalize_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
FLOOR = json.loads((ROOT / "tests" / "floors" / "events_seeds.json").read_text(encoding="utf-8"))


def _country(actor: Any) -> str | None:
    return actor.country or actor.org or None


def matches(gold: dict[str, Any], event: Event) -> bool:
    """Does ``event`` code the gold event (type, actor country, one listed recipient)?"""
    parts = [fold_spaces(p) for p in gold["evidence"].split(" ... ")]
    if not all(p in fold_spaces(event.evidence) for p in parts) or event.type not in gold["types"]:
        return False
    sources = {_country(a) for a in event.source}
    targets = {_country(a) for a in event.target}
    wanted = set(gold["target"])
    if gold.get("reciprocal"):
        both = sources | targets
        return gold["source"] in both and bool(wanted & both)
    if gold["source"] not in sources:
        return False
    if wanted & targets:
        return True
    return None in wanted and (not event.target or None in targets)


@pytest.fixture(scope="module", params=["coder", "selective_coder"])
def coded(
    request: pytest.FixtureRequest, seeds_gold: dict[str, Any]
) -> list[tuple[dict[str, Any], list[Event]]]:
    """The seeds coded by both parse paths (``parse="full"`` and ``"selective"``)."""
    coder: Coder = request.getfixturevalue(request.param)
    articles = seeds_gold["articles"]
    bodies = [
        (
            clean_text(normalize_text((SEEDS / a["file"]).read_text(encoding="utf-8"))).body,
            a["published"],
        )
        for a in articles
    ]
    return [(a, list(c.events)) for a, c in zip(articles, coder.code_many(bodies), strict=True)]


def test_key_events_are_found(coded: list[tuple[dict[str, Any], list[Event]]]) -> None:
    found, missed = 0, []
    for article, events in coded:
        for gold in article["events"]:
            if any(matches(gold, e) for e in events):
                found += 1
            else:
                missed.append(f"{article['file']}: {gold['evidence'][:60]}")
    total = sum(len(a["events"]) for a, _ in coded)
    assert total == 27
    assert found >= FLOOR["floor"], f"{found}/{total} found; missed: {missed}"


def test_no_event_rests_on_forbidden_evidence(
    coded: list[tuple[dict[str, Any], list[Event]]],
) -> None:
    for article, events in coded:
        for forbidden in article.get("forbidden_evidence", []):
            bad = [e.evidence for e in events if fold_spaces(forbidden) in fold_spaces(e.evidence)]
            assert not bad, f"{article['file']}: event on furniture {bad}"


def test_events_carry_dates_and_offsets(coded: list[tuple[dict[str, Any], list[Event]]]) -> None:
    downing = [e for a, events in coded for e in events if e.trigger == "downing"]
    assert downing and downing[0].date == "2015"
    for _, events in coded:
        for e in events:
            assert e.end > e.start and e.evidence
            assert e.date is not None
