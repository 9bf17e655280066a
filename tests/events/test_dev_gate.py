"""The accuracy gate on news written by others: the PLOVER development set in ../shared.

Scores the coder on both parts of ``../shared/gold/plover_news_dev.jsonl`` (train: the
part the rules and the learned head may be fitted on; held-out: scored only) with the
measures of ``newsgraph.events.score`` (the project's scorer), and holds each to its
floor in ``tests/floors/events_dev.json``.  A plain clone has no ../shared: the gate
skips with the reason; CI has it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsgraph.events.coder import Coder
from newsgraph.events.score import Scores, load_gold, prediction, score_parts

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "gold" / "plover_news_dev.jsonl"
FLOORS: dict[str, Any] = json.loads(
    (ROOT / "tests" / "floors" / "events_dev.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def parts(coder: Coder) -> dict[str, Scores]:
    if not DEV.exists():
        pytest.skip(f"no development set at {DEV} (../shared is not beside this clone)")
    records = load_gold(DEV)
    codings = coder.code_many(((r["text"], None) for r in records), batch_size=16)
    preds = {
        str(r["id"]): [prediction(e) for e in c.events]
        for r, c in zip(records, codings, strict=True)
    }
    return score_parts(records, preds)


@pytest.mark.parametrize("part", ["train", "heldout"])
@pytest.mark.parametrize(
    "measure",
    ["type_recall", "type_precision", "triple_recall", "five_class",
     "detection_recall", "detection_precision", "actor_precision", "actor_recall",
     "recipient_precision", "recipient_recall"],
)  # fmt: skip
def test_dev_set_floor(parts: dict[str, Scores], part: str, measure: str) -> None:
    floor = FLOORS[part][measure]["floor"]
    got = getattr(parts[part], measure)
    assert got >= floor, f"{part} {measure} {got:.3f} below its floor {floor}"


def test_both_parts_are_scored(parts: dict[str, Scores]) -> None:
    assert parts["train"].sentences > parts["heldout"].sentences > 300


@pytest.mark.parametrize(
    "measure",
    [
        "type_recall",
        "type_precision",
        "triple_recall",
        pytest.param(
            "five_class",
            marks=pytest.mark.xfail(
                strict=True,
                reason="issue 11's 5-class target is not reached (held-out 0.701 against 0.72); "
                "when it is, this case passes and strict xfail fails: pin it then",
            ),
        ),
    ],
)
def test_heldout_reaches_the_issue_target(parts: dict[str, Scores], measure: str) -> None:
    target = FLOORS["targets"]["heldout"][measure]
    got = getattr(parts["heldout"], measure)
    assert got >= target, f"held-out {measure} {got:.3f} below the target {target}"
