"""Batch runs (``newsgraph run``) inline: same rows as ``ingest``, ledger, resume, reuse."""

from __future__ import annotations

import gc
import os
import random
import shutil
import sys
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest
from bench.make_corpus import write_corpus
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract.furniture_rules import RuleMatcher
from newsgraph.ingest import (
    PARTITION_TABLES,
    Shard,
    ShardTask,
    plan_shards,
    read_marker,
    run_batch,
    run_shard,
)
from newsgraph.ingest import worker as shard_worker
from newsgraph.ingest.dedup import Deduper, similarity
from newsgraph.ingest.pipeline import ingest
from newsgraph.ingest.worker import drop_models, peak_rss, shard_coder
from newsgraph.runners import (
    DaskExecutor,
    InlineExecutor,
    ProcessExecutor,
    Recycling,
    current_rss,
    get_executor,
)
from newsgraph.settings import Settings
from newsgraph.sources import iter_pages, load_manifest
from newsgraph.store.bulk import BulkStore

TABLES = (
    "pages", "articles", "duplicates", "events", "event_actors", "sentences", "mentions",
    "quotes", "minhashes", "lsh_bands", "article_tone",
)  # fmt: skip
_NAMES = ["Mara Velkov", "Tobias Lind", "Aiko Mori", "Samuel Osei", "Lena Brandt", "Yusuf Kaya"]
_ACTS = ["approved", "rejected", "questioned", "welcomed", "postponed", "signed"]
_ITEMS = ["a grain deal", "the port plan", "new tariffs", "a border accord", "the rail loan"]
_TOWNS = ["Velmora", "Kastel", "Oder Bay", "Lunesk", "Port Arden", "Trevik", "Sallow"]


def sentences(seed: int, count: int) -> list[str]:
    """Invented news sentences; different seeds share no long word runs."""
    rng = random.Random(seed)
    return [
        f"{rng.choice(_NAMES)} {rng.choice(_ACTS)} {rng.choice(_ITEMS)} in "
        f"{rng.choice(_TOWNS)} on day {rng.randint(1, 9999)}, with {rng.randint(2, 999)} "
        f"delegates and {rng.randint(2, 999)} observers present."
        for _ in range(count)
    ]


def body(lines: list[str]) -> str:
    return "Regional desk report\n\n" + "\n\n".join(
        " ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)
    )


def load_coder() -> None:
    """Load a shard's models in this process (run on each Dask worker to warm it)."""
    shard_coder(Settings())


def warm_dask_workers() -> Iterator[DaskExecutor]:
    """A two-worker Dask executor whose workers load their models while the caller goes on."""
    executor = get_executor("dask", workers=2)
    assert isinstance(executor, DaskExecutor)
    warm = [
        executor.client.submit(load_coder, pure=False, workers=[address], allow_other_workers=False)
        for address in executor.client.scheduler_info()["workers"]
    ]
    try:
        yield executor
    finally:
        del warm
        executor.close()


def add_twins(corpus: Path) -> dict[str, Path]:
    """Cross-shard copies: exact ones, and a near-duplicate chain X ~ A ~ B with B !~ X.

    X goes first (folder ``000``), its copies in ``zz_copies`` (read last).  A copies X
    closely; B copies A closely but X less: a worker sees B as A's copy, while the
    corpus-wide pass, where A is X's copy, finds B new (the driver codes it).
    """
    base = sentences(1, 60)
    a = base[:55] + sentences(2, 5)
    b = a[:50] + sentences(3, 5) + a[55:]
    copies = corpus / "zz_copies"
    copies.mkdir()
    paths = {
        "x": corpus / "000" / "aaa_twin_x.txt",
        "a": copies / "twin_a.txt",
        "b": copies / "twin_b.txt",
    }
    paths["x"].parent.mkdir(exist_ok=True)
    for key, lines in (("x", base), ("a", a), ("b", b)):
        paths[key].write_text(body(lines), encoding="utf-8")
    originals = sorted(p for p in corpus.rglob("*.txt") if p.parent.name != "zz_copies")[1:4]
    for i, original in enumerate(originals):
        shutil.copy(original, copies / f"exact_{i}.txt")
    return paths


def ingest_without_stories(inputs: list[Path], settings: Settings) -> None:
    """``ingest`` with the story clusterer off (tone still scored when coding): stories
    are not compared, and clustering would cost most of these reference runs."""
    ingest(inputs, replace(settings, stories=False))


def make_corpus(root: Path, n: int) -> Path:
    corpus = write_corpus(n, root / "corpus", ["html", "text", "warc"], seed=5)
    add_twins(corpus)
    return corpus


def table_rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    """A table's rows as sorted tuples, without run ids and timestamps."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position",
                [table],
            ).fetchall()
            if r[0] not in ("run_id", "ingested_at")
        ]
        rows = conn.execute(
            f"SELECT {', '.join(chr(34) + n + chr(34) for n in names)} FROM {table}"
        ).fetchall()
    finally:
        conn.close()
    return sorted(rows, key=repr)


def assert_same_rows(a: Path, b: Path) -> None:
    for table in TABLES:
        assert table_rows(a, table) == table_rows(b, table), table


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("batch"), 90)


@pytest.fixture(scope="module")
def inline_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("inline") / "inline.duckdb"
    ingest_without_stories([corpus], Settings(db=str(db), code_events=False))
    return db


def test_the_twin_chain_is_what_the_corpus_needs(tmp_path: Path) -> None:
    paths = add_twins(write_corpus(3, tmp_path / "c", ["text"]))
    dedup = Deduper(Settings())
    fp = {k: dedup.fingerprint(p.read_text(encoding="utf-8")) for k, p in paths.items()}
    assert similarity(fp["x"].signature, fp["a"].signature) >= 0.8
    assert similarity(fp["a"].signature, fp["b"].signature) >= 0.8
    assert similarity(fp["x"].signature, fp["b"].signature) < 0.8


def test_shards_read_the_pages_in_the_order_iter_pages_does(tmp_path: Path) -> None:
    corpus = write_corpus(40, tmp_path / "c", ["html", "text", "warc"])
    (corpus / "notes.jsonl").write_text('{"text": "A line of text."}\n', encoding="utf-8")
    manifest = corpus / "sub" / "manifest.jsonl"
    manifest.parent.mkdir()
    manifest.write_text('{"path": "x.txt", "outlet": "Desk"}\n', encoding="utf-8")
    inputs = [corpus, tmp_path / "missing.txt", manifest]
    settings = Settings()
    loaded = load_manifest(manifest)
    shards = plan_shards(inputs, settings, loaded, shard_size=7)
    expected = [p.location for p in iter_pages(inputs, settings, loaded)]
    got = [p.location for s in shards for p in iter_pages(s.inputs, settings, loaded)]
    assert got == expected
    containers = [s for s in shards if any(i.endswith((".warc.gz", ".jsonl")) for i in s.inputs)]
    assert containers and all(len(s.inputs) == 1 for s in containers)
    assert max(len(s.inputs) for s in shards) == 7
    assert [s.position for s in shards] == list(range(len(shards)))


def test_shard_ids_are_stable_and_follow_inputs_and_settings(tmp_path: Path) -> None:
    corpus = write_corpus(12, tmp_path / "c", ["text"])
    settings = Settings()
    ids = [s.shard_id for s in plan_shards([corpus], settings, shard_size=5)]
    assert ids == [s.shard_id for s in plan_shards([corpus], settings, shard_size=5)]
    assert len(set(ids)) == len(ids) == 3
    other = [s.shard_id for s in plan_shards([corpus], Settings(code_events=False), shard_size=5)]
    assert set(other).isdisjoint(ids)
    same_work = [
        s.shard_id
        for s in plan_shards([corpus], Settings(db="x.duckdb", stories=False), shard_size=5)
    ]
    assert same_work == ids
    # the driver's memory and when workers are replaced do not change what they make
    neutral = Settings(store_memory_mb=512, worker_max_rss_mb=0, worker_max_shards=3)
    assert [s.shard_id for s in plan_shards([corpus], neutral, shard_size=5)] == ids
    first = sorted(corpus.rglob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    changed = [s.shard_id for s in plan_shards([corpus], settings, shard_size=5)]
    assert changed[0] != ids[0] and changed[1:] == ids[1:]


def test_an_inline_batch_run_stores_what_ingest_does(
    corpus: Path, inline_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "batch.duckdb"
    report = run_batch(
        [corpus], Settings(db=str(db), code_events=False), shard_size=20, stories=False
    )
    assert report.shards > 3 and report.shards_run == report.shards
    assert report.dropped_codings >= 1  # A: new in its shard, a copy corpus-wide
    assert_same_rows(inline_db, db)
    dups = dict(
        duckdb.connect(str(db), read_only=True)
        .execute("SELECT location, kind FROM duplicates")
        .fetchall()
    )
    assert dups[str(corpus / "zz_copies" / "twin_a.txt")] == "near"
    assert str(corpus / "zz_copies" / "twin_b.txt") not in dups
    assert sum(1 for loc, kind in dups.items() if "exact_" in loc and kind == "exact") == 3


def test_a_rerun_skips_every_loaded_shard(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "again.duckdb"
    settings = Settings(db=str(db), code_events=False)
    first = run_batch([corpus], settings, shard_size=30, stories=False)
    second = run_batch([corpus], settings, shard_size=30, stories=False)
    assert second.shards_skipped == first.shards and second.shards_run == 0
    assert second.articles == second.duplicates == 0
    assert second.pages == second.skipped_already_stored == first.pages
    conn = duckdb.connect(str(db), read_only=True)
    statuses = conn.execute("SELECT status, count(*) FROM shards GROUP BY status").fetchall()
    runs = conn.execute("SELECT count(*) FROM runs").fetchone()
    conn.close()
    assert statuses == [("loaded", first.shards)]
    assert runs == (1,)  # a run that stored nothing leaves no row


def test_partitions_on_disk_are_loaded_without_recomputing(
    corpus: Path, inline_db: Path, tmp_path: Path
) -> None:
    db, out = tmp_path / "reuse.duckdb", tmp_path / "parts"
    settings = Settings(db=str(db), code_events=False)
    first = run_batch([corpus], settings, out=out, shard_size=30, stories=False)
    os.remove(db)  # the store is gone; the partitions are not
    second = run_batch([corpus], settings, out=out, shard_size=30, stories=False)
    assert second.shards_reused == first.shards and second.shards_run == 0
    assert_same_rows(inline_db, db)


def test_a_dead_attempt_is_never_read_and_its_leftovers_go(corpus: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "dead.duckdb", tmp_path / "parts"
    settings = Settings(db=str(db), code_events=False)
    shard = plan_shards([corpus], settings, shard_size=30)[0]
    folder = out / shard.shard_id
    folder.mkdir(parents=True)
    (folder / "pages.parquet").write_bytes(b"half a file from a worker that died")
    (folder / "articles.parquet.tmp-1-deadbeef").write_bytes(b"junk")
    assert read_marker(folder) is None
    report = run_batch([corpus], settings, out=out, shard_size=30, stories=False)
    assert report.shards_run == report.shards
    assert not list(folder.glob("*.tmp-*"))
    assert read_marker(folder) is not None


def test_a_changed_page_replaces_its_old_version(tmp_path: Path) -> None:
    corpus = write_corpus(20, tmp_path / "c", ["text"])
    db = tmp_path / "changed.duckdb"
    settings = Settings(db=str(db), code_events=False)
    run_batch([corpus], settings, shard_size=8, stories=False)
    page = sorted(corpus.rglob("*.txt"))[9]
    page.write_text(body(sentences(42, 20)), encoding="utf-8")
    report = run_batch([corpus], settings, shard_size=8, stories=False)
    assert report.shards_run == 1 and report.shards_skipped == 2
    assert report.articles == 1 and report.skipped_already_stored == 19
    conn = duckdb.connect(str(db), read_only=True)
    bodies = conn.execute("SELECT body FROM articles WHERE location = ?", [str(page)]).fetchall()
    counts = conn.execute("SELECT count(*), count(DISTINCT location) FROM pages").fetchone()
    conn.close()
    assert len(bodies) == 1 and sentences(42, 20)[0] in bodies[0][0]
    assert counts == (20, 20)


def test_the_run_command_reports_its_shards(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    args = [
        "run",
        str(corpus),
        "--db",
        str(db),
        "--no-code",
        "--workers",
        "0",
        "--shard-size",
        "40",
        "--no-stories",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "run, 0 reused from disk, 0 skipped as loaded before; inline" in result.output
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0
    assert "(0 run, 0 reused from disk," in again.output
    missing = CliRunner().invoke(app, ["run", str(tmp_path / "nope"), "--db", str(db)])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output


def test_tone_and_stories_follow_what_ingest_does(tmp_path: Path) -> None:
    corpus = write_corpus(6, tmp_path / "c", ["text"])
    inline, batch = tmp_path / "inline.duckdb", tmp_path / "batch.duckdb"
    ingest([corpus], Settings(db=str(inline), code_events=False))
    report = run_batch([corpus], Settings(db=str(batch), code_events=False), shard_size=5)
    assert report.articles == 6
    assert table_rows(batch, "article_tone") == table_rows(inline, "article_tone")
    placed = {r[1] for r in table_rows(batch, "story_articles")}
    assert placed == {r[1] for r in table_rows(inline, "story_articles")}
    assert report.stories_clustered == len(placed)


def test_a_worker_keeps_nothing_that_grows_with_the_shards_it_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """N shards or 5N: a worker process holds the same objects and memory afterwards.

    Bounded caches are made small (the furniture rules' line cache) so that they are
    full before counting starts; a first corpus warms up lazy imports."""
    monkeypatch.setattr(RuleMatcher, "CACHE_LINES", 8)
    settings = Settings(db=str(tmp_path / "s.duckdb"), code_events=False)
    with BulkStore.open(settings.db) as store:
        schemas = store.partition_schemas(PARTITION_TABLES)

    def run(shards: list[Shard]) -> tuple[int, int]:
        for shard in shards:
            run_shard(
                ShardTask(shard, settings, None, str(tmp_path / "parts" / shard.shard_id), schemas)
            )
        gc.collect()
        return len(gc.get_objects()), tracemalloc.get_traced_memory()[0]

    warm = write_corpus(24, tmp_path / "warm", ["text", "html"], seed=2)
    shards = plan_shards(
        [write_corpus(36, tmp_path / "c", ["text", "html"], seed=9)], settings, shard_size=2
    )
    assert len(shards) == 18
    run(plan_shards([warm], settings, shard_size=2))
    tracemalloc.start()
    try:
        objects_n, bytes_n = run(shards[:3])
        objects_5n, bytes_5n = run(shards[3:15])
    finally:
        tracemalloc.stop()
    # 24 more pages: keeping anything per page (a record, a row, a fingerprint, its
    # text) would show as dozens of objects or about 100 KB
    assert objects_5n - objects_n < 24, (objects_n, objects_5n)
    assert bytes_5n - bytes_n < 48_000, (bytes_n, bytes_5n)


def worker_peak(_: int) -> int:
    return peak_rss()


def test_a_worker_reports_its_own_peak_not_its_parents() -> None:
    """A spawned process starts as a copy of its parent: ``ru_maxrss`` would report the
    parent's RSS at that time (the driver's, for a Dask worker), not the worker's."""
    ballast = b"\x01" * (400 * 2**20)  # the parent holds 400 MiB, touched
    assert current_rss() > len(ballast)
    with ProcessExecutor(workers=1) as executor:
        child = next(executor.map(worker_peak, [0]))
    assert 0 < child < len(ballast)
    del ballast


def test_inline_recycling_loses_and_doubles_nothing(
    corpus: Path, inline_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "recycled.duckdb"
    executor = InlineExecutor(Recycling(max_tasks=1))
    settings = Settings(db=str(db), code_events=False)
    report = run_batch([corpus], settings, executor=executor, shard_size=20, stories=False)
    assert executor.recycled == report.shards_run == report.shards > 3
    assert_same_rows(inline_db, db)


def test_inline_recycling_drops_the_coder_and_its_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    drop_models()  # a real coder cached by another test goes too
    made: list[object] = []

    def make_coder(settings: Settings) -> object:
        made.append(object())
        return made[-1]

    monkeypatch.setattr(shard_worker, "make_coder", make_coder)
    first = shard_coder(Settings())
    assert shard_coder(Settings()) is first and len(made) == 1
    drop_models()
    assert shard_coder(Settings()) is not first and len(made) == 2
    nlp = sys.modules.get("newsgraph.nlp")
    if nlp is not None:
        assert nlp._load.cache_info().currsize == 0
    drop_models()
