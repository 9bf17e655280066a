"""The sentence encoders: packaged all-MiniLM-L6-v2 under torch and under onnxruntime."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsgraph.errors import ConfigError
from newsgraph.stories.embed import (
    MAX_PARALLEL,
    Encoder,
    OnnxEncoder,
    build_onnx,
    cached_encoder,
    default_int8_path,
    default_onnx_path,
    load_encoder,
    packaged_model_dir,
    quantize_onnx,
)

CORPUS = Path(__file__).resolve().parent.parent / "data" / "stories" / "corpus.jsonl"


def corpus_texts() -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [f"{r['title']}. {r['lead']}" for r in rows]


@pytest.fixture(scope="session")
def torch_encoder() -> Encoder:
    pytest.importorskip("torch")
    pytest.importorskip("sentence_transformers")
    return cached_encoder("torch")


@pytest.fixture(scope="session")
def onnx_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if default_onnx_path().is_file():
        return default_onnx_path()
    pytest.importorskip("torch")
    return build_onnx(tmp_path_factory.mktemp("encoder") / "minilm.onnx")


def test_packaged_model_is_there() -> None:
    folder = packaged_model_dir()
    assert (folder / "model.safetensors").is_file()
    assert (folder / "tokenizer.json").is_file()


def test_torch_rows_are_unit_length_and_meaningful(torch_encoder: Encoder) -> None:
    vecs = torch_encoder.encode(
        [
            "A strong earthquake killed dozens of people in southern Peru.",
            "Dozens died when a powerful quake struck the south of Peru.",
            "India and Britain signed a free trade agreement cutting tariffs on whisky.",
        ]
    )
    assert vecs.shape == (3, 384)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert vecs[0] @ vecs[1] > 0.8
    assert vecs[0] @ vecs[2] < 0.3
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


def test_empty_input_gives_no_rows(torch_encoder: Encoder, onnx_path: Path) -> None:
    assert torch_encoder.encode([]).shape == (0, 384)
    assert OnnxEncoder(onnx_path).encode([]).shape == (0, 384)


def test_onnx_agrees_with_torch(torch_encoder: Encoder, onnx_path: Path) -> None:
    texts = [*corpus_texts()[::3], "short", " ".join(["word"] * 400)]  # one past 256 tokens
    onnx = OnnxEncoder(onnx_path, batch_size=8)
    a, b = torch_encoder.encode(texts), onnx.encode(texts)
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(a * b, axis=1))) > 0.9999


@pytest.fixture(scope="session")
def int8_path(onnx_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if default_int8_path(onnx_path).is_file():
        return default_int8_path(onnx_path)
    return quantize_onnx(onnx_path, tmp_path_factory.mktemp("int8") / "minilm-int8.onnx")


def test_int8_agrees_with_the_float_model(onnx_path: Path, int8_path: Path) -> None:
    texts = corpus_texts()
    a = OnnxEncoder(onnx_path).encode(texts)
    b = OnnxEncoder(int8_path).encode(texts)
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(a * b, axis=1)
    assert float(cosines.mean()) > 0.985 and float(cosines.min()) > 0.97  # 0.994 / 0.991
    same = (a @ a.T > 0.6) == (b @ b.T > 0.6)  # the pairs a threshold keeps together
    assert float(same.mean()) > 0.99


def test_auto_takes_the_int8_file_then_the_float_one(
    onnx_path: Path, int8_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / "m.onnx").symlink_to(onnx_path)
    encoder = load_encoder("auto", folder / "m.onnx")
    assert isinstance(encoder, OnnxEncoder) and encoder.name.endswith("/onnx")
    (folder / "m-int8.onnx").symlink_to(int8_path)
    assert default_int8_path(folder / "m.onnx") == folder / "m-int8.onnx"
    encoder = load_encoder("auto", folder / "m.onnx")
    assert isinstance(encoder, OnnxEncoder) and encoder.name.endswith("/onnx-int8")
    assert load_encoder("onnx", folder / "m.onnx").name.endswith("/onnx")
    assert load_encoder("int8", folder / "m.onnx").name.endswith("/onnx-int8")


def test_quantising_needs_the_float_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="build it first"):
        quantize_onnx(tmp_path / "absent.onnx")


def test_missing_onnx_file_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"newsgraph\.stories\.embed build"):
        OnnxEncoder(tmp_path / "absent.onnx")


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ConfigError, match="auto, onnx, int8 or torch"):
        load_encoder("tensorflow")  # type: ignore[arg-type]


class _Recorder:
    """A session stand-in that runs the real one and notes the thread of each run."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.threads: set[int] = set()
        self.widths: list[int] = []

    def run(self, names: Any, feeds: dict[str, Any]) -> Any:
        self.threads.add(threading.get_ident())
        self.widths.append(feeds["input_ids"].shape[0])
        return self.session.run(names, feeds)


def test_texts_run_at_once_give_the_same_vectors_bit_for_bit(int8_path: Path) -> None:
    texts = [*corpus_texts(), "short", " ".join(["word"] * 400)]
    serial = OnnxEncoder(int8_path, parallel=1)
    alone = serial.encode(texts)
    at_once = OnnxEncoder(int8_path, parallel=3)
    recorder = _Recorder(at_once._session)
    at_once._session = recorder  # type: ignore[assignment]
    together = at_once.encode(texts)
    assert np.array_equal(alone, together)  # not merely close: the same bits
    assert len(recorder.threads) > 1 and set(recorder.widths) == {1}  # one text per run
    assert np.array_equal(together[5:9], at_once.encode(texts[5:9]))  # nor on its neighbours


def test_texts_at_once_defaults_to_the_cores_and_refuses_zero(
    int8_path: Path, tmp_path: Path
) -> None:
    assert OnnxEncoder(int8_path).parallel == min(len(os.sched_getaffinity(0)), MAX_PARALLEL)
    with pytest.raises(ConfigError, match="parallel is 0"):
        OnnxEncoder(int8_path, parallel=0)
    (tmp_path / "m-int8.onnx").symlink_to(int8_path)
    encoder = load_encoder("int8", tmp_path / "m.onnx", parallel=2)
    assert isinstance(encoder, OnnxEncoder) and encoder.parallel == 2
    assert isinstance(load_encoder("auto", tmp_path / "m.onnx"), OnnxEncoder)
