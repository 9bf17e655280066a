"""The learned trigger head (newsgraph.events.head): shipped weights, offline coding,
the loader's errors, and a rebuild from ../shared that scores like the shipped weights."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_weightsfile import rebuilds_alike, refused

from newsgraph.events.coder import Coder
from newsgraph.events.head import EventHead, load_head
from newsgraph.events.head.model import NONE, WEIGHTS, load_weights
from newsgraph.events.lexicon import PLOVER_TYPES


def test_shipped_weights_load_and_are_small() -> None:
    w = load_weights()
    assert w.classes[0] == NONE and set(w.classes[1:]) == set(PLOVER_TYPES)
    assert w.weights.shape == (len(w.features), len(w.classes))
    assert set(w.thresholds) >= {"drop", "retype", "add"}
    assert WEIGHTS.stat().st_size < 5 * 2**20
    assert "scores" in w.meta and w.meta["data"].startswith("plover_news_dev.jsonl")
    assert (WEIGHTS.parent / "MODEL_CARD.md").exists()


def test_the_head_codes_a_sentence_offline(no_network: None, coder: Coder) -> None:
    head = load_head(coder.lexicon, coder.speech)  # loaded with no network
    assert head.weights is not None
    seen: dict[str, list[float]] = {}

    def watch(span: Any, ids: list[int], rows: list[list[str]]) -> None:
        probs = head.weights.probabilities(rows)  # type: ignore[union-attr]
        column = head.weights.classes.index("COERCE")  # type: ignore[union-attr]
        seen.update({span.doc[i].text: [float(probs[n, column])] for n, i in enumerate(ids)})

    head.observer = watch
    rules = Coder(resolver=coder.resolver, head=False)
    saved, coder.head = coder.head, head
    try:
        text = "Police in Cairo detained dozens of opposition activists on Friday."
        events = coder.code(text).events
        assert [(e.type, [a.code for a in e.source], [a.code for a in e.target])
                for e in events] == [("COERCE", ["EGYCOP"], ["EGYOPP"])]  # fmt: skip
        # its confidence is the head's belief in the type at its trigger
        assert events[0].confidence == round(max(0.05, min(0.95, seen["detained"][0])), 2)
        # the head can add events the rules miss, their arguments read by the rules (at
        # an adding threshold of 0.3; the shipped one is chosen by the training script)
        head.weights = replace(head.weights, thresholds={**head.weights.thresholds, "add": 0.3})  # type: ignore[type-var]
        added = []
        for text, type_ in [
            ("The Pakistani army evacuated villagers from the border area.", "AID"),
            ("Egypt opened the Rafah crossing for the wounded.", "AID"),
            ("Sweden let Danish police officers work in Malmo.", "RETREAT"),
            ("Chad opened its border for the Sudanese wounded.", "AID"),
        ]:
            if type_ in {e.type for e in coder.code(text).events} - {
                e.type for e in rules.code(text).events
            }:
                added.append(type_)
        assert added
    finally:
        coder.head = saved


def test_the_head_can_be_switched_off(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, head=False)
    assert rules.head is None
    assert rules.code("Turkey and Russia held talks in Moscow on Tuesday.").events


def _write(path: Path, **override: Any) -> Path:
    arrays: dict[str, Any] = {
        "features": ["bias", "l=attack"],
        "weights": np.zeros((2, 3), dtype=np.float32),
        "bias": np.zeros(3, dtype=np.float32),
        "classes": [NONE, "ASSAULT", "AGREE"],
        "lemmas": ["attack"],
        "thresholds": {"drop": 0.9, "retype": 0.8, "add": 0.6},
    }
    arrays.update(override)
    np.savez(  # as save_weights writes them, without its conversions
        path,
        features=np.array(arrays["features"], dtype=str),
        weights=arrays["weights"],
        bias=arrays["bias"],
        classes=np.array(arrays["classes"], dtype=str),
        lemmas=np.array(arrays["lemmas"]),
        thresholds=np.array(json.dumps(arrays["thresholds"])),
        meta=np.array(json.dumps({"data": "test"})),
    )
    return path


def test_a_good_small_file_loads_and_scores(tmp_path: Path) -> None:
    weights = np.zeros((2, 3), dtype=np.float32)
    weights[1, 1] = 5.0
    w = load_weights(_write(tmp_path / "w.npz", weights=weights))
    p = w.probabilities([["bias", "l=attack", "unseen"], ["bias"]])
    assert p.shape == (2, 3) and np.allclose(p.sum(axis=1), 1.0)
    assert p[0].argmax() == 1 and np.allclose(p[1], 1 / 3)
    q = w.probabilities([["unseen"], ["l=attack"], []])  # rows with no known feature
    assert np.allclose(q[0], 1 / 3) and q[1].argmax() == 1 and np.allclose(q[2], 1 / 3)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"classes": ["ASSAULT", NONE, "AGREE"]}, "must be NONE then PLOVER types"),
        ({"classes": [NONE, "ASSAULT", "FIGHT"]}, "must be NONE then PLOVER types"),
        ({"weights": np.zeros((3, 3), dtype=np.float32)}, "expected float32 (2 features"),
        ({"weights": np.zeros((2, 3), dtype=np.float64)}, "expected float32"),
        ({"bias": np.zeros(2, dtype=np.float32)}, "bias is"),
        ({"weights": np.full((2, 3), np.nan, dtype=np.float32)}, "NaN"),
        ({"features": ["bias", "bias"]}, "appears twice"),
        ({"lemmas": [1, 2]}, "expected a list of strings"),
        ({"thresholds": {"drop": 0.9, "retype": 1.5, "add": 0.6}}, "each in [0, 1]"),
        ({"thresholds": {"drop": 0.9}}, "need ['drop', 'retype', 'add']"),
    ],
)
def test_a_malformed_file_says_what_is_wrong(
    tmp_path: Path, override: dict[str, Any], message: str
) -> None:
    bad = _write(tmp_path / "bad.npz", **override)
    refused(load_weights, bad, message, "train_event_head.py")


@pytest.mark.slow
def test_the_training_script_rebuilds_weights_that_score_like_the_shipped(
    tmp_path: Path,
) -> None:
    meta = load_weights().meta
    rebuilds_alike("train_event_head", load_weights, WEIGHTS, tmp_path / "weights.npz",
                   classes=bool(meta.get("cameo_classes")),
                   articles=bool(meta.get("article_documents")))  # fmt: skip


def test_an_unseen_verb_of_a_known_class_is_coded_by_the_head(coder: Coder) -> None:
    """A verb neither in the rule lexicon nor a trigger in training, with a CAMEO class
    (cameo_verbs.tsv), is asked about and coded by the head when its class adds are on;
    with the old candidate set (the lexicon and the triggers of training) it is never
    asked about.  The training script turns class adds on only where words of a class,
    shown to it as unseen, are typed right often enough (``UNSEEN_PRECISION``); the
    shipped weights meet that bar only at 0.9 (53 of 62), where this verb is not added,
    so the mechanism is tried here at 0.85, a threshold that met it before."""
    text = "Armed settlers whipped a Palestinian farmer near Hebron on Tuesday."
    shipped = load_head(coder.lexicon, coder.speech)
    assert shipped.weights is not None
    w = replace(shipped.weights, thresholds={**shipped.weights.thresholds, "add_class": 0.85})
    head = EventHead(w, coder.lexicon, coder.speech)
    head.classes = shipped.classes
    learned = frozenset(w.meta["trigger_lemmas"])
    assert "whip" not in coder.lexicon.triggers and "whip" not in learned
    assert "whip" in head.class_only and head.classes[("whip", "")].type == "ASSAULT"
    rules = Coder(resolver=coder.resolver, head=False)
    assert "ASSAULT" not in {e.type for e in rules.code(text).events}
    old = EventHead(replace(w, lemmas=frozenset(coder.lexicon.triggers) | learned),
                    coder.lexicon, coder.speech)  # fmt: skip
    saved = coder.head
    try:
        coder.head = head
        events = [e for e in coder.code(text).events if e.type == "ASSAULT"]
        assert events and [a.code[:3] for a in events[0].target] == ["PSE"]
        coder.head = old
        assert "ASSAULT" not in {e.type for e in coder.code(text).events}
    finally:
        coder.head = saved
