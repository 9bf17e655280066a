"""The linker's weights: two logistic regressions (actor, recipient) over feature strings.

One ``.npz`` file (``data/events/linker.npz``), read with numpy alone, no pickle:
``features`` (one per row of ``weights``), ``weights`` (float32, features x roles),
``bias`` (float32, one per role), ``roles`` (``actor``, ``recipient``), ``thresholds``
(JSON: ``fill``, ``swap``, ``margin``, ``actor``) and ``meta`` (JSON: training data,
scores, for the model card).  A malformed file raises ``DataFileError`` naming the file
and what is wrong.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..weightsfile import WeightsFile

LINKER_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "events"
WEIGHTS = LINKER_DIR / "linker.npz"
ROLES = ("actor", "recipient")
THRESHOLDS = ("fill", "swap", "margin", "actor")


@dataclass(frozen=True)
class LinkerWeights:
    """Loaded weights; ``probabilities`` scores feature lists (rows x roles)."""

    features: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    table: dict[str, tuple[float, float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # a feature's two weights as Python floats: a draft has a few candidates of a
        # few dozen features each, summed faster in Python than through numpy calls
        pairs = self.weights.tolist()
        table = {f: (pairs[i][0], pairs[i][1]) for f, i in self.features.items()}
        object.__setattr__(self, "table", table)

    def recipient(self, rows: Sequence[Sequence[str]]) -> list[float]:
        """The recipient probability of each row (the column a filling or swapping
        decision reads), in plain floats: a draft has a few candidates."""
        table, b = self.table, float(self.bias[1])
        out: list[float] = []
        for feats in rows:
            s = b
            for f in feats:
                w = table.get(f)
                if w is not None:
                    s += w[1]
            out.append(1.0 / (1.0 + math.exp(-s)))
        return out

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        table = self.table
        b0, b1 = (float(x) for x in self.bias)
        scores: list[tuple[float, float]] = []
        for feats in rows:
            s0, s1 = b0, b1
            for f in feats:
                w = table.get(f)
                if w is not None:
                    s0 += w[0]
                    s1 += w[1]
            scores.append((s0, s1))
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.array(scores, dtype=np.float64).reshape(-1, 2)))
        return out


FORMAT = WeightsFile(own=("roles",), thresholds=THRESHOLDS, script="scripts/train_linker.py")


# save_weights(path, features, weights, bias, thresholds, meta)
save_weights = functools.partial(FORMAT.save, roles=np.array(list(ROLES), dtype=str))


def _roles(path: Path, arrays: dict[str, np.ndarray]) -> int:
    roles = tuple(str(r) for r in arrays["roles"].tolist())
    if roles != ROLES:
        raise FORMAT.fail(path, f"roles {roles}; expected {ROLES}")
    return len(ROLES)


def load_weights(path: Path = WEIGHTS) -> LinkerWeights:
    """Read and validate a linker weights file."""
    read = FORMAT.load(path, lambda arrays: _roles(path, arrays))
    return LinkerWeights(read.features, read.weights, read.bias, read.thresholds, read.meta)
