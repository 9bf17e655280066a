"""The work of one shard, in a worker process: pages in, one Parquet file per table out.

``run_shard`` streams the shard's pages in batches of ``settings.batch_size``:
extract, dedup within the shard, code the new articles, and append each batch's
rows to the partition writers.  Nothing of the shard is kept beyond the writers
and the shard's MinHash memory (a few hundred fingerprints).

What the partitions hold (the same columns as the store's tables):

* ``pages``: one row per page, with the worker's verdict (``duplicate`` rows link
  to the in-shard article they copy);
* ``articles``, ``minhashes``, ``lsh_bands``: the text and fingerprint of every
  extracted page, in-shard duplicates included, so that the driver's corpus-wide
  dedup pass can turn any page into an article or a duplicate;
* ``sentences``, ``mentions``, ``events``, ``event_actors``, ``quotes``,
  ``article_tone``: the codings and tone of the articles the worker found new.

The work itself is ``PageWork``, the same as ``newsgraph ingest`` runs (``work.py``),
with ``keep_copies``: a copy stays an article row whose page links to its original.

Files are written under temporary names and renamed into place when the shard is
done; the ``_done.json`` marker comes last.  A shard folder without the marker is
an attempt that died: its files are never read, and the next attempt replaces them.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..records import PageTally
from ..runners import on_recycle
from ..settings import Settings
from ..sources import Manifest, iter_pages
from ..store.partitions import PartitionWriter, ShardResult
from .plan import Shard
from .work import PageWork, chunks, count_outcomes, make_coder


@dataclass(frozen=True, slots=True)
class ShardTask:
    """What a worker needs for one shard (picklable)."""

    shard: Shard
    settings: Settings
    manifest: Manifest | None
    folder: str
    schemas: Mapping[str, pa.Schema]


def run_shard(task: ShardTask) -> ShardResult:
    """Process one shard and write its partitions (the function workers run)."""
    started = time.perf_counter()
    try:
        return _run_shard(task, started)
    finally:
        release_library_caches()


def _run_shard(task: ShardTask, started: float) -> ShardResult:
    settings = task.settings
    read = PageTally()  # pages read, and repeats of a location in the shard
    made = PageTally()  # the worker's verdicts (the driver's pass has the last word)
    work = PageWork(settings, tally=read, coder=shard_coder, keep_copies=True)
    pages = iter_pages(task.shard.inputs, settings, task.manifest)
    with PartitionWriter(Path(task.folder), task.schemas) as writer:
        for batch in chunks(pages, settings.batch_size):
            outcomes = work.process(batch)
            count_outcomes(made, outcomes)
            writer.write_batch(outcomes)
        result = ShardResult(
            shard_id=task.shard.shard_id,
            folder=task.folder,
            pages=read.pages,
            repeats=read.skipped_already_stored,
            articles=made.articles,
            duplicates=made.duplicates,
            failed=made.failed,
            coded=work.coded,
            seconds=time.perf_counter() - started,
            pid=os.getpid(),
            peak_rss=peak_rss(),
        )
        writer.commit(result)
    return result


def release_library_caches() -> None:
    """Empty the caches in which trafilatura keeps whole texts (after each shard).

    Its ``trim`` and ``line_processing`` memoise up to 1,024 strings each, a whole
    element's text apiece: bounded in count, not in bytes, so a worker that meets
    very long pages would keep them.  Refilling them costs little next to a shard."""
    utils = sys.modules.get("trafilatura.utils")
    for name in ("trim", "line_processing"):
        clear = getattr(getattr(utils, name, None), "cache_clear", None)
        if clear is not None:
            clear()


def peak_rss() -> int:
    """This process's peak resident set size in bytes.

    On Linux, ``VmHWM``: the high-water mark of this program's own memory.  Not
    ``ru_maxrss``, which keeps the peak from before ``exec``: a worker spawned by a
    parent (a Dask nanny in the driver, a process pool) would report at least the
    parent's RSS at the time it was started."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def shard_coder(settings: Settings) -> Any:
    """One coder per worker process (spaCy, lexicon and actor resolver loaded once)."""
    return _coder(replace(settings, db="", batch_size=0))


@lru_cache(maxsize=2)
def _coder(settings: Settings) -> Any:
    return make_coder(settings)


@on_recycle
def drop_models() -> None:
    """Forget this process's coder and spaCy pipeline (inline worker recycling).

    The pipeline's vocabulary grows with every new word it meets (about one lexeme
    and three strings a word), so a long run keeps a growing model; the next shard
    loads a fresh one."""
    _coder.cache_clear()
    nlp = sys.modules.get("newsgraph.nlp")  # not imported (no spaCy) in uncoded runs
    if nlp is not None:
        nlp.clear_models()
