"""The spans sentences that train the linker (scripts/spansets.py): read back into text,
split like the dev set, near-duplicates of held-out sentences left out (invented text)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

ROWS = """Meanwhile O
, O
the B-S
Freedonian I-S
navy I-S
shelled O
Sylvania B-T
's O
coast O
. O

Freedonia B-S
recalled O
its O
envoy O
from O
Sylvania B-T
. O

Sylvania B-S
expelled O
three O
Freedonian B-T
diplomats I-T
on O
Monday O
. O

Sylvania B-S
expelled O
three O
Freedonian B-T
diplomats I-T
on O
Friday O
. O
"""


@pytest.fixture()
def spansets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    sys.path.insert(0, str(SCRIPTS))
    module = importlib.import_module("spansets")
    path = tmp_path / "spans.txt"
    path.write_text(ROWS, encoding="utf-8")
    monkeypatch.setattr(module, "SPANS", path)
    return module


def test_tokens_join_back_into_text_and_spans(spansets: Any) -> None:
    first = spansets.read_spans()[0]
    assert first.text == "Meanwhile, the Freedonian navy shelled Sylvania's coast."
    assert first.spans("S") == ["the Freedonian navy"]
    assert first.spans("T") == ["Sylvania"]


def test_extra_sentences_leave_out_held_out_ones_and_their_near_duplicates(spansets: Any) -> None:
    records = [
        {"id": "a", "split": "train", "text": "Freedonia recalled its envoy from Sylvania."},
        {"id": "b", "split": "heldout",
         "text": "Sylvania expelled three Freedonian diplomats on Monday."},
    ]  # fmt: skip
    extra, dropped = spansets.extra(records)
    # the recall is a train sentence, the Monday expulsion the held-out one (both matched,
    # so not extra), the Friday one nearly the held-out one (dropped)
    assert [s.text for s, _ in extra] == [
        "Meanwhile, the Freedonian navy shelled Sylvania's coast."
    ]
    assert dropped == 1


def test_a_near_duplicate_of_a_train_sentence_keeps_its_fold(spansets: Any) -> None:
    records = [
        {"id": "t1", "split": "train",
         "text": "Sylvania expelled three Freedonian diplomats on Tuesday."},
    ]  # fmt: skip
    extra, dropped = spansets.extra(records)
    twins = {s.text: twin for s, twin in extra}
    assert twins["Sylvania expelled three Freedonian diplomats on Monday."] == "t1"
    assert twins["Meanwhile, the Freedonian navy shelled Sylvania's coast."] is None
    assert dropped == 0
