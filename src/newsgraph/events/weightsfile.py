"""The weights files of the coder's small learned parts (the trigger head, the linker).

One ``.npz`` each, read with numpy alone (no pickle): ``features`` (one string per row
of ``weights``), ``weights`` (float32, features x outputs), ``bias`` (float32, one per
output), ``thresholds`` and ``meta`` (JSON text: the decision thresholds; training data
and scores for the model card), and the arrays of the part's own (its classes, roles,
lemmas).  A malformed file raises ``DataFileError`` naming the file, what is wrong and
the script that rebuilds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DataFileError

COMMON = ("features", "weights", "bias", "thresholds", "meta")


@dataclass(frozen=True, slots=True)
class Linear:
    """A weights file's contents, checked."""

    features: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: dict[str, float]
    meta: dict[str, Any]
    arrays: dict[str, np.ndarray]  # every array of the file, the part's own among them


@dataclass(frozen=True, slots=True)
class WeightsFile:
    """The format of one part's file: its own arrays, its thresholds (each in [0, 1]) and
    the script that rebuilds it."""

    own: tuple[str, ...]
    thresholds: tuple[str, ...]
    script: str

    def fail(self, path: Path, problem: str) -> DataFileError:
        return DataFileError(f"{path.name}: {problem}; rebuild it with `python {self.script}`")

    def save(
        self,
        path: Path,
        features: Sequence[str],
        weights: np.ndarray,
        bias: np.ndarray,
        thresholds: Mapping[str, float],
        meta: Mapping[str, Any],
        **own: np.ndarray,
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {
            "features": np.array(list(features), dtype=str),
            "weights": np.asarray(weights, dtype=np.float32),
            "bias": np.asarray(bias, dtype=np.float32),
            **own,
            "thresholds": np.array(json.dumps(dict(thresholds), sort_keys=True)),
            "meta": np.array(json.dumps(dict(meta), sort_keys=True)),
        }
        with path.open("wb") as fh:
            np.savez_compressed(fh, **arrays)

    def load(self, path: Path, outputs: Callable[[dict[str, np.ndarray]], int]) -> Linear:
        """Read and check ``path``; ``outputs`` checks the part's own arrays and says how
        many outputs (columns of ``weights``) they give."""
        keys = (*COMMON[:3], *self.own, *COMMON[3:])
        try:
            with np.load(path, allow_pickle=False) as data:
                missing = [k for k in keys if k not in data.files]
                if missing:
                    raise self.fail(path, f"missing arrays {missing}; expected {list(keys)}")
                arrays = {k: data[k] for k in keys}
        except DataFileError:
            raise
        except FileNotFoundError as exc:
            raise self.fail(path, "no such file") from exc
        except (OSError, ValueError) as exc:
            raise self.fail(path, f"not a readable .npz file ({exc})") from exc
        features = [str(f) for f in arrays["features"].tolist()]
        n = outputs(arrays)
        weights, bias = arrays["weights"], arrays["bias"]
        if weights.dtype != np.float32 or weights.shape != (len(features), n):
            raise self.fail(path, f"weights are {weights.dtype} {weights.shape}; expected "
                            f"float32 ({len(features)} features, {n} outputs)")  # fmt: skip
        if bias.dtype != np.float32 or bias.shape != (n,):
            raise self.fail(path, f"bias is {bias.dtype} {bias.shape}; expected ({n},)")
        if not np.isfinite(weights).all() or not np.isfinite(bias).all():
            raise self.fail(path, "weights hold a NaN or infinity")
        if len(set(features)) != len(features):
            raise self.fail(path, "a feature string appears twice")
        try:
            thresholds = json.loads(str(arrays["thresholds"]))
            meta = json.loads(str(arrays["meta"]))
        except ValueError as exc:
            raise self.fail(path, f"thresholds or meta are not JSON ({exc})") from exc
        if not isinstance(thresholds, dict) or any(
            not isinstance(thresholds.get(k), int | float) or not 0 <= thresholds[k] <= 1
            for k in self.thresholds
        ):
            raise self.fail(
                path, f"thresholds {thresholds} need {list(self.thresholds)}, each in [0, 1]"
            )
        return Linear(
            features={f: i for i, f in enumerate(features)},
            weights=weights,
            bias=bias,
            thresholds={str(k): float(v) for k, v in thresholds.items()},
            meta=meta if isinstance(meta, dict) else {},
            arrays=arrays,
        )
