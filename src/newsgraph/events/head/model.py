"""The head's weights: a multinomial logistic regression over feature strings.

One ``.npz`` file (``data/events/head/weights.npz``), read with numpy alone, no
pickle:

* ``features``: the feature strings, one per row of ``weights``;
* ``weights``: float32, rows x classes; ``bias``: float32, one per class;
* ``classes``: ``NONE`` then PLOVER types (a subset is allowed);
* ``lemmas``: the lemmas that were triggers in training: only tokens with one of them
  (or that the rules matched) are asked about;
* ``thresholds``: JSON text, the decision thresholds chosen by cross-validation
  (``drop``, ``retype``, ``add``, ...);
* ``meta``: JSON text (training data, date, scores), for the model card.

A malformed file raises ``DataFileError`` naming the file and what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import DataFileError
from ..lexicon import PLOVER_TYPES

HEAD_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "events" / "head"
WEIGHTS = HEAD_DIR / "weights.npz"
NONE = "NONE"
KEYS = ("features", "weights", "bias", "classes", "lemmas", "thresholds", "meta")
THRESHOLDS = ("drop", "retype", "add")


@dataclass(frozen=True)
class HeadWeights:
    """Loaded weights; ``probabilities`` scores feature lists."""

    features: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    classes: tuple[str, ...]
    thresholds: dict[str, float]
    lemmas: frozenset[str] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """Class probabilities (rows x classes) of each token's feature strings."""
        index = self.features
        ids: list[int] = []
        starts: list[int] = []
        empty = False
        for feats in rows:
            starts.append(len(ids))
            ids.extend(i for f in feats if (i := index.get(f)) is not None)
            empty = empty or len(ids) == starts[-1]
        if not ids:
            scores = np.tile(self.bias, (len(rows), 1))
        elif not empty:  # the usual case: one reduction over the rows' weight rows
            scores = np.add.reduceat(self.weights[ids], starts, axis=0) + self.bias
        else:  # a row with no known feature keeps the bias alone
            at = np.array(starts)
            full = np.diff(np.append(at, len(ids))) > 0
            scores = np.tile(self.bias, (len(rows), 1))
            scores[full] += np.add.reduceat(self.weights[ids], at[full], axis=0)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


def save_weights(
    path: Path,
    features: Sequence[str],
    weights: np.ndarray,
    bias: np.ndarray,
    classes: Sequence[str],
    lemmas: Sequence[str],
    thresholds: dict[str, float],
    meta: dict[str, Any],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        np.savez_compressed(
            fh,
            features=np.array(list(features), dtype=str),
            weights=np.asarray(weights, dtype=np.float32),
            bias=np.asarray(bias, dtype=np.float32),
            classes=np.array(list(classes), dtype=str),
            lemmas=np.array(sorted(lemmas), dtype=str),
            thresholds=np.array(json.dumps(thresholds, sort_keys=True)),
            meta=np.array(json.dumps(meta, sort_keys=True)),
        )


def _fail(path: Path, problem: str) -> DataFileError:
    return DataFileError(
        f"{path.name}: {problem}; rebuild it with `python scripts/train_event_head.py`"
    )


def load_weights(path: Path = WEIGHTS) -> HeadWeights:
    """Read and validate a weights file."""
    try:
        with np.load(path, allow_pickle=False) as data:
            missing = [k for k in KEYS if k not in data.files]
            if missing:
                raise _fail(path, f"missing arrays {missing}; expected {list(KEYS)}")
            arrays = {k: data[k] for k in KEYS}
    except DataFileError:
        raise
    except FileNotFoundError as exc:
        raise _fail(path, "no such file") from exc
    except (OSError, ValueError) as exc:
        raise _fail(path, f"not a readable .npz file ({exc})") from exc
    features = [str(f) for f in arrays["features"].tolist()]
    classes = tuple(str(c) for c in arrays["classes"].tolist())
    weights, bias = arrays["weights"], arrays["bias"]
    if arrays["lemmas"].ndim != 1 or arrays["lemmas"].dtype.kind != "U":
        raise _fail(path, f"lemmas are {arrays['lemmas'].dtype} {arrays['lemmas'].shape}; "
                    "expected a list of strings")  # fmt: skip
    if not classes or classes[0] != NONE or not set(classes[1:]) <= set(PLOVER_TYPES):
        raise _fail(path, f"classes {classes} must be {NONE} then PLOVER types")
    if weights.dtype != np.float32 or weights.shape != (len(features), len(classes)):
        raise _fail(
            path,
            f"weights are {weights.dtype} {weights.shape}; expected float32 "
            f"({len(features)} features, {len(classes)} classes)",
        )
    if bias.dtype != np.float32 or bias.shape != (len(classes),):
        raise _fail(path, f"bias is {bias.dtype} {bias.shape}; expected ({len(classes)},)")
    if not np.isfinite(weights).all() or not np.isfinite(bias).all():
        raise _fail(path, "weights hold a NaN or infinity")
    if len(set(features)) != len(features):
        raise _fail(path, "a feature string appears twice")
    try:
        thresholds = json.loads(str(arrays["thresholds"]))
        meta = json.loads(str(arrays["meta"]))
    except ValueError as exc:
        raise _fail(path, f"thresholds or meta are not JSON ({exc})") from exc
    if not isinstance(thresholds, dict) or any(
        not isinstance(thresholds.get(k), int | float) or not 0 <= thresholds[k] <= 1
        for k in THRESHOLDS
    ):
        raise _fail(path, f"thresholds {thresholds} need {list(THRESHOLDS)}, each in [0, 1]")
    return HeadWeights(
        features={f: i for i, f in enumerate(features)},
        weights=weights,
        bias=bias,
        classes=classes,
        thresholds={str(k): float(v) for k, v in thresholds.items()},
        lemmas=frozenset(str(x) for x in arrays["lemmas"].tolist()),
        meta=meta if isinstance(meta, dict) else {},
    )
