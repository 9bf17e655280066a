"""The one weights-file format of the coder's learned parts (events/weightsfile.py): what
both the trigger head's and the linker's loaders say of a file that is not one."""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.head.model import load_weights as load_head
from newsgraph.events.linker import load_weights as load_linker

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "gold" / "plover_news_dev.jsonl"  # the rebuild tests skip without it
LOADERS: list[tuple[Callable[[Path], Any], str]] = [
    (load_head, "train_event_head.py"),
    (load_linker, "train_linker.py"),
]


def training_script(name: str) -> Any:
    """``scripts/<name>.py`` as a module (the weights' rebuild tests call its ``train``)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("load", "script"), LOADERS)
def test_a_missing_array_or_a_broken_file_is_named(
    tmp_path: Path, load: Callable[[Path], Any], script: str
) -> None:
    partial = tmp_path / "partial.npz"
    np.savez(partial, features=np.array(["bias"]))
    with pytest.raises(DataFileError, match="missing arrays") as err:
        load(partial)
    assert "partial.npz" in str(err.value) and script in str(err.value)
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip file at all")
    with pytest.raises(DataFileError, match=r"not a readable \.npz"):
        load(broken)
    with pytest.raises(DataFileError, match="no such file"):
        load(tmp_path / "absent.npz")


def refused(load: Callable[[Path], Any], path: Path, message: str, script: str) -> None:
    """``load`` refuses ``path`` saying ``message``, the file and its rebuilding script."""
    with pytest.raises(DataFileError, match=path.name.replace(".", r"\.")) as err:
        load(path)
    assert message in str(err.value) and script in str(err.value)


def scores_alike(script: Any, shipped: Path, rebuilt: Path, note: str = "") -> None:
    """The weights ``rebuilt`` by ``script`` score within 0.01 of the ``shipped`` ones,
    measure by measure, on both parts of the development set."""
    before, again = script.score_weights(shipped), script.score_weights(rebuilt)
    for part, scores in before.items():
        for measure, value in scores.items():
            assert abs(again[part][measure] - value) <= 0.01, (
                f"{part} {measure}: rebuilt {again[part][measure]} vs shipped {value}{note}"
            )


def rebuilds_alike(
    name: str, load: Callable[..., Any], shipped: Path, out: Path, **fit: Any
) -> None:
    """``scripts/<name>.py`` fits weights again with the shipped thresholds (the full
    threshold search is the script's own run), writes them to ``out``, and they score
    like the ``shipped`` ones (``scores_alike``); skipped without the development set."""
    if not DEV.exists():
        pytest.skip(f"no development set at {DEV} (../shared is not beside this clone)")
    script = training_script(name)
    thresholds = load().thresholds
    rebuilt = script.train(write=True, out=out, quiet=True, thresholds=thresholds, **fit)
    assert load(out).thresholds == thresholds
    scores_alike(script, shipped, out, f"; {json.dumps(rebuilt['scores'])}")
