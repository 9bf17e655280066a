"""The DuckDB store: opening (with migrations), writing batches, answering questions.

One writer at a time (DuckDB locks the file); readers open it read-only.  Every
batch of page outcomes is written in ONE transaction, so a run killed at any point
leaves whole pages behind and the next run resumes where it stopped.

A changed page at a stored location REPLACES its old version: the old page's rows
(its article with everything coded from it, or its duplicate link, or its failure)
are deleted and the new content is stored.  Duplicate links that pointed to the
removed article move to what the location now holds (its new article, or the article
it now duplicates); if the new version failed, an article that other pages still
link to is kept as it was, so no link is left dangling.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..closing import Closing
from ..errors import StoreError
from . import articles, events, pages
from .outcomes import ArticleOutcome, DuplicateOutcome, Outcome, PageState
from .query import EventQuery
from .rows import batch_columns
from .schema import LATEST, current_version, migrate

TABLES = (
    "pages",
    "articles",
    "duplicates",
    "minhashes",
    "lsh_bands",
    "sentences",
    "mentions",
    "events",
    "event_actors",
    "quotes",
    "article_tone",
    "place_mentions",
)


@dataclass(slots=True)
class RunInfo:
    """A run as the store records it (its row is written with its first batch)."""

    run_id: int
    inputs: list[str]
    settings: dict[str, Any]
    started_at: datetime = field(default_factory=lambda: _now())
    recorded: bool = False


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def memory_limit_mb() -> int:
    """A quarter of this machine's memory (or of the container's limit), in MB."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    with contextlib.suppress(OSError, ValueError):  # cgroup v2: "max" or a byte count
        total = min(total, int(Path("/sys/fs/cgroup/memory.max").read_text().strip()))
    return max(256, total // 4 // 2**20)


class Store(Closing):
    """A newsgraph store.  Use ``Store.open(path)`` (or ``newsgraph.open`` to read)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only

    # -- lifecycle -------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, memory_mb: int = 0) -> Store:
        """Open (and, when writable, create or upgrade) the store at ``path``.

        DuckDB keeps the blocks it has read or written cached up to its memory limit
        (80% of the machine by default), so a long run's driver grows with the store;
        the limit here is ``memory_mb`` (``store_memory_mb``), else ``memory_limit_mb()``.
        """
        path = Path(path)
        if read_only and not path.is_file():
            raise StoreError(f"no store at {path}; run `newsgraph ingest PATH --db {path}` first")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {path}: {_one_line(exc)}") from exc
        try:
            conn.execute(f"SET memory_limit = '{memory_mb or memory_limit_mb()}MiB'")
            if read_only:
                version = current_version(conn)
                if version == 0:
                    raise StoreError(f"{path} is not a newsgraph store (no schema_version table)")
                if version < LATEST:
                    raise StoreError(
                        f"the store {path} is at schema version {version} (current: {LATEST}); "
                        "open it once for writing (e.g. `newsgraph ingest`) to upgrade it"
                    )
                if version > LATEST:
                    raise StoreError(
                        f"the store {path} is at schema version {version} but this newsgraph "
                        f"knows only up to {LATEST}; upgrade newsgraph to read it"
                    )
            else:
                migrate(conn)
                mark_interrupted(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, read_only)

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The store's own connection, for the query modules (``analysis``, ``reads``,
        ``export``); a thread of its own takes ``connection.cursor()``."""
        return self._conn

    @property
    def schema_version(self) -> int:
        return current_version(self._conn)

    # -- writing ---------------------------------------------------------------------

    def new_run(self, inputs: list[str], settings: dict[str, Any]) -> RunInfo:
        """A new run id; nothing is written until its first batch."""
        row = self._conn.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
        return RunInfo(run_id=int(row[0]) if row else 1, inputs=inputs, settings=settings)

    def write_batch(self, run: RunInfo, outcomes: list[Outcome]) -> None:
        """Store the outcomes of one batch of pages in one transaction."""
        self._writable()
        if not outcomes:
            return
        now = _now()
        counts = _outcome_counts(outcomes)
        try:
            self._conn.execute("BEGIN TRANSACTION")
            if not run.recorded:
                self._conn.execute(
                    "INSERT INTO runs (run_id, started_at, status, inputs, settings) "
                    "VALUES (?, ?, 'running', ?, ?)",
                    [run.run_id, run.started_at, json.dumps(run.inputs), json.dumps(run.settings)],
                )
            replaced = self._detach_replaced(outcomes)
            for table, columns in batch_columns(outcomes, run.run_id, now).items():
                self._insert(table, columns)
            self._retire(replaced)
            self._conn.execute(
                "UPDATE runs SET pages = pages + ?, articles = articles + ?, "
                "duplicates = duplicates + ?, failed = failed + ?, events = events + ? "
                "WHERE run_id = ?",
                [*counts, run.run_id],
            )
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._conn.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"cannot write a batch to {self.path}: {_one_line(exc)}") from exc
            raise
        run.recorded = True

    def finish_run(self, run: RunInfo, skipped: int, status: str = "done") -> None:
        """Close the run's row (a run that stored nothing leaves no row)."""
        self._writable()
        if not run.recorded:
            return
        self._conn.execute(
            "UPDATE runs SET finished_at = ?, status = ?, skipped = ? WHERE run_id = ?",
            [_now(), status, skipped, run.run_id],
        )

    def _insert(self, table: str, columns: dict[str, list[Any]]) -> None:
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}")
        names = ", ".join(f'"{name}"' for name in columns)
        self._conn.register("_newsgraph_batch", pa.table(columns))
        try:
            self._conn.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM _newsgraph_batch"
            )
        finally:
            self._conn.unregister("_newsgraph_batch")

    def _detach_replaced(self, outcomes: list[Outcome]) -> list[tuple[str, str | None]]:
        """Remove the old rows of pages stored before in another version.

        Returns each old article with its successor (what its location holds now),
        for ``_retire`` once the batch is in (see the module docstring).
        """
        by_page = {o.page_id: o for o in outcomes}
        old = self._conn.execute(
            "SELECT page_id, status, article_id FROM pages WHERE page_id IN (SELECT unnest(?))",
            [list(by_page)],
        ).fetchall()
        if not old:
            return []
        page_ids = [page_id for page_id, _, _ in old]
        self._conn.execute("DELETE FROM duplicates WHERE page_id IN (SELECT unnest(?))", [page_ids])
        self._conn.execute("DELETE FROM pages WHERE page_id IN (SELECT unnest(?))", [page_ids])
        retired: list[tuple[str, str | None]] = []
        for page_id, status, article_id in old:
            if status != "article" or article_id is None:
                continue
            new = by_page[page_id]
            if isinstance(new, ArticleOutcome):
                retired.append((article_id, new.article_id))
            elif isinstance(new, DuplicateOutcome):
                retired.append((article_id, new.of_article_id))
            else:
                retired.append((article_id, None))
        return retired

    def _retire(self, retired: list[tuple[str, str | None]]) -> None:
        """Delete replaced articles, moving links to their successors first."""
        for article_id, successor in retired:
            if successor is not None and successor != article_id:
                self._conn.execute(
                    "UPDATE duplicates SET of_article_id = ? WHERE of_article_id = ?",
                    [successor, article_id],
                )
                self._conn.execute(
                    "UPDATE pages SET article_id = ? WHERE status = 'duplicate' AND article_id = ?",
                    [successor, article_id],
                )
            else:
                linked = self._conn.execute(
                    "SELECT count(*) FROM duplicates WHERE of_article_id = ?", [article_id]
                ).fetchone()
                if linked and linked[0]:
                    continue  # still the canonical text of stored copies: keep it
            self._delete_article(article_id)

    def _delete_article(self, article_id: str) -> None:
        self._conn.execute(
            "DELETE FROM event_actors WHERE event_id IN "
            "(SELECT event_id FROM events WHERE article_id = ?)",
            [article_id],
        )
        for table in (
            "events", "sentences", "mentions", "quotes", "lsh_bands", "minhashes", "article_tone",
            "place_mentions", "articles",
        ):  # fmt: skip
            self._conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only")

    # -- what the pipeline asks ------------------------------------------------------

    def page_states(self, page_ids: list[str]) -> dict[str, PageState]:
        """The stored state of these pages, by page id (absent ids are not stored)."""
        return pages.page_states(self._conn, page_ids)

    def has_page(self, location: str, content_hash: str) -> bool:
        """Whether this exact content of this location is stored already."""
        return pages.has_page(self._conn, location, content_hash)

    def articles_with_body_hash(self, hashes: list[str]) -> list[tuple[str, str, str]]:
        """(body_hash, article_id, location) of stored articles with one of these hashes."""
        return pages.articles_with_body_hash(self._conn, hashes)

    def band_matches(self, buckets: list[int]) -> list[tuple[int, int, str, str]]:
        """(band, bucket, article_id, location) of stored articles in any of these buckets."""
        return pages.band_matches(self._conn, buckets)

    def signatures(self, article_ids: list[str]) -> dict[str, bytes]:
        """The stored MinHash signatures of these articles."""
        return pages.signatures(self._conn, article_ids)

    # -- what people ask -------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return pages.counts(self._conn)

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """Article summaries; filters: outlet, language, since, until, limit, offset."""
        return articles.articles(self._conn, **filters)

    def article(self, ident: str) -> dict[str, Any] | None:
        """One article (by article id, page id or location) with its copies and events."""
        return articles.article(self._conn, ident)

    def events(
        self,
        query: EventQuery | None = None,
        limit: int | None = None,
        offset: int = 0,
        **filters: Any,
    ) -> list[dict[str, Any]]:
        """The events of the query, in date order; or of the filters given by name
        (``actor="RUS"``, ``dyad=("RUS", "TUR")``...), parsed by ``EventQuery.parse``."""
        return events.events(self._conn, query or EventQuery.parse(filters), limit, offset)

    def failures(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Pages that failed, with their reasons."""
        return pages.failures(self._conn, limit, offset)

    def not_coded(self, run_id: int | None = None) -> list[dict[str, Any]]:
        """Articles stored but not coded (of one run, or all), with the reason."""
        return pages.not_coded(self._conn, run_id)

    def runs(self) -> list[dict[str, Any]]:
        return pages.runs(self._conn)


def mark_interrupted(conn: duckdb.DuckDBPyConnection) -> int:
    """Runs left ``running`` by a process that died are ``interrupted``; returns how many.

    Called when the store is opened for writing: DuckDB lets one process write a file,
    so a run still marked running then is one whose process is gone (killed mid-way)."""
    row = conn.execute(
        "UPDATE runs SET status = 'interrupted' WHERE status = 'running' RETURNING run_id"
    ).fetchall()
    return len(row)


def _outcome_counts(outcomes: list[Outcome]) -> list[int]:
    articles = [o for o in outcomes if isinstance(o, ArticleOutcome)]
    duplicates = sum(isinstance(o, DuplicateOutcome) for o in outcomes)
    events = sum(len(o.coding.events) for o in articles if o.coding is not None)
    failed = len(outcomes) - len(articles) - duplicates
    return [len(outcomes), len(articles), duplicates, failed, events]


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
