"""The linker's weights: two logistic regressions (actor, recipient) over feature strings.

One ``.npz`` file (``data/events/linker.npz``), read with numpy alone, no pickle:
``features`` (one per row of ``weights``), ``weights`` (float32, features x roles),
``bias`` (float32, one per role), ``roles`` (``actor``, ``recipient``), ``thresholds``
(JSON: ``fill``, ``swap``, ``margin``, ``actor``) and ``meta`` (JSON: training data,
scores, for the model card).  A malformed file raises ``DataFileError`` naming the file
and what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import DataFileError

LINKER_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "events"
WEIGHTS = LINKER_DIR / "linker.npz"
ROLES = ("actor", "recipient")
KEYS = ("features", "weights", "bias", "roles", "thresholds", "meta")
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


def save_weights(
    path: Path,
    features: Sequence[str],
    weights: np.ndarray,
    bias: np.ndarray,
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
            roles=np.array(list(ROLES), dtype=str),
            thresholds=np.array(json.dumps(thresholds, sort_keys=True)),
            meta=np.array(json.dumps(meta, sort_keys=True)),
        )


def _fail(path: Path, problem: str) -> DataFileError:
    return DataFileError(
        f"{path.name}: {problem}; rebuild it with `python scripts/train_linker.py`"
    )


def load_weights(path: Path = WEIGHTS) -> LinkerWeights:
    """Read and validate a linker weights file."""
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
    roles = tuple(str(r) for r in arrays["roles"].tolist())
    weights, bias = arrays["weights"], arrays["bias"]
    if roles != ROLES:
        raise _fail(path, f"roles {roles}; expected {ROLES}")
    if weights.dtype != np.float32 or weights.shape != (len(features), len(ROLES)):
        raise _fail(path, f"weights are {weights.dtype} {weights.shape}; expected float32 "
                    f"({len(features)} features, {len(ROLES)} roles)")  # fmt: skip
    if bias.dtype != np.float32 or bias.shape != (len(ROLES),):
        raise _fail(path, f"bias is {bias.dtype} {bias.shape}; expected ({len(ROLES)},)")
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
    return LinkerWeights(
        features={f: i for i, f in enumerate(features)},
        weights=weights,
        bias=bias,
        thresholds={str(k): float(v) for k, v in thresholds.items()},
        meta=meta if isinstance(meta, dict) else {},
    )
