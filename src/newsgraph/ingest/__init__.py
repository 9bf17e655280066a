"""The ingest chain: one unit of per-page work, run inline, in batch shards or while serving.

* ``work``: ``PageWork``, pages in, extracted, deduplicated (``dedup``), coded and
  tone-scored, one outcome per page out;
* ``pipeline``: ``ingest`` runs it in this process and writes each batch to the store
  (or through the server that holds it); ``code_records`` codes JSONL records;
* ``plan``, ``worker``, ``load``, ``driver``: ``run_batch`` (``newsgraph run``) cuts
  the inputs into shards, has an executor run the same work on each (Parquet
  partitions out), then loads them in order with a corpus-wide dedup pass;
* ``after``: stories of the stored articles after each commit (``AfterBatch``).

Nothing here imports Dask: the executor comes from ``newsgraph.runners``.
"""

from __future__ import annotations

from ..store.partitions import PARTITION_TABLES, ShardResult, read_marker
from .driver import BatchReport, default_out, run_batch
from .pipeline import LineError, RunReport, code_records, ingest
from .plan import DEFAULT_SHARD_SIZE, Shard, plan_shards
from .work import PageWork
from .worker import ShardTask, run_shard

__all__ = [
    "DEFAULT_SHARD_SIZE",
    "PARTITION_TABLES",
    "BatchReport",
    "LineError",
    "PageWork",
    "RunReport",
    "Shard",
    "ShardResult",
    "ShardTask",
    "code_records",
    "default_out",
    "ingest",
    "plan_shards",
    "read_marker",
    "run_batch",
    "run_shard",
]
