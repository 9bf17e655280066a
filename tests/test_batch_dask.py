"""Batch runs on a real Dask LocalCluster: same rows as inline, a dead worker, a killed driver."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import psutil
import pytest
from bench.make_corpus import write_corpus
from distributed.diagnostics.plugin import WorkerPlugin
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import ConfigError
from newsgraph.ingest import run_batch
from newsgraph.runners import DaskExecutor, Recycling, get_executor
from newsgraph.settings import Settings
from test_batch import (
    add_twins,
    assert_same_rows,
    ingest_without_stories,
    make_corpus,
    table_rows,
    warm_dask_workers,
)

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the worker plugin below


class KillOnce(WorkerPlugin):
    """A Dask worker plugin: the first partition write in the cluster kills its worker.

    The write happens mid-shard (before the files are renamed into place); the marker
    file, created atomically, makes it happen once, and records the shard folder.
    """

    name = "newsgraph-kill-once"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def setup(self, worker: Any) -> None:
        from newsgraph.ingest import worker as shard_worker

        original = shard_worker.PartitionWriter.write
        marker = self.marker
        if getattr(original, "kills", False):
            return

        def write(writer: Any, tables: Any) -> None:
            original(writer, tables)
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.write(fd, str(writer.folder).encode("utf-8"))
            os.close(fd)
            os._exit(1)

        write.kills = True  # type: ignore[attr-defined]
        shard_worker.PartitionWriter.write = write  # type: ignore[method-assign]

    def teardown(self, worker: Any) -> None:
        return None


def fail_once(item: tuple[int, str]) -> int:
    """Raises on the first call in the cluster (a marker file says so)."""
    value, marker = item
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return value
    raise RuntimeError("the first attempt fails")


def profiler_state(dask_worker: Any) -> tuple[list[str], int, int]:
    """The worker's profiler callbacks and how much profile history it keeps."""
    callbacks = sorted(k for k in dask_worker.periodic_callbacks if k.startswith("profile"))
    return callbacks, len(dask_worker.profile_history), len(dask_worker.profile_keys_history)


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskExecutor]:
    yield from warm_dask_workers()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("dask"), 200)


@pytest.fixture(scope="module")
def inline_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("inline") / "inline.duckdb"
    ingest_without_stories([corpus], Settings(db=str(db), code_events=False))
    return db


def test_dask_map_retries_a_failed_task_and_keeps_order(
    cluster: DaskExecutor, tmp_path: Path
) -> None:
    marker = str(tmp_path / "failed")
    assert list(cluster.map(fail_once, [(i, marker) for i in range(6)])) == list(range(6))
    assert os.path.exists(marker)


def test_two_workers_store_the_same_rows_as_an_inline_run(
    cluster: DaskExecutor, corpus: Path, inline_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "dask.duckdb"
    settings = Settings(db=str(db), code_events=False)
    report = run_batch([corpus], settings, executor=cluster, shard_size=40, stories=False)
    assert report.executor == "dask" and report.shards_run == report.shards >= 5
    assert report.pages == len(table_rows(inline_db, "pages")) > 200
    assert_same_rows(inline_db, db)


def test_coded_pages_on_two_workers_match_the_inline_run(
    cluster: DaskExecutor, tmp_path: Path
) -> None:
    corpus = write_corpus(8, tmp_path / "c", ["text", "html"], seed=3)
    add_twins(corpus)
    inline, batch = tmp_path / "inline.duckdb", tmp_path / "dask.duckdb"
    ingest_without_stories([corpus], Settings(db=str(inline)))
    report = run_batch([corpus], Settings(db=str(batch)), executor=cluster, shard_size=4)
    assert report.events > 0 and report.coded_by_driver == 1 and report.dropped_codings >= 1
    assert_same_rows(inline, batch)  # tone included: the driver scored the one it coded
    assert report.toned == 1 and report.stories_clustered == report.articles
    assert len({r[1] for r in table_rows(batch, "story_articles")}) == report.articles


def test_the_run_command_joins_a_running_cluster(cluster: DaskExecutor, tmp_path: Path) -> None:
    corpus = write_corpus(12, tmp_path / "c", ["text"])
    db = tmp_path / "joined.duckdb"
    address = cluster.client.scheduler.address
    args = ["run", str(corpus), "--db", str(db), "--no-code", "--no-stories", "--shard-size", "4"]
    result = CliRunner().invoke(app, [*args, "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert "3 shards (3 run," in result.output and "; dask)" in result.output
    assert cluster.client.status == "running"  # joining it did not close it
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        DaskExecutor(scheduler="tcp://127.0.0.1:9", connect_timeout=1)


def test_a_worker_killed_mid_shard_is_redone_and_nothing_doubles(
    corpus: Path, inline_db: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    db = tmp_path / "killed.duckdb"
    with get_executor("dask", workers=2) as executor:
        assert isinstance(executor, DaskExecutor)
        executor.client.register_plugin(KillOnce(str(marker)))
        report = run_batch(
            [corpus], Settings(db=str(db), code_events=False), executor=executor, shard_size=40,
            stories=False,
        )  # fmt: skip
    assert marker.is_file()  # a worker did die
    folder = Path(marker.read_text(encoding="utf-8"))
    assert (folder / "_done.json").is_file() and not list(folder.glob("*.tmp-*"))
    assert report.shards_run == report.shards
    assert_same_rows(inline_db, db)


def test_a_driver_killed_with_sigkill_resumes_and_skips_loaded_shards(
    corpus: Path, inline_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "resumed.duckdb"
    args = ["run", str(corpus), "--db", str(db), "--no-code", "--no-stories", "--shard-size", "20"]
    driver = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", *args, "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    loaded, children = 0, []
    assert driver.stderr is not None
    try:
        for line in driver.stderr:
            if line.startswith("run: shard"):
                loaded += 1
                if loaded == 2:
                    children = psutil.Process(driver.pid).children(recursive=True)
                    driver.send_signal(signal.SIGKILL)
                    break
    finally:
        driver.kill()
        driver.wait(timeout=60)
        for child in children:  # the cluster the driver started
            if child.is_running():
                child.kill()
    assert loaded == 2
    again = CliRunner().invoke(app, [*args, "--workers", "0"])
    assert again.exit_code == 0, again.output
    found = re.search(
        r"in (\d+) shards \((\d+) run, (\d+) reused from disk, (\d+) skipped", again.output
    )
    assert found, again.output
    total, run, reused, skipped = map(int, found.groups())
    assert skipped >= 2 and run + reused + skipped == total
    assert_same_rows(inline_db, db)


def test_local_workers_keep_no_profile_history(cluster: DaskExecutor) -> None:
    """Dask's profiler would keep a call tree per second of the run (and per task):
    worker memory growing with the length of the run.  It is off."""
    assert list(cluster.map(abs, range(-4, 0))) == [4, 3, 2, 1]
    states = cluster.client.run(profiler_state)
    assert len(states) == 2 and all(state == ([], 0, 0) for state in states.values())


def test_dask_workers_are_recycled_and_nothing_is_lost_or_doubled(
    corpus: Path, inline_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "recycled.duckdb"
    with DaskExecutor(workers=2, recycling=Recycling(max_tasks=2)) as executor:
        report = run_batch(
            [corpus], Settings(db=str(db), code_events=False), executor=executor, shard_size=20,
            stories=False,
        )  # fmt: skip
        recycled = executor.recycled
    assert recycled >= 1
    assert report.shards_run == report.shards and len(report.worker_peak_rss) > 2  # new pids
    assert_same_rows(inline_db, db)
