"""The head's weights: a multinomial logistic regression over feature strings.

One ``.npz`` file (``data/events/head/weights.npz``), read with numpy alone, no
pickle:

* ``features``: the feature strings, one per row of ``weights``;
* ``weights``: float32, rows x classes; ``bias``: float32, one per class;
* ``classes``: ``NONE`` then PLOVER types (a subset is allowed);
* ``lemmas``: the lemmas that were triggers in training, those of the rule lexicon and
  (with ``cameo_classes`` in meta) the words of the CAMEO verb classes: only tokens with
  one of them (or that the rules matched) are asked about; meta ``trigger_lemmas`` lists
  the triggers of training;
* ``thresholds``: JSON text, the decision thresholds chosen by cross-validation
  (``drop``, ``retype``, ``add``, ...);
* ``meta``: JSON text (training data, date, scores), for the model card.

A malformed file raises ``DataFileError`` naming the file and what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..lexicon import PLOVER_TYPES
from ..weightsfile import WeightsFile

HEAD_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "events" / "head"
WEIGHTS = HEAD_DIR / "weights.npz"
NONE = "NONE"
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


FORMAT = WeightsFile(own=("classes", "lemmas"), thresholds=THRESHOLDS,
                     script="scripts/train_event_head.py")  # fmt: skip


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
    FORMAT.save(path, features, weights, bias, thresholds, meta,
                classes=np.array(list(classes), dtype=str),
                lemmas=np.array(sorted(lemmas), dtype=str))  # fmt: skip


def _classes(path: Path, arrays: dict[str, np.ndarray]) -> int:
    lemmas = arrays["lemmas"]
    if lemmas.ndim != 1 or lemmas.dtype.kind != "U":
        raise FORMAT.fail(path, f"lemmas are {lemmas.dtype} {lemmas.shape}; "
                          "expected a list of strings")  # fmt: skip
    classes = tuple(str(c) for c in arrays["classes"].tolist())
    if not classes or classes[0] != NONE or not set(classes[1:]) <= set(PLOVER_TYPES):
        raise FORMAT.fail(path, f"classes {classes} must be {NONE} then PLOVER types")
    return len(classes)


def load_weights(path: Path = WEIGHTS) -> HeadWeights:
    """Read and validate a weights file."""
    read = FORMAT.load(path, lambda arrays: _classes(path, arrays))
    return HeadWeights(
        features=read.features,
        weights=read.weights,
        bias=read.bias,
        classes=tuple(str(c) for c in read.arrays["classes"].tolist()),
        thresholds=read.thresholds,
        lemmas=frozenset(str(x) for x in read.arrays["lemmas"].tolist()),
        meta=read.meta,
    )
