"""Batch runs over many pages (``newsgraph run``): sharded, resumable, on any executor.

``run_batch`` plans shards (``plan``), has an executor run ``run_shard`` on each
(``worker``: pages -> Parquet partitions), and loads the partitions into the store in
plan order (``load``: corpus-wide dedup pass, one transaction per shard, recorded in
the shard ledger).  Nothing here imports Dask: the executor comes from
``newsgraph.runners``.
"""

from __future__ import annotations

from .driver import BatchReport, default_out, run_batch
from .partitions import PARTITION_TABLES, ShardResult, read_marker
from .plan import DEFAULT_SHARD_SIZE, Shard, plan_shards
from .worker import ShardTask, run_shard

__all__ = [
    "DEFAULT_SHARD_SIZE",
    "PARTITION_TABLES",
    "BatchReport",
    "Shard",
    "ShardResult",
    "ShardTask",
    "default_out",
    "plan_shards",
    "read_marker",
    "run_batch",
    "run_shard",
]
