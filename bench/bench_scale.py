"""Issue: scale out. ``newsgraph run`` on local Dask workers: rate, scaling, memory, GDELT.

    python -m bench scale [--quick]

Figures, all from ``run_batch`` on a Dask ``LocalCluster`` of single-threaded worker
processes on this machine, over generated pages of about 600 words (two fixture
pages of ``bench/make_corpus.py`` joined, varied as it varies them):

* pages per second of the whole chain (read, extract, dedup, NLP, actors, events,
  places, tone, Parquet partitions, load into DuckDB) with 1 and 2 workers, models
  loaded beforehand; scaling efficiency = rate(2) / rate(1), target >= 1.7;
* peak RSS per worker process (``VmHWM``, reported by the worker with each shard)
  at growing corpus sizes, without event coding (10k and 100k pages) and with it (2k
  and 10k pages): 100k coded pages would take hours here.  Target <= 1.5 GB, flat;
* the cores that would process GDELT's daily volume (about 580,000 articles) in 24
  hours at the measured per-core rate of the coded chain (target >= 4 articles/s/core).

Story clustering, serial in the driver after the load, is left out of the rates
(``stories=False``) and timed on its own in ``bench_profile``.
``NEWSGRAPH_BENCH_SCALE_SIZES="scale:300;plain:10000,100000;coded:2000,10000"`` overrides
the sizes (``scale:0`` leaves the 1-vs-2-worker runs out).
"""

from __future__ import annotations

import functools
import html
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import cloudpickle

from bench.make_corpus import PARAGRAPH, _write_warc, templates, vary

T = TypeVar("T")
R = TypeVar("R")
GDELT_DAILY = 580_000
WORDS = 640  # words of paragraphs per page: bodies come out at about 600
_TAG = re.compile(r"<[^>]+>")


@functools.cache
def _paragraph_pool() -> list[str]:
    """English news paragraphs of the project's fixture pages (15 words or more)."""
    from newsgraph.extract.language import detect_language

    pool: set[str] = set()
    for kind in ("text", "html"):
        for page in templates(kind):
            if kind == "html":
                blocks = [html.unescape(_TAG.sub(" ", m.group(2))) for m in PARAGRAPH.finditer(page)]
            else:
                blocks = page.split("\n\n")
            for block in blocks:
                text = " ".join(block.split())
                found = detect_language(text) if len(text.split()) >= 15 else None
                if found is not None and found.code == "en":
                    pool.add(text)
    return sorted(pool)


def _page(kind: str, paragraphs: list[str], serial: int) -> str:
    title = " ".join(paragraphs[0].split()[:9]).rstrip(",.;:")
    if kind == "text":
        return f"{title}\n\nBy the regional desk, report {serial}\n\n" + "\n\n".join(paragraphs) + "\n"
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head><title>{html.escape(title)} | Daily Ledger</title>"
        "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
        "<a href=\"/politics\">Politics</a></nav><main><article>"
        f"<h1>{html.escape(title)}</h1><p class=\"byline\">By the regional desk</p>\n{body}"
        "</article></main><footer><p>Copyright Daily Ledger. All rights reserved.</p>"
        "<a href=\"/privacy\">Privacy</a></footer></body></html>"
    )


def long_pages(n: int, kinds: list[str], seed: int = 7, words: int = WORDS) -> Iterator[tuple[str, str, str]]:
    """(kind, name, content) of n news pages of about ``words`` words of body.

    Paragraphs are drawn at random from the fixtures' English paragraphs, then the
    page is varied as ``make_corpus.vary`` varies pages (names, years, order, a
    serial sentence), so that no two pages are near-duplicates.
    """
    rng = random.Random(seed)
    pool = _paragraph_pool()
    for i in range(n):
        kind = kinds[i % len(kinds)]
        base = "html" if kind == "warc" else kind
        chosen: list[str] = []
        count = 0
        for paragraph in rng.sample(pool, len(pool)):
            chosen.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
        yield kind, f"page{i:07d}", vary(_page(base, chosen, i), base, i, rng)


def write_long_corpus(n: int, out: Path, kinds: list[str] | None = None, seed: int = 7) -> Path:
    """Like ``make_corpus.write_corpus`` (WARC files of 500 pages), with ~600-word pages."""
    kinds = kinds or ["text", "html", "warc"]
    out.mkdir(parents=True, exist_ok=True)
    batch: list[tuple[str, str]] = []
    for kind, name, page in long_pages(n, kinds, seed):
        if kind == "warc":
            batch.append((name, page))
            if len(batch) == 500:
                _write_warc(out, batch)
                batch = []
            continue
        sub = out / name[-3:]
        sub.mkdir(exist_ok=True)
        (sub / f"{name}.{'html' if kind == 'html' else 'txt'}").write_text(page, encoding="utf-8")
    if batch:
        _write_warc(out, batch)
    return out


def _warm(code: bool) -> None:
    """Load the models in a worker before the clock starts (a long run pays this once)."""
    from newsgraph.extract import extract_page
    from newsgraph.ingest.worker import shard_coder
    from newsgraph.records import Page
    from newsgraph.settings import Settings

    page = Page("warm.txt", "Warm up\n\n" + "Officials met in the capital on Monday. " * 20, "text")
    extract_page(page, Settings())
    if code:
        shard_coder(Settings()).code("Officials from Greece met Turkish diplomats in Athens.")


@dataclass(frozen=True, slots=True)
class Measure:
    workers: int
    pages: int
    articles: int
    seconds: float
    peak_rss: int  # bytes, the largest worker, at the end of the run
    shards: int
    early_peak_rss: int = 0  # bytes, the largest worker after the first tenth of the shards
    driver_rss: int = 0  # bytes, the driver's largest RSS seen after a shard's load

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def measure(
    corpus: Path, root: Path, workers: int, code: bool, shard_size: int = 100, keep_parts: Path | None = None
) -> Measure:
    """One timed run on a fresh store and a fresh local cluster of ``workers`` (its
    Parquet partitions moved to ``keep_parts`` when given, else deleted)."""
    from newsgraph.ingest import BatchReport, run_batch
    from newsgraph.runners import DaskExecutor, current_rss
    from newsgraph.settings import Settings

    tag = f"w{workers}-{'code' if code else 'plain'}-{time.monotonic_ns()}"
    settings = Settings(db=str(root / f"{tag}.duckdb"), code_events=code)
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # _warm, for the workers
    early: list[int] = []
    driver = [0]

    log = os.environ.get("NEWSGRAPH_BENCH_SCALE_LOG")  # a line per progress report, for long runs
    started = time.monotonic()

    def progress(report: BatchReport) -> None:  # the peak once a tenth of the shards ran
        driver[0] = max(driver[0], current_rss())
        if not early and report.shards_run >= max(1, report.shards // 10):
            early.append(max(report.worker_peak_rss.values(), default=0))
        if log:
            peaks = " ".join(f"{v / 2**30:.3f}" for _, v in sorted(report.worker_peak_rss.items()))
            with open(log, "a", encoding="utf-8") as out:
                out.write(
                    f"{time.monotonic() - started:.0f}s {tag} shards {report.shards_run}/{report.shards} "
                    f"pages {report.pages} articles {report.articles} peak_gb {peaks} "
                    f"driver_gb {current_rss() / 2**30:.3f}\n"
                )

    with DaskExecutor(workers=workers) as executor:
        executor.client.run(_warm, code)
        report = run_batch(
            [corpus], settings, executor=executor, out=root / f"{tag}.parts",
            shard_size=shard_size, stories=False, progress=progress,
        )  # fmt: skip
    if keep_parts is not None:
        shutil.move(root / f"{tag}.parts", keep_parts)
    shutil.rmtree(root / f"{tag}.parts", ignore_errors=True)
    for suffix in ("", ".wal"):
        Path(settings.db + suffix).unlink(missing_ok=True)
    peak = max(report.worker_peak_rss.values(), default=0)
    return Measure(
        workers, report.pages, report.articles, report.seconds, peak, report.shards,
        (early or [peak])[0], driver[0],
    )  # fmt: skip


# Heaps' law for English news (Reuters RCV1, Manning, Raghavan and Schuetze, "Introduction
# to Information Retrieval", 5.1.1): distinct words V = 44 * T ** 0.49 after T tokens.
HEAPS_K, HEAPS_B = 44.0, 0.49


@dataclass(frozen=True, slots=True)
class Vocabulary:
    articles: int
    new_words: int  # distinct words the pipeline had not met
    new_strings: int  # strings its vocabulary gained (forms, lower case, norms, ...)
    new_lexemes: int
    rss_growth: int  # bytes

    @property
    def bytes_per_word(self) -> float:
        return self.rss_growth / self.new_words if self.new_words else 0.0

    def projected_growth(self, articles: int, words: int = 600) -> float:
        """Bytes a worker's vocabulary grows by over ``articles`` news articles."""
        return HEAPS_K * (articles * words) ** HEAPS_B * self.bytes_per_word


def _vocabulary_probe(articles: int, seed: int = 3) -> Vocabulary:
    """In a fresh process: code ``articles`` ~600-word articles whose every third word is
    a made-up name, and count what the spaCy vocabulary and the RSS gained.  Forty such
    articles are coded first: the process's buffers reach their working size on the
    first few (tens of MB, once), which is not growth."""
    import gc

    from newsgraph.ingest.worker import shard_coder
    from newsgraph.nlp import load_nlp
    from newsgraph.runners import current_rss
    from newsgraph.settings import Settings

    rng = random.Random(seed)
    pool = _paragraph_pool()
    syllables = ["ka", "lo", "mi", "ran", "te", "vo", "shi", "dar", "pel", "qu", "zen", "bor"]
    coder = shard_coder(Settings())
    texts = []
    for _ in range(articles + 40):
        words = " ".join(rng.sample(pool, 6)).split()[:WORDS]
        for j in range(0, len(words), 3):
            words[j] = "".join(rng.choice(syllables) for _ in range(rng.randint(3, 5))).capitalize()
        texts.append(" ".join(words))
    warm, texts = texts[:40], texts[40:]
    for text in warm:
        coder.code(text)
    vocab = load_nlp().vocab
    gc.collect()
    strings, lexemes, rss = len(vocab.strings), len(vocab), current_rss()
    known = {lex.orth_ for lex in vocab}
    for text in texts:
        coder.code(text)
    gc.collect()
    new_words = len({w for text in texts for w in text.split()} - known)
    return Vocabulary(
        articles, new_words, len(vocab.strings) - strings, len(vocab) - lexemes, current_rss() - rss
    )


def vocabulary_growth(articles: int = 200) -> Vocabulary:
    """``_vocabulary_probe`` in a spawned process (the bench's own memory left out)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_vocabulary_probe, articles).result()


@dataclass(frozen=True, slots=True)
class Replay:
    limit: str  # what the store's DuckDB memory limit was
    shards: int
    pages: int
    seconds: float
    first_rss: int  # bytes, the driver after its first shard
    peak_rss: int  # bytes, the driver's largest RSS after a shard's load
    cache: int  # bytes of table blocks DuckDB held at the end


class _ComputesNothing:
    """An executor for shards whose partitions are all on disk already."""

    name = "replay"
    workers = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return iter(())

    def close(self) -> None:
        return None


def _replay(parts: str, corpus: str, shard_size: int, memory_mb: int, label: str) -> Replay:
    """The driver's side alone: load a coded run's partitions (``parts``, every shard
    complete) into a fresh store whose DuckDB memory limit is ``memory_mb``."""
    from newsgraph.ingest import BatchReport, run_batch
    from newsgraph.runners import current_rss
    from newsgraph.settings import Settings
    from newsgraph.store.bulk import BulkStore

    db = Path(parts).with_name(f"replay-{os.getpid()}-{memory_mb}.duckdb")
    settings = Settings(db=str(db), code_events=True, store_memory_mb=memory_mb)  # as `measure` ran
    seen: list[int] = []
    stores: list[BulkStore] = []
    real_open = BulkStore.open.__func__  # type: ignore[attr-defined]

    def opened(cls: type[BulkStore], path: str | Path, read_only: bool = False, memory_mb: int = 0) -> BulkStore:
        stores.append(real_open(cls, path, read_only, memory_mb))
        return stores[-1]

    BulkStore.open = classmethod(opened)  # type: ignore[method-assign,assignment]
    cache = [0]

    last: list[BatchReport] = []

    def progress(report: BatchReport) -> None:
        last[:] = [report]
        seen.append(current_rss())
        row = stores[-1].connection.execute(
            "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'BASE_TABLE'"
        ).fetchone()
        cache[0] = int(row[0]) if row else 0

    started = time.perf_counter()
    try:
        report = run_batch(
            [Path(corpus)], settings, executor=_ComputesNothing(), out=parts, shard_size=shard_size,
            stories=False, progress=progress,
        )  # fmt: skip
    except StopIteration:  # a shard not on disk: the replay ends with the shards before it
        report = last[0]
    seconds = time.perf_counter() - started
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    return Replay(label, report.shards_reused, report.pages, seconds, seen[0], max(seen), cache[0])


def replay_driver(parts: Path, corpus: Path, shard_size: int, memory_mb: int, label: str) -> Replay:
    """``_replay`` in a spawned process (a fresh driver)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_replay, str(parts), str(corpus), shard_size, memory_mb, label).result()


def _driver_text(replays: list[Replay]) -> str:
    mb = 2**20
    lines = [
        "",
        "",
        "The driver alone (`replay_driver`): the largest coded run's partitions loaded again into a "
        "fresh store by a fresh process, with the store's DuckDB memory limit at DuckDB's own default "
        "(80% of the machine), at newsgraph's default (`store_memory_mb` = 0: a quarter) and at 64 MB:",
        "",
        "| DuckDB memory limit | shards | pages | seconds | driver RSS after the first shard | "
        "largest driver RSS | table blocks cached at the end |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in replays:
        lines.append(
            f"| {r.limit} | {r.shards} | {r.pages:,} | {r.seconds:.0f} | {r.first_rss / mb:.0f} MB | "
            f"{r.peak_rss / mb:.0f} MB | {r.cache / mb:.0f} MB |"
        )
    return "\n".join(lines)


def _sizes(quick: bool) -> dict[str, list[int]]:
    spec = os.environ.get("NEWSGRAPH_BENCH_SCALE_SIZES")
    if spec:
        out: dict[str, list[int]] = {}
        for part in spec.split(";"):
            name, _, values = part.partition(":")
            out[name.strip()] = [int(v) for v in values.split(",") if v.strip()]
        return out
    if quick:
        return {"scale": [16], "plain": [200], "coded": [], "vocab": [20]}
    return {"scale": [300], "plain": [10_000, 100_000], "coded": [2_000, 10_000], "vocab": [500]}


def run(quick: bool = False) -> str:
    load_before = os.getloadavg()[0]
    sizes = _sizes(quick)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        root = Path(tmp)
        n = (sizes.get("scale") or [300])[0]  # "scale:0" leaves the scaling runs out
        scaling: tuple[Measure, Measure] | None = None
        if n > 0:
            corpus = write_long_corpus(n, root / f"scale{n}", ["text", "html"], seed=11)
            shard = max(5, n // 8)
            scaling = (measure(corpus, root, 1, True, shard), measure(corpus, root, 2, True, shard))
            print(f"scaling: {scaling}", flush=True)
        memory: list[tuple[str, Measure]] = []
        replays: list[Replay] = []
        for kind in ("plain", "coded"):
            counts = sizes.get(kind, [])
            for count in counts:
                folder = write_long_corpus(count, root / f"{kind}{count}", seed=5)
                keep = root / "kept.parts" if kind == "coded" and count == max(counts) else None
                memory.append((kind, measure(folder, root, 2, kind == "coded", 250, keep)))
                print(f"{kind}: {memory[-1][1]}", flush=True)  # kept if a later size fails
                if keep is not None:
                    from newsgraph.store.store import memory_limit_mb

                    whole = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
                    for mb, label in (
                        (whole * 8 // 10, "DuckDB's default, 80%"),
                        (memory_limit_mb(), "newsgraph's default, a quarter"),
                        (64, "64 MB"),
                    ):
                        replays.append(replay_driver(keep, folder, 250, mb, f"{label} ({mb:,} MB)"))
                        print(f"replay: {replays[-1]}", flush=True)
                    shutil.rmtree(keep, ignore_errors=True)
                shutil.rmtree(folder, ignore_errors=True)
    vocab = [vocabulary_growth(n) for n in sizes.get("vocab", [])[:1] if n > 0]
    return _table(scaling, memory) + (_driver_text(replays) if replays else "") + "".join(
        _vocabulary_text(v) for v in vocab
    ) + (
        f"\n\nLoad average (1 min) before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f} "
        "(anything above the benchmark's own 2-3 processes is other work on the machine)."
    )


def _vocabulary_text(v: Vocabulary) -> str:
    mb = 2**20
    return (
        f"\n\nVocabulary growth (open vocabulary): a fresh coded worker met {v.new_words:,} new "
        f"words in {v.articles} generated articles (every third word a made-up name); its spaCy "
        f"vocabulary gained {v.new_lexemes:,} lexemes and {v.new_strings:,} strings and its RSS "
        f"{v.rss_growth / mb:.1f} MB: **{v.bytes_per_word:.0f} bytes per new word**. With Heaps' law "
        f"for English news (V = {HEAPS_K:g} T^{HEAPS_B:g}, T tokens; Reuters RCV1), a worker that "
        f"codes 50,000 600-word articles grows by about {v.projected_growth(50_000) / mb:.0f} MB, "
        f"one that codes 1,000,000 by about {v.projected_growth(1_000_000) / mb:.0f} MB. "
        "`worker_max_rss_mb` (1,280 MB by default) replaces a worker process that reaches it."
    )


def _table(scaling: tuple[Measure, Measure] | None, memory: list[tuple[str, Measure]]) -> str:
    gb = 2**30
    lines = ["## Scale-out (newsgraph run on Dask)", ""]
    if scaling is not None:
        one, two = scaling
        efficiency = two.rate / one.rate if one.rate else 0.0
        per_core = one.rate
        cores = GDELT_DAILY / (per_core * 86_400) if per_core else float("inf")
        cores2 = GDELT_DAILY / (two.rate / 2 * 86_400) if two.rate else float("inf")
        lines += [
            "Whole coded chain on ~600-word generated pages, models loaded before the clock "
            "starts, stories off (serial, see the profile). Rates include loading into DuckDB.",
            "",
            "| workers | pages | seconds | pages/s | peak RSS per worker |",
            "|---:|---:|---:|---:|---:|",
            f"| 1 | {one.pages} | {one.seconds:.1f} | {one.rate:.2f} | {one.peak_rss / gb:.2f} GB |",
            f"| 2 | {two.pages} | {two.seconds:.1f} | {two.rate:.2f} | {two.peak_rss / gb:.2f} GB |",
            "",
            f"Scaling efficiency rate(2)/rate(1): **{efficiency:.2f}** (target >= 1.7: "
            f"{'met' if efficiency >= 1.7 else 'not met'}).",
            "",
            f"GDELT's ~{GDELT_DAILY:,} articles a day at {per_core:.2f} articles/s/core (1 worker) "
            f"need **{cores:.1f} cores** for 24 hours ({cores2:.1f} at the 2-worker rate per core); "
            f"target >= 4 articles/s/core: {'met' if per_core >= 4 else 'not met'}.",
            "",
        ]
    lines += [
        "Peak RSS per worker by corpus size (2 workers; target <= 1.5 GB and flat), the largest "
        "worker's peak once a tenth of the shards had run and at the end; and the driver's largest "
        "RSS after a shard's load (it holds the store, whose DuckDB cache `store_memory_mb` caps):",
        "",
        "| coding | pages | shards | seconds | pages/s | peak RSS, first tenth | peak RSS per worker | driver RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, m in memory:
        lines.append(
            f"| {'coded' if kind == 'coded' else 'no (--no-code)'} | {m.pages:,} | {m.shards} | "
            f"{m.seconds:.0f} | {m.rate:.1f} | {m.early_peak_rss / gb:.2f} GB | {m.peak_rss / gb:.2f} GB | "
            f"{m.driver_rss / gb:.2f} GB |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
