"""The batch run: plan shards, run them through an executor, load them in order.

::

    plan_shards(inputs) -> skip shards the ledger marks loaded
        -> executor.map(run_shard, the others)      (workers: Parquet partitions)
        -> in plan order: ShardLoader.load(shard)   (driver: dedup pass + one transaction)

The driver is the only process that opens the store.  A shard whose partitions are
complete on disk from an earlier, interrupted run (its ``_done.json`` marker) is
loaded without being computed again.  Results come back in plan order (the
executor's ``map`` keeps order and runs ahead), so shard N is loaded while workers
compute the next ones.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError, NoPagesError
from ..runners import Executor, InlineExecutor, Recycling
from ..settings import Settings
from ..sources import load_manifest
from ..store.bulk import BulkStore
from ..store.partitions import PARTITION_TABLES, ShardResult, read_marker
from .after import AfterBatch
from .load import LoadTally, ShardLoader
from .plan import Shard, plan_shards
from .worker import ShardTask, run_shard

log = logging.getLogger(__name__)


@dataclass(slots=True, kw_only=True)
class BatchReport(LoadTally):
    """What a batch run did.  Page counts are the driver's final verdicts."""

    db: str
    out: str
    executor: str = "inline"
    run_id: int | None = None
    shards: int = 0
    shards_run: int = 0  # computed by workers in this run
    shards_reused: int = 0  # partitions found complete on disk, loaded without recomputing
    shards_skipped: int = 0  # loaded by an earlier run (the ledger says so)
    stories_clustered: int = 0  # articles placed in stories after the load
    stories_seconds: float = 0.0
    seconds: float = 0.0
    worker_peak_rss: dict[int, int] = field(default_factory=dict)  # pid -> bytes

    def absorb(self, tally: LoadTally, skipped_pages: int = 0) -> None:
        """Take the loader's running totals (plus the pages of skipped shards)."""
        for name in _TALLIED:
            setattr(self, name, getattr(tally, name))
        self.pages += skipped_pages
        self.skipped_already_stored += skipped_pages


_TALLIED = tuple(f.name for f in fields(LoadTally))


Progress = Callable[[BatchReport], None]


def default_out(db: str) -> Path:
    """Where partitions go unless told: a folder beside the store."""
    return Path(f"{db}.parts")


def run_batch(
    inputs: str | Path | Sequence[str | Path],
    settings: Settings | None = None,
    manifest: Any = None,
    executor: Executor | None = None,
    out: str | Path | None = None,
    shard_size: int | None = None,
    progress: Progress | None = None,
    stories: bool | None = None,
) -> BatchReport:
    """Run the whole chain over ``inputs`` in shards and load the results into the store.

    Workers run ``PageWork`` as ``ingest`` does (tone included, per ``settings.tone``);
    after the load, the new articles are placed in stories (``AfterBatch``) unless
    ``settings.stories`` is off (``stories=False`` turns it off for this run).
    Clustering is serial: it is incremental and keeps one state per store.
    """
    started = time.perf_counter()
    settings = settings or Settings.load()
    if stories is not None:
        settings = replace(settings, stories=stories)
    paths = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    if isinstance(manifest, str | Path):
        manifest = load_manifest(manifest)
    size = shard_size or settings.shard_size
    out_dir = Path(out) if out is not None else default_out(settings.db)
    executor = executor or InlineExecutor(Recycling.from_settings(settings))
    report = BatchReport(db=settings.db, out=str(out_dir), executor=executor.name)
    shards = plan_shards(paths, settings, manifest, size)
    if not shards:  # nothing to store: no run row, and no new store file
        raise NoPagesError(f"no pages found in {', '.join(str(p) for p in paths)}")
    report.shards = len(shards)
    with BulkStore.open(settings.db, memory_mb=settings.store_memory_mb) as store:
        states = store.shard_states([s.shard_id for s in shards])
        todo: list[tuple[Shard, ShardResult | None]] = []
        skipped_pages = 0  # pages of shards loaded by earlier runs
        for shard in shards:
            state = states.get(shard.shard_id)
            if state is not None and state.status == "loaded":
                report.shards_skipped += 1
                skipped_pages += state.pages
                continue
            todo.append((shard, read_marker(out_dir / shard.shard_id)))
        schemas = store.partition_schemas(PARTITION_TABLES)
        tasks = [
            ShardTask(shard, settings, manifest, str(out_dir / shard.shard_id), schemas)
            for shard, done in todo
            if done is None
        ]
        run = store.new_run([str(p) for p in paths], asdict(settings))
        report.run_id = run.run_id
        loader = ShardLoader(store, settings, run)
        computed: Iterator[ShardResult] = executor.map(run_shard, tasks)
        status = "interrupted"
        try:
            for shard, done in todo:
                result = done if done is not None else next(computed)
                if done is None:
                    report.shards_run += 1
                    pid = result.pid
                    report.worker_peak_rss[pid] = max(
                        report.worker_peak_rss.get(pid, 0), result.peak_rss
                    )
                else:
                    report.shards_reused += 1
                store.mark_written(
                    shard.shard_id, shard.position, list(shard.inputs), Path(result.folder)
                )
                loader.load(shard, result)
                report.absorb(loader.tally, skipped_pages)
                report.seconds = time.perf_counter() - started
                if progress is not None:
                    progress(report)
            status = "done"
            if settings.stories:
                _cluster(AfterBatch(settings, store), report)
        finally:
            close = getattr(computed, "close", None)
            if close is not None:
                close()
            report.absorb(loader.tally, skipped_pages)
            store.finish_run(run, report.skipped_already_stored, status)
    report.seconds = time.perf_counter() - started
    return report


def _cluster(hook: AfterBatch, report: BatchReport) -> None:
    """Place the new articles in stories, as ``ingest``'s after-batch hook does."""
    began = time.perf_counter()
    try:
        hook.clusterer()  # catches up with every stored article it does not know
        report.stories_clustered = hook.last_caught_up
    except ConfigError as exc:  # a missing optional dependency: the rest is stored
        log.warning("stories are not clustered in this run: %s", exc)
    hook.close()
    report.stories_seconds = time.perf_counter() - began
