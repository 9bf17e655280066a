"""The DuckDB store: the only place in newsgraph that speaks SQL.

* ``store`` (``Store``), ``bulk`` (``BulkStore``), ``partitions``, ``remote``: the
  writers, behind one interface (``write_batch`` of a run's outcomes): the file, a
  batch run's Parquet partitions, a running server that holds the file;
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
