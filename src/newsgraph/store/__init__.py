"""The DuckDB store: the only place in newsgraph that speaks SQL."""

from __future__ import annotations

from .outcomes import ArticleOutcome, DuplicateOutcome, FailureOutcome, Outcome, PageState
from .queries import page_id
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
