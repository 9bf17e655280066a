"""The DuckDB store: the only place in newsgraph that speaks SQL.

* the writers, each taking a batch of page outcomes (``write_batch``) and making the
  same rows of it (``rows.batch_columns``): the file (``store.Store``; ``bulk.BulkStore``
  loads a batch run's shards), a running server that holds the file
  (``remote.RemoteStore``, the same ``new_run``/``write_batch``/``finish_run`` as
  ``Store``), a shard's Parquet partitions (``partitions.PartitionWriter``);
* ``query``: ``EventQuery``, every event filter once, compiled to SQL;
* reads by subject: ``events``, ``timelines``, ``articles``, ``stories``, ``outlets``,
  ``pages`` (and the ledger); ``clustering``: what the story hook reads and writes;
  ``export``: tables out.
"""

from __future__ import annotations

from .outcomes import ArticleOutcome, DuplicateOutcome, FailureOutcome, Outcome, PageState
from .pages import page_id
from .schema import LATEST, MIGRATIONS, Migration, current_version, migrate
from .store import RunInfo, Store

__all__ = [
    "LATEST",
    "MIGRATIONS",
    "ArticleOutcome",
    "DuplicateOutcome",
    "FailureOutcome",
    "Migration",
    "Outcome",
    "PageState",
    "RunInfo",
    "Store",
    "current_version",
    "migrate",
    "page_id",
]
