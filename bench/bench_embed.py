"""Sentence encoder runtimes for story clustering, and the clusterer's cost per article.

    python bench/bench_embed.py [--quick]

Table 1 compares runtimes of all-MiniLM-L6-v2 (packaged weights) on the story test
corpus: speed in sentences/s, agreement with the torch reference (mean and minimum
cosine between the two embeddings of each text; for a model in another space, the
Pearson correlation of the pairwise similarities), and the B-cubed F1 of story
clustering with each (at the default threshold, and the best on a grid).  The
ONNX file and the model2vec model are built from the packaged weights into a
temporary folder unless they exist already; nothing is downloaded.

Table 2 measures the clusterer alone (a stub encoder): milliseconds per article
when adding 1,000 articles to stores of growing size.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.stories.bcubed import bcubed  # noqa: E402
from newsgraph.stories.cluster import (  # noqa: E402
    ClusterOptions,
    StoryClusterer,
    StoryInput,
    split_sentences,
)
from newsgraph.stories.embed import (  # noqa: E402
    Encoder,
    OnnxEncoder,
    TorchEncoder,
    build_onnx,
    default_int8_path,
    default_onnx_path,
    packaged_model_dir,
    quantize_onnx,
)

CORPUS = ROOT / "tests" / "data" / "stories" / "corpus.jsonl"
GRID = [round(t, 2) for t in np.arange(0.30, 0.80, 0.05)]


def corpus() -> tuple[list[StoryInput], dict[str, str]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rows.sort(key=lambda r: (r["published"] or "9999", r["id"]))
    items = [
        StoryInput(
            article_id=r["id"],
            title=r["title"],
            lead=r["lead"],
            published=r["published"],
            outlet=r["outlet"],
            actors=frozenset(r["actors"]),
            event_types=frozenset(r["event_types"]),
        )
        for r in rows
    ]
    return items, {r["id"]: r["event"] for r in rows}


class StaticEncoder:
    """model2vec static embeddings distilled from the packaged MiniLM (bench only)."""

    dim = 256

    def __init__(self, path: Path) -> None:
        from model2vec import StaticModel

        self.name = "all-MiniLM-L6-v2/model2vec"
        self._model = StaticModel.from_pretrained(str(path))

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        rows = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def build_static(dest: Path) -> Path:
    os.environ["HF_HUB_OFFLINE"] = "1"
    from model2vec.distill import distill

    distill(model_name=str(packaged_model_dir()), pca_dims=256).save_pretrained(str(dest))
    return dest


def build_int8(source: Path, dest: Path) -> Path:
    """The int8 file ``make venv`` builds beside ``source``, or a fresh one at ``dest``."""
    if default_int8_path(source).is_file():
        return default_int8_path(source)
    return quantize_onnx(source, dest)


def speed(encoder: Encoder, texts: list[str], rounds: int) -> float:
    encoder.encode(texts)  # warm up: the first call of a shape compiles kernels
    start = time.perf_counter()
    for _ in range(rounds):
        encoder.encode(texts)
    return rounds * len(texts) / (time.perf_counter() - start)


def agreement(ref: NDArray[np.float32], other: NDArray[np.float32]) -> tuple[float, float, str]:
    if ref.shape == other.shape:
        cos = np.sum(ref * other, axis=1)
        return float(cos.mean()), float(cos.min()), "cosine"
    iu = np.triu_indices(len(ref), 1)
    r = np.corrcoef((ref @ ref.T)[iu], (other @ other.T)[iu])[0, 1]
    return float(r), float("nan"), "pairwise-sim r"


def clustering(
    encoder: Encoder, items: list[StoryInput], gold: dict[str, str], **options: Any
) -> dict[float, float]:
    cache: dict[str, NDArray[np.float32]] = {}

    class Cached:
        name, dim = encoder.name, encoder.dim

        def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
            missing = [t for t in texts if t not in cache]
            if missing:
                cache.update(zip(missing, encoder.encode(missing), strict=True))
            return np.stack([cache[t] for t in texts])

    scores = {}
    for threshold in GRID:
        clusterer = StoryClusterer(Cached(), ClusterOptions(threshold=threshold, **options))
        scores[threshold] = bcubed(clusterer.add(items), gold).f1
    return scores


def plateau(scores: dict[float, float], floor: float = 0.9) -> str:
    good = [t for t, f in scores.items() if f >= floor]
    return f"{min(good):.2f}-{max(good):.2f}" if good else "none"


def table_runtimes(quick: bool) -> None:
    items, gold = corpus()
    texts = [f"{it.title}. {it.lead}" for it in items]
    texts += [s for it in items for s in split_sentences(it.lead)]
    rounds = 1 if quick else 3
    work = Path(tempfile.mkdtemp(prefix="bench-embed-"))
    onnx_path = (
        default_onnx_path() if default_onnx_path().is_file() else build_onnx(work / "m.onnx")
    )
    makers: list[tuple[str, Callable[[], Encoder]]] = [
        ("torch (sentence-transformers)", lambda: TorchEncoder()),
        ("onnxruntime fp32", lambda: OnnxEncoder(onnx_path)),
        (
            "onnxruntime int8 (per-channel)",
            lambda: OnnxEncoder(build_int8(onnx_path, work / "q-int8.onnx")),
        ),
        ("model2vec static (256 d)", lambda: StaticEncoder(build_static(work / "m2v"))),
    ]
    default = ClusterOptions()
    print(f"{len(texts)} texts (corpus titles+leads and lead sentences), {rounds} round(s)\n")
    print(
        "| runtime | sentences/s | agreement with torch | F1 default | best F1 (t) | F1>=0.9 for t in | F1 no actors/types |"
    )
    print("|---|---|---|---|---|---|---|")
    ref: NDArray[np.float32] | None = None
    for label, make in makers:
        try:
            encoder = make()
        except ImportError as exc:  # model2vec[distill] and onnx are bench-only extras
            print(f"| {label} | not installed: {exc} | | | | | |")
            continue
        rate = speed(encoder, texts, rounds)
        vecs = encoder.encode(texts)
        ref = vecs if ref is None else ref
        mean, low, kind = agreement(ref, vecs)
        agree = f"{kind} {mean:.4f}" + ("" if np.isnan(low) else f" (min {low:.4f})")
        scores = clustering(encoder, items, gold)
        bare = clustering(encoder, items, gold, actor_weight=0.0, event_weight=0.0)
        best = max(scores, key=lambda t: (scores[t], -abs(t - default.threshold)))
        print(
            f"| {label} | {rate:,.0f} | {agree} | {scores[default.threshold]:.3f} | "
            f"{scores[best]:.3f} ({best:.2f}) | {plateau(scores)} | "
            f"{max(bare.values()):.3f} ({plateau(bare)}) |"
        )


class StubEncoder:
    """Random unit vectors: every article opens its own story (worst case for the index)."""

    name, dim = "stub", 384

    def __init__(self) -> None:
        self._rng = np.random.default_rng(7)

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        rows = self._rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def stub_batch(n: int, offset: int, per_day: float, dated: bool) -> list[StoryInput]:
    start = np.datetime64("2022-01-01")
    return [
        StoryInput(
            article_id=f"a{offset + i}",
            title="t",
            lead="One sentence.",
            published=str(start + int((offset + i) / per_day)) if dated else None,
            outlet="o",
        )
        for i in range(n)
    ]


def table_scaling(quick: bool) -> None:
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000]
    per_day = 50.0  # new stories a day: the cost follows this density, not the store's size
    print(f"\nstub encoder, {per_day:.0f} new stories a day, window 7 days")
    print("| stories in store | ms per article (1,000 dated) | ms per article (1,000 undated) |")
    print("|---|---|---|")
    for size in sizes:
        clusterer = StoryClusterer(StubEncoder())
        for start in range(0, size, 5_000):
            clusterer.add(stub_batch(min(5_000, size - start), start, per_day, True))
        timings = []
        for offset, dated in ((size, True), (size + 1_000, False)):
            begin = time.perf_counter()
            clusterer.add(stub_batch(1_000, offset, per_day, dated))
            timings.append((time.perf_counter() - begin) * 1000 / 1_000)
        print(f"| {size:,} | {timings[0]:.2f} | {timings[1]:.2f} |")


def run(quick: bool = False) -> str:
    """The section for BENCHMARKS.md (see bench/__main__.py)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        table_runtimes(quick)
        table_scaling(quick)
    choice = (
        'Chosen: **onnxruntime int8 (per-channel)**, the default (`story_encoder = "auto"`: '
        "int8 ONNX, else float ONNX, else torch). It keeps torch's clustering quality (same F1 "
        "and the same good-threshold range) at several times the float runtimes' speed and "
        "needs no torch at run time; the static model2vec encoder is far faster but loses "
        "F1 at the default threshold, so it is not offered.\n\n"
    )
    return (
        "## Sentence encoder for stories (torch vs lighter runtimes)\n\n" + choice + out.getvalue()
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round, smaller stores")
    args = parser.parse_args(argv)
    table_runtimes(args.quick)
    table_scaling(args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
