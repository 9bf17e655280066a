"""Story clustering at scale: time and memory at 10k, 30k and 100k articles.

    python -m bench stories [--quick]

Inputs are generated from tests/data/stories/corpus.jsonl (73 invented articles about
28 events): copy k of each event is placed on its own day of one year (so about
N / 365 articles a day, the load of a year of news), its articles keep their offsets
in days from the event's first article, and each title and summary sentence is
marked with the copy number.

Encoding is measured with the real encoder (``cached_encoder("auto")``, the int8 ONNX
file that ``make venv`` builds) on 1,000 generated articles, one text each (title +
lead, as the clusterer embeds them).  In the same process, on a smaller sample, the
old way as a baseline: the float model on the article text and up to 4 lead
sentences each.  The int8 model's agreement with the float one (cosine) and the
B-cubed F1 of each on the corpus are measured here too.

At scale a stub encoder returns the precomputed vector of the original article plus a
random direction shared by the articles of one copy of one event (weight 2.5), so
that copies of an event are as far apart as different events and the story
structure of the corpus is kept: B-cubed F1 against the generated events is a sanity
check.  Clustering times exclude the stub's own time.

"Add 1,000" is one ingest run's story work on a store of N articles: load the state
file saved after the first N (``StoryClusterer.load``), cluster 1,000 new articles
(each scored against the articles of its time window with its identity record, read
here from its title and lead; the touched components re-grouped), write the story
rows they touch into a DuckDB store whose story tables hold N articles, and save the
state (an appended delta).  End to end adds the measured encoding of 1,000 articles.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import psutil
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.stories.bcubed import bcubed  # noqa: E402
from newsgraph.stories.cluster import (  # noqa: E402
    ClusterOptions,
    StoryClusterer,
    StoryInput,
    article_text,
    split_sentences,
)
from newsgraph.stories.embed import Encoder, OnnxEncoder, cached_encoder, default_onnx_path  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "stories" / "corpus.jsonl"
_MARK = re.compile(r" \[(\d+)\]")
CHARS = ClusterOptions().text_chars


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


class _Clock:
    """Wall and CPU seconds of this process (the CPU figure holds on a busy machine)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def _rss() -> float:
    return psutil.Process().memory_info().rss / 2**20


def _input(r: dict[str, Any], k: int | None = None, day: str | None = None) -> StoryInput:
    mark = "" if k is None else f" [{k}]"
    sentences = split_sentences(r["lead"])[:4]
    return StoryInput(
        article_id=r["id"] + ("" if k is None else f"#{k}"),
        title=f"{r['title'].strip()}{mark}",
        lead=r["lead"],
        published=r["published"] if k is None else day,
        outlet=r["outlet"],
        actors=frozenset(r["actors"]),
        event_types=frozenset(r["event_types"]),
        sentences=tuple(f"{s}{mark}" for s in sentences),
    )


def generate(rows: list[dict[str, Any]], n: int) -> tuple[list[StoryInput], dict[str, str]]:
    """``n`` inputs in date order, and their gold event labels."""
    dated = [r for r in rows if r["published"]]
    first = {
        e: min(date.fromisoformat(r["published"]) for r in dated if r["event"] == e)
        for e in {r["event"] for r in dated}
    }
    start = date(2030, 1, 1)
    items: list[tuple[str, StoryInput]] = []
    gold: dict[str, str] = {}
    for k in range(-(-n // len(dated))):
        for r in dated:
            if len(items) >= n:
                break
            seed = int(hashlib.sha1(f"{k}/{r['event']}".encode()).hexdigest()[:8], 16)
            offset = date.fromisoformat(r["published"]) - first[r["event"]]
            day = (start + timedelta(days=seed % 365) + offset).isoformat()
            item = _input(r, k, day)
            items.append((day, item))
            gold[item.article_id] = f"{r['event']}#{k}"
    items.sort(key=lambda x: (x[0], x[1].article_id))
    return [it for _, it in items], gold


class _Stub:
    """Precomputed vectors of the originals (by title) + a direction per (copy, event)."""

    def __init__(self, rows: list[dict[str, Any]], vectors: NDArray[np.float32], dim: int) -> None:
        self.name, self.dim = "all-MiniLM-L6-v2/stub", dim
        self.by_title = {
            r["title"].strip(): (v, r["event"]) for r, v in zip(rows, vectors, strict=True)
        }
        self.directions: dict[tuple[int, str], NDArray[np.float32]] = {}
        self.seconds = 0.0

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        started = time.perf_counter()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            m = _MARK.search(text)
            assert m is not None, text
            vec, event = self.by_title[text[: m.start()]]
            key = (int(m.group(1)), event)
            if key not in self.directions:
                seed = int(hashlib.sha1(repr(key).encode()).hexdigest()[:8], 16)
                d = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
                self.directions[key] = d / np.linalg.norm(d)
            v = vec + 2.5 * self.directions[key]
            out[i] = v / np.linalg.norm(v)
        self.seconds += time.perf_counter() - started
        return out


def _encoding(rows: list[dict[str, Any]], encoder: Encoder, quick: bool) -> dict[str, Any]:
    """The real encoder on 1,000 generated articles; the old way on a sample, as baseline."""
    items, _ = generate(rows, 1000)
    texts = [article_text(it, CHARS) for it in items]
    encoder.encode(texts[:64])  # warm up
    clock = _Clock()
    vectors = encoder.encode(texts)
    wall, cpu = clock.stop()
    out: dict[str, Any] = {"wall": wall, "cpu": cpu, "n": len(texts)}
    if isinstance(encoder, OnnxEncoder):
        out["parallel"] = encoder.parallel
        serial = OnnxEncoder(encoder.path, parallel=1)  # one text at a time: the same vectors
        serial.encode(texts[:64])
        clock = _Clock()
        alone = serial.encode(texts)
        out["serial"] = clock.stop()
        out["same"] = np.array_equal(alone, vectors)
        every = OnnxEncoder(encoder.path, threads=None, parallel=1)  # onnxruntime's threads
        every.encode(texts[:64])
        clock = _Clock()
        every.encode(texts)
        out["all_threads"] = clock.stop()
    out["tokens"] = float(np.mean([len(t.split()) for t in texts]))
    if default_onnx_path().is_file():
        old = OnnxEncoder(default_onnx_path())
        sample = items[: 100 if quick else 250]
        old_texts = [f"{it.title.strip()}. {it.lead.strip()}" for it in sample]
        old_texts += [s for it in sample for s in it.sentences]
        old.encode(old_texts[:64])
        clock = _Clock()
        old.encode(old_texts)
        old_wall, old_cpu = clock.stop()
        out["old_wall"], out["old_cpu"] = (
            old_wall / len(sample) * 1000,
            old_cpu / len(sample) * 1000,
        )
        float_vecs = old.encode(texts[:300])
        int8_vecs = encoder.encode(texts[:300])
        cos = np.sum(float_vecs * int8_vecs, axis=1)
        out["cos_mean"], out["cos_min"] = float(cos.mean()), float(cos.min())
        originals = [
            _input(r) for r in sorted(rows, key=lambda r: (r["published"] or "9999", r["id"]))
        ]
        gold = {r["id"]: r["event"] for r in rows}
        out["f1_float"] = bcubed(StoryClusterer(old).add(originals), gold).f1
        out["f1_int8"] = bcubed(StoryClusterer(encoder).add(originals), gold).f1
    return out


def _store(tmp: Path, placed: dict[str, str]) -> Any:
    """A DuckDB store whose story tables hold these articles."""
    import duckdb

    from newsgraph.store.schema import migrate

    conn = duckdb.connect(str(tmp / "b.duckdb"))
    migrate(conn)
    ids = list(placed)
    conn.execute(
        "INSERT INTO story_articles SELECT unnest(?), unnest(?)", [[placed[a] for a in ids], ids]
    )
    conn.execute(
        "INSERT INTO stories SELECT DISTINCT story_id, 't', NULL, NULL, '', 1, now() FROM story_articles"
    )
    return conn


def _size(stub: _Stub, items: list[StoryInput], gold: dict[str, str], n: int) -> dict[str, Any]:
    """Cluster the first ``n``, save; then one run: load, add 1,000, rows, save."""
    from newsgraph.ingest.after import link_rows
    from newsgraph.store.clustering import write_links, write_stories

    out: dict[str, Any] = {}
    head, tail = items[:n], items[n : n + 1000]
    rss0 = _rss()
    clusterer = StoryClusterer(stub)
    stub.seconds = 0.0
    clock = _Clock()
    placed: dict[str, str] = {}
    for i in range(0, len(head), 1000):
        placed.update(clusterer.add(head[i : i + 1000]))
    wall, cpu = clock.stop()
    out["all_wall"], out["all_cpu"] = wall - stub.seconds, cpu - stub.seconds
    out["rss"] = _rss() - rss0
    out["stories"] = len(clusterer)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        path = tmp / "b.duckdb.stories.state"
        clock = _Clock()
        clusterer.save(path)
        out["full_save"] = clock.stop()[0]
        out["mb"] = path.stat().st_size / 2**20
        conn = _store(tmp, placed)
        del clusterer
        rss1 = _rss()
        clock = _Clock()
        run = StoryClusterer.load(path, stub)
        out["load"] = clock.stop()[0]
        out["load_rss"] = _rss() - rss1
        stub.seconds = 0.0
        clock = _Clock()
        added = run.add(tail)
        wall, cpu = clock.stop()
        out["add"], out["add_cpu"] = wall - stub.seconds, cpu - stub.seconds
        placed.update(added)
        clock = _Clock()
        rows = [
            {
                "story_id": s.story_id,
                "title": s.title,
                "first_date": s.first_date,
                "last_date": s.last_date,
                "article_ids": list(s.article_ids),
                "summary": list(s.summary),
            }
            for s in run.stories(sorted(set(added.values())))
        ]
        write_stories(conn, rows, datetime.now())
        touched = [r["story_id"] for r in rows]
        write_links(conn, touched, link_rows(run, touched))
        out["rows"] = clock.stop()[0]
        out["touched"] = len(rows)
        conn.close()
        before = path.stat().st_size
        clock = _Clock()
        run.save(path)
        out["save"] = clock.stop()[0]
        out["delta_mb"] = (path.stat().st_size - before) / 2**20
    out["f1"] = bcubed(placed, gold).f1
    out["run"] = out["load"] + out["add"] + out["rows"] + out["save"]
    return out


def _catch_up(tmp: Path, n: int) -> float:
    """Seconds of the hook's per-run store reads with ``n`` articles stored and 1,000 new:
    prune dangling rows, ids by date, articles without a story, the new articles'
    inputs and dates (``ingest.after`` ``catch_up`` and ``_cluster``), on a real DuckDB file
    filled with synthetic article rows (best of 3)."""
    from newsgraph.store import Store, articles, clustering

    total = n + 1000
    with Store.open(tmp / f"catchup-{n}.duckdb") as store:
        conn = store.connection
        conn.execute(
            "INSERT INTO articles SELECT 'a' || i, 'p' || i, '/c/' || i || '.txt', NULL, "
            "'Outlet ' || (i % 40), 'Title ' || i, NULL, "
            "strftime(DATE '2020-01-01' + CAST(i / 300 AS INTEGER), '%Y-%m-%d'), 'manifest', NULL, "
            "'en', 'text', repeat('word ', 120), '', md5(i::VARCHAR), NULL, false, 1, now() "
            "FROM range(?) t(i)",
            [total],
        )
        conn.execute(
            "INSERT INTO story_articles SELECT 's' || (i / 3), 'a' || i FROM range(?) t(i)", [n]
        )
        conn.execute(
            "INSERT INTO article_tone SELECT 'a' || i, 0.1, 5, 0.2, 0.1 FROM range(?) t(i)", [n]
        )
        conn.execute("CHECKPOINT")
        new = [f"a{i}" for i in range(n, total)]
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            clustering.prune_dangling(conn)
            clustering.article_ids_by_date(conn, ["en"])
            clustering.articles_without_story(conn)
            clustering.story_inputs(conn, new, 4)
            articles.published_dates(conn, new)
            best = min(best, time.perf_counter() - started)
    return best


def run(quick: bool = False) -> str:
    rows = _rows()
    encoder = cached_encoder("auto")
    enc = _encoding(rows, encoder, quick)
    per_1000 = enc["wall"] / enc["n"] * 1000
    vectors = encoder.encode([article_text(_input(r), CHARS) for r in rows])
    sizes = (2_000, 5_000) if quick else (10_000, 30_000, 100_000)
    items, gold = generate(rows, sizes[-1] + 1000)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "## Story clustering",
        "",
        f"Machine load average at the start (1, 5, 15 min): {load} on {os.cpu_count()} cores "
        "(shared: wall times stretch, CPU times hold).",
        "",
        f"Encoding with the real encoder ({encoder.name}), one text per article (title + lead cut at "
        f"{CHARS} characters, {enc['tokens']:.0f} words on average here), 1,000 generated articles: "
        f"**{enc['wall']:.1f} s wall** ({enc['cpu']:.1f} s CPU)"
        + (
            f", {enc['parallel']} texts at once, each alone on one intra-op thread (the default); "
            f"one at a time: {enc['serial'][0]:.1f} s wall ({enc['serial'][1]:.1f} s CPU; vectors "
            + ("identical bit for bit" if enc["same"] else "DIFFERENT")
            + f"); one text at a time with onnxruntime's intra-op threads on every core: "
            f"{enc['all_threads'][0]:.1f} s wall ({enc['all_threads'][1]:.1f} s CPU)."
            if "serial" in enc
            else "."
        ),
    ]
    if "old_wall" in enc:
        lines += [
            f"Baseline in the same process, the former way (float model, article text and up to 4 lead "
            f"sentences each): {enc['old_wall']:.1f} ms per article wall ({enc['old_cpu']:.1f} ms CPU), "
            f"against {per_1000:.1f} ms now: **{enc['old_wall'] / per_1000:.1f}x** faster.",
            f"int8 against float vectors (300 articles): cosine mean {enc['cos_mean']:.4f}, min "
            f"{enc['cos_min']:.4f}; B-cubed F1 on the 73-article corpus (tests/stories gate, floor 0.9): "
            f"float {enc['f1_float']:.3f}, int8 {enc['f1_int8']:.3f}.",
        ]
    lines += [
        "",
        "Scale runs use precomputed vectors of the same texts (stub encoder, its own time left out); "
        'inputs spread over one year; see bench/bench_stories.py. "One run" = load the state file, '
        "cluster 1,000 new articles, write the story rows they touch, save (append a delta), and "
        "the store reads of the hook.",
        "",
        "| articles | stories | B-cubed F1 | cluster all, wall (CPU) s | RSS growth MiB | state MiB "
        "| full save s | load s | add 1,000 wall (CPU) s | story rows s | save s (delta MiB) "
        "| store reads s | one run s | end to end with encoding s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    results: list[tuple[int, dict[str, Any]]] = []
    scratch = Path(tempfile.mkdtemp(prefix="bench-stories-"))
    for n in sizes:
        stub = _Stub(rows, vectors, encoder.dim)
        r = _size(stub, items, gold, n)
        r["reads"] = _catch_up(scratch, n)
        r["run"] += r["reads"]
        results.append((n, r))
        lines.append(
            f"| {n:,} | {r['stories']:,} | {r['f1']:.3f} | {r['all_wall']:.1f} ({r['all_cpu']:.1f}) | "
            f"{r['rss']:.0f} | {r['mb']:.0f} | {r['full_save']:.2f} | {r['load']:.2f} | {r['add']:.2f} ({r['add_cpu']:.2f}) | "
            f"{r['rows']:.2f} | {r['save']:.2f} ({r['delta_mb']:.1f}) | {r['reads']:.2f} | {r['run']:.2f} | "
            f"**{r['run'] + per_1000:.1f}** |"
        )
    (n0, r0), (n1, r1) = results[0], results[-1]
    store_ratio = n1 / n0
    run_ratio = r1["run"] / r0["run"]
    e2e0, e2e1 = r0["run"] + per_1000, r1["run"] + per_1000
    lines += [
        "",
        f"Growth from {n0:,} to {n1:,} articles ({store_ratio:.0f}x the store): one run's story work "
        f"{r0['run']:.2f} s -> {r1['run']:.2f} s ({run_ratio:.1f}x), end to end {e2e0:.1f} s -> "
        f"{e2e1:.1f} s ({e2e1 / e2e0:.2f}x): "
        + ("no faster than linear" if run_ratio <= store_ratio else "FASTER THAN LINEAR")
        + f". Adding 1,000 articles to a store of {n1:,}: **{e2e1:.1f} s** end to end"
        + (
            f" ({r1['run'] + enc['serial'][0]:.1f} s encoding one text at a time)"
            if "serial" in enc
            else ""
        )
        + (" (target < 10 s: met)." if e2e1 < 10 else " (target < 10 s: NOT met at this load).")
        + f" Its CPU part: encoding {enc['cpu']:.1f} s + clustering {r1['add_cpu']:.2f} s "
        f"(load, story rows, save and store reads: "
        f"{r1['load'] + r1['rows'] + r1['save'] + r1['reads']:.2f} s wall).",
        "Load reads the whole-store arrays (article vectors, date spans, components, stories) and "
        "parses an article's record only when it is scored or shown; the full save is paid once "
        "the appended deltas "
        'outweigh the file (`storystate`). "Store reads" are the hook\'s per-run queries (prune '
        "dangling rows, ids of stored articles by date, articles without a story, the new "
        "articles' inputs and dates) on a DuckDB file holding as many synthetic article rows.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
