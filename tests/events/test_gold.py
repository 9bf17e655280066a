"""Event-coding accuracy on the sentence gold set (tests/data/events_gold.jsonl).

Micro precision and recall of (actor country, PLOVER type, recipient country)
triples; an international organisation counts as its own code, a missing actor
or recipient as None; meetings and joint acts (CONSULT, COOPERATE) are compared
as unordered pairs.  Negated and hypothetical events are events too (flagged),
so they count.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scoring import event_triples, gold_triples, micro

from newsgraph.events.coder import Coder

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "events_gold.jsonl"
FLOORS = json.loads((ROOT / "tests" / "floors" / "events_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["coder", "selective_coder"])
def scored(request: pytest.FixtureRequest) -> tuple[float, float, int, int, int]:
    """Both parse paths (``parse="full"`` and ``"selective"``) are held to the floors."""
    coder: Coder = request.getfixturevalue(request.param)
    text = GOLD.read_text(encoding="utf-8")
    rows: list[dict[str, Any]] = [json.loads(line) for line in text.splitlines() if line.strip()]
    codings = coder.code_many((r["text"], r.get("published")) for r in rows)
    return micro(
        (event_triples(c.events), gold_triples(r["events"]))
        for r, c in zip(rows, codings, strict=True)
    )


def test_precision(scored: tuple[float, float, int, int, int]) -> None:
    precision = scored[0]
    assert precision >= FLOORS["precision"]["floor"], (
        f"precision {precision:.3f} ({scored[2]}/{scored[3]})"
    )


def test_recall(scored: tuple[float, float, int, int, int]) -> None:
    recall = scored[1]
    assert recall >= FLOORS["recall"]["floor"], f"recall {recall:.3f} ({scored[2]}/{scored[4]})"


@pytest.mark.parametrize("flag", ["negated", "hypothetical"])
def test_flags_on_the_gold_set(coder: Coder, flag: str) -> None:
    """Share of gold sentences with a negated (hypothetical) event of a type that the
    coder codes with that flag."""
    rows = [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    flagged = [r for r in rows if any(e[flag] for e in r["events"])]
    assert flagged, f"the gold set has {flag} events"
    hits = 0
    for r, c in zip(
        flagged, coder.code_many((r["text"], r.get("published")) for r in flagged), strict=True
    ):
        wanted = {e["type"] for e in r["events"] if e[flag]}
        hits += any(getattr(e, flag) and e.type in wanted for e in c.events)
    assert hits / len(flagged) >= FLOORS[flag]["floor"], f"{flag}: {hits}/{len(flagged)}"
