"""Story clustering at scale: time and memory at 10k, 30k and 100k articles.

    python -m bench stories [--quick]

Inputs are generated from tests/data/stories/corpus.jsonl (73 invented articles about
28 events): copy k of each event is placed on its own day of one year (so about
N / 365 articles a day, the load of a year of news), its articles keep their offsets
in days from the event's first article, and each title and summary sentence is
marked with the copy number.

Vectors: the real encoder embeds the 73 articles (title + lead) and their lead
sentences once; that sample gives the per-article encoding cost.  At scale a stub
encoder returns the precomputed vector of the text's original plus a random direction
shared by the articles of one copy of one event (weight 2.5), so that copies of an
event are as far apart as different events and the story structure of the corpus is
kept: B-cubed F1 against the generated events is reported as a sanity check.  The
clustering times exclude the stub's own time.

"Add 1,000" is the time to cluster the last 1,000 articles into a clusterer that
holds N - 1,000 already (the target is under 10 s at 100k, and no faster than linear
growth).  The store side at the largest size: writing the story rows of those 1,000
articles into a store whose story tables hold N articles, and saving and loading the
clusterer state (the sidecar ``<db>.stories.npz``, written once per ingest run).
"""

from __future__ import annotations

import hashlib
import io
import json
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
from newsgraph.stories.cluster import StoryClusterer, StoryInput, split_sentences  # noqa: E402
from newsgraph.stories.embed import cached_encoder  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "stories" / "corpus.jsonl"
_MARK = re.compile(r" \[(\d+)\]")


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


class _Stub:
    """Precomputed vectors of the originals + a direction per (copy, event)."""

    def __init__(self, vectors: dict[str, NDArray[np.float32]], events: dict[str, str], dim: int) -> None:
        self.name, self.dim = "all-MiniLM-L6-v2/stub", dim
        self.vectors, self.events = vectors, events
        self.directions: dict[tuple[int, str], NDArray[np.float32]] = {}
        self.seconds = 0.0

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        started = time.perf_counter()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            m = _MARK.search(text)
            copy = int(m.group(1)) if m else 0
            base = _MARK.sub("", text)
            key = (copy, self.events[base])
            if key not in self.directions:
                seed = int(hashlib.sha1(repr(key).encode()).hexdigest()[:8], 16)
                d = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
                self.directions[key] = d / np.linalg.norm(d)
            v = self.vectors[base] + 2.5 * self.directions[key]
            out[i] = v / np.linalg.norm(v)
        self.seconds += time.perf_counter() - started
        return out


def _texts(row: dict[str, Any]) -> tuple[str, list[str]]:
    return f"{row['title'].strip()}. {row['lead'].strip()}".strip(". "), split_sentences(row["lead"])[:4]


def _sample(rows: list[dict[str, Any]]) -> tuple[dict[str, NDArray[np.float32]], dict[str, str], str, float, int]:
    """Real vectors of every original text, and the encoder's cost per article."""
    encoder = cached_encoder("auto")
    texts: list[str] = []
    events: dict[str, str] = {}
    for r in rows:
        article, sentences = _texts(r)
        for t in [article, *sentences]:
            texts.append(t)
            events[t] = r["event"]
    encoder.encode(texts[:32])  # warm up
    clock = _Clock()
    vecs = encoder.encode(texts)
    per_article = clock.stop()[0] / len(rows)
    return dict(zip(texts, np.asarray(vecs, dtype=np.float32), strict=True)), events, encoder.name, per_article, encoder.dim


def generate(rows: list[dict[str, Any]], n: int) -> tuple[list[StoryInput], dict[str, str]]:
    """``n`` inputs in date order, and their gold event labels."""
    dated = [r for r in rows if r["published"]]
    first = {e: min(date.fromisoformat(r["published"]) for r in dated if r["event"] == e) for e in {r["event"] for r in dated}}
    copies = -(-n // len(dated))
    start = date(2030, 1, 1)
    items: list[tuple[str, StoryInput]] = []
    gold: dict[str, str] = {}
    for k in range(copies):
        for r in dated:
            if len(items) >= n:
                break
            seed = int(hashlib.sha1(f"{k}/{r['event']}".encode()).hexdigest()[:8], 16)
            day = start + timedelta(days=seed % 365) + (date.fromisoformat(r["published"]) - first[r["event"]])
            _, sentences = _texts(r)
            aid = f"{r['id']}#{k}"
            items.append((day.isoformat(), StoryInput(
                article_id=aid,
                title=f"{r['title'].strip()} [{k}]",
                lead=r["lead"],
                published=day.isoformat(),
                outlet=r["outlet"],
                actors=frozenset(r["actors"]),
                event_types=frozenset(r["event_types"]),
                sentences=tuple(f"{s} [{k}]" for s in sentences),
            )))
            gold[aid] = f"{r['event']}#{k}"
    items.sort(key=lambda x: (x[0], x[1].article_id))
    return [it for _, it in items], gold


class _Clock:
    """Wall and CPU seconds of this process (the CPU figure holds on a busy machine)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def _rss() -> float:
    return psutil.Process().memory_info().rss / 2**20


def _cluster(stub: _Stub, items: list[StoryInput], gold: dict[str, str]) -> dict[str, Any]:
    rss0 = _rss()
    clusterer = StoryClusterer(stub)
    placed: dict[str, str] = {}
    stub.seconds = 0.0
    clock = _Clock()
    head, tail = items[:-1000], items[-1000:]
    for i in range(0, len(head), 1000):
        placed.update(clusterer.add(head[i : i + 1000]))
    stub_head = stub.seconds
    last_clock = _Clock()
    placed.update(clusterer.add(tail))
    last_wall, last_cpu = last_clock.stop()
    wall, cpu = clock.stop()
    stub_tail = stub.seconds - stub_head
    score = bcubed(placed, gold)
    return {
        "clusterer": clusterer, "placed": placed, "stories": len(clusterer), "f1": score.f1,
        "wall": wall - stub.seconds, "cpu": cpu - stub.seconds,
        "last_wall": last_wall - stub_tail, "last_cpu": last_cpu - stub_tail, "rss": _rss() - rss0,
    }


def _store_side(clusterer: StoryClusterer, placed: dict[str, str], tail: list[StoryInput]) -> dict[str, float]:
    """Story rows of the last 1,000 into a store holding all, and the state's save/load."""
    import duckdb

    from newsgraph.store.analysis import write_stories
    from newsgraph.store.schema import migrate

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        conn = duckdb.connect(str(Path(tmp) / "b.duckdb"))
        migrate(conn)
        ids = list(placed)
        conn.execute("INSERT INTO story_articles SELECT unnest(?), unnest(?)", [[placed[a] for a in ids], ids])
        conn.execute(
            "INSERT INTO stories SELECT DISTINCT story_id, 't', NULL, NULL, '', 1, now() FROM story_articles"
        )
        touched = sorted({placed[it.article_id] for it in tail})
        started = time.perf_counter()
        rows = [
            {"story_id": s.story_id, "title": s.title, "first_date": s.first_date, "last_date": s.last_date,
             "article_ids": list(s.article_ids), "summary": list(s.summary)}
            for s in clusterer.stories(touched)
        ]
        write_stories(conn, rows, datetime.now())
        out["write"] = time.perf_counter() - started
        conn.close()
        buffer = io.BytesIO()
        clock = _Clock()
        clusterer.save(buffer)
        out["save"], out["save_cpu"] = clock.stop()
        out["mb"] = buffer.tell() / 2**20
        buffer.seek(0)
        clock = _Clock()
        StoryClusterer.load(buffer, clusterer.encoder)
        out["load"], out["load_cpu"] = clock.stop()
    return out


def run(quick: bool = False) -> str:
    rows = _rows()
    vectors, events, backend, per_article, dim = _sample(rows)
    sizes = (2_000, 5_000) if quick else (10_000, 30_000, 100_000)
    lines = [
        "## Story clustering",
        "",
        f"Real encoder ({backend}) on the 73 corpus articles (title + lead, and up to 4 lead "
        f"sentences each, as the clusterer embeds them): **{per_article * 1000:.1f} ms per article**, "
        f"so {per_article * 1000:.1f} s of encoding per 1,000 new articles on top of the figures below.",
        "Scale runs use precomputed vectors of the same texts (stub encoder, its own time left out); "
        "inputs spread over one year; see bench/bench_stories.py.",
        "",
        "| articles | stories | B-cubed F1 | cluster all, wall (CPU) s | CPU µs / article "
        "| add last 1,000, wall (CPU) s | RSS growth (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    last: dict[str, Any] = {}
    items: list[StoryInput] = []
    for n in sizes:
        stub = _Stub(vectors, events, dim)
        items, gold = generate(rows, n)
        last = _cluster(stub, items, gold)
        lines.append(
            f"| {n:,} | {last['stories']:,} | {last['f1']:.3f} | {last['wall']:.1f} ({last['cpu']:.1f}) | "
            f"{last['cpu'] / n * 1e6:.0f} | {last['last_wall']:.2f} ({last['last_cpu']:.2f}) | "
            f"{last['rss']:.0f} |"
        )
    side = _store_side(last["clusterer"], last["placed"], items[-1000:])
    n = sizes[-1]
    lines += [
        "",
        f"Store side at {n:,} articles: writing the story rows touched by the last 1,000 "
        f"articles {side['write']:.2f} s; the clusterer state is {side['mb']:.0f} MiB, "
        f"saved in {side['save']:.1f} s ({side['save_cpu']:.1f} s CPU) and loaded in {side['load']:.1f} s "
        f"({side['load_cpu']:.1f} s CPU) (once per ingest "
        "run, not per batch; `savez_compressed` of float32 vectors dominates).",
        f"Adding 1,000 articles to a store of {n:,}, end to end in one ingest run: "
        f"{per_article * 1000:.1f} s encoding + {last['last_wall']:.2f} s clustering + "
        f"{side['write']:.2f} s story rows = "
        f"**{per_article * 1000 + last['last_wall'] + side['write']:.1f} s**, "
        f"plus {side['load'] + side['save']:.0f} s to load and save the state for the run.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
