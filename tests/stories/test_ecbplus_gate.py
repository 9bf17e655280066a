"""The stories gate: ECB+ documents about pairs of similar events, told by several outlets.

The set stays in ../shared (or $NEWSGRAPH_SHARED); this test skips with the reason where
it is absent.  Only the scored part (topics 3 mod 4, see newsgraph.stories.ecbplus) is
ingested here, through the real pipeline, and its stories scored against the gold events
with the floors of tests/floors/stories_ecbplus.json; ``scripts/score_stories.py`` prints
the fit part beside it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.ingest import ingest
from newsgraph.stories import ecbplus

FLOORS = Path(__file__).resolve().parents[1] / "floors" / "stories_ecbplus.json"


def test_split_is_fixed_by_topic() -> None:
    assert ecbplus.part_of("1-ecb") == ecbplus.part_of("1-ecbplus") == "fit"
    assert ecbplus.part_of("3-ecbplus") == ecbplus.part_of("43-ecb") == "scored"
    assert ecbplus.part_of("45-ecb") == "fit"


def test_scored_part_meets_the_floors() -> None:
    path = ecbplus.default_path()
    if not path.is_file():
        pytest.skip(f"no ECB+ development set at {path} (../shared is not beside this clone)")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    sub = ecbplus.score("scored", ingest)["subtopic"]
    measured = f"P {sub.precision:.3f} R {sub.recall:.3f} F1 {sub.f1:.3f}"
    assert sub.f1 >= floors["f1"], measured
    assert sub.precision >= floors["precision"], measured
    assert sub.recall >= floors["recall"], measured
