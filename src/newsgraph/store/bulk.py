"""Bulk loading of batch-run partitions and the shard ledger (``newsgraph run``).

Workers of a batch run never open the store: each writes one Parquet file per table
for its shard (see ``newsgraph.batch``).  The driver, the only writer, then loads a
shard with ``load_shard``: the rows the dedup pass kept are copied straight from the
Parquet files (``INSERT ... SELECT ... FROM read_parquet(?)``), and the shard's
ledger row turns ``loaded`` in the SAME transaction, so a shard is either wholly in
the store and marked, or not at all.  A re-run skips the shards marked ``loaded``.

``ShardLoad.decisions`` says, page by page, what the driver decided (columns):

=================  ==========================================================
``page_id``        the page
``status``         ``article``, ``duplicate`` or ``failed``
``link``           ``pages.article_id``: its own article id, or the one it copies
``own_id``         the article id of the page's text in the partition (or null)
``of_article_id``  for a duplicate: the article it copies
``kind``           for a duplicate: ``exact`` or ``near``
``similarity``     for a duplicate: the estimated Jaccard similarity
``take``           copy this article's rows (article, fingerprint, coding) from
                   the partition; false for duplicates and for articles coded
                   by the driver itself (those come in ``ShardLoad.outcomes``)
=================  ==========================================================
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .outcomes import ArticleOutcome
from .rows import batch_columns
from .sql import strings
from .store import TABLES, RunInfo, Store

DECISION_COLUMNS = (
    "page_id",
    "status",
    "link",
    "own_id",
    "of_article_id",
    "kind",
    "similarity",
    "take",
)
_DECISIONS = "_newsgraph_decisions"
# tables whose rows hang off an article id, copied for the decisions that ``take``
_BY_ARTICLE = (
    "articles", "minhashes", "lsh_bands", "sentences", "mentions", "events", "quotes", "article_tone",
    "place_mentions",
)  # fmt: skip
_KNOWN = frozenset(TABLES)
_STAMPED = {"run_id", "ingested_at"}


@dataclass(frozen=True, slots=True)
class ShardState:
    """A shard as the ledger records it."""

    shard_id: str
    status: str
    partitions: str
    pages: int
    skipped: int
    run_id: int | None


@dataclass(slots=True)
class ShardLoad:
    """Everything the driver loads for one shard, in one transaction."""

    shard_id: str
    position: int
    inputs: list[str]
    folder: Path  # holds <table>.parquet for every partition table
    decisions: dict[str, list[Any]]  # DECISION_COLUMNS
    outcomes: list[ArticleOutcome] = field(default_factory=list)  # coded by the driver
    pages: int = 0  # pages of the shard, skipped ones included
    skipped: int = 0  # pages skipped as already stored (or seen earlier in the run)


@dataclass(frozen=True, slots=True)
class LoadCounts:
    pages: int
    articles: int
    duplicates: int
    failed: int
    events: int


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class BulkStore(Store):
    """A ``Store`` that can also load whole shards of Parquet partitions."""

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, memory_mb: int = 0) -> BulkStore:
        store = super().open(path, read_only, memory_mb)
        assert isinstance(store, BulkStore)
        return store

    def partition_schemas(self, tables: Iterable[str]) -> dict[str, pa.Schema]:
        """The Arrow schema of each table, for workers to write partitions with."""
        schemas = {}
        for table in tables:
            self._known(table)
            schemas[table] = (
                self._conn.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            )
        return schemas

    def shard_states(self, shard_ids: list[str]) -> dict[str, ShardState]:
        rows = self._conn.execute(
            "SELECT shard_id, status, partitions, pages, skipped, run_id FROM shards "
            "WHERE shard_id IN (SELECT unnest(?))",
            [shard_ids],
        ).fetchall()
        return {r[0]: ShardState(*r) for r in rows}

    def mark_written(self, shard_id: str, position: int, inputs: list[str], folder: Path) -> None:
        """Record that a shard's partitions are complete (not loaded yet)."""
        self._writable()
        self._conn.execute(
            "INSERT INTO shards (shard_id, position, inputs, status, partitions, updated_at) "
            "VALUES (?, ?, ?, 'written', ?, ?) ON CONFLICT (shard_id) DO UPDATE SET "
            "status = 'written', partitions = excluded.partitions, updated_at = excluded.updated_at",
            [shard_id, position, json.dumps(inputs), str(folder), _now()],
        )

    def load_shard(self, run: RunInfo, load: ShardLoad) -> LoadCounts:
        """Load one shard's kept rows and mark it ``loaded``, all in one transaction."""
        self._writable()
        now = _now()
        decisions = pa.table(
            {name: load.decisions[name] for name in DECISION_COLUMNS},
            schema=pa.schema(
                [
                    ("page_id", pa.string()),
                    ("status", pa.string()),
                    ("link", pa.string()),
                    ("own_id", pa.string()),
                    ("of_article_id", pa.string()),
                    ("kind", pa.string()),
                    ("similarity", pa.float64()),
                    ("take", pa.bool_()),
                ]
            ),
        )
        statuses = load.decisions["status"]
        articles = statuses.count("article")
        duplicates = statuses.count("duplicate")
        failed = statuses.count("failed")
        conn = self._conn
        conn.register(_DECISIONS, decisions)
        try:
            conn.execute("BEGIN TRANSACTION")
            if not run.recorded:
                conn.execute(
                    "INSERT INTO runs (run_id, started_at, status, inputs, settings) "
                    "VALUES (?, ?, 'running', ?, ?)",
                    [run.run_id, run.started_at, json.dumps(run.inputs), json.dumps(run.settings)],
                )
            retired = self._detach(decisions)
            self._copy_partitions(load.folder, run.run_id, now)
            events = self._count_events(load.folder)
            if load.outcomes:
                for table, columns in batch_columns(list(load.outcomes), run.run_id, now).items():
                    if table not in ("pages", "duplicates"):
                        self._insert(table, columns)
                events += sum(len(o.coding.events) for o in load.outcomes if o.coding is not None)
            self._retire(retired)
            conn.execute(
                "UPDATE runs SET pages = pages + ?, articles = articles + ?, "
                "duplicates = duplicates + ?, failed = failed + ?, events = events + ?, "
                "skipped = skipped + ? WHERE run_id = ?",
                [len(statuses), articles, duplicates, failed, events, load.skipped, run.run_id],
            )
            conn.execute(
                "INSERT OR REPLACE INTO shards (shard_id, position, inputs, status, partitions, "
                "pages, articles, duplicates, failed, skipped, events, run_id, updated_at) "
                "VALUES (?, ?, ?, 'loaded', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    load.shard_id, load.position, json.dumps(load.inputs), str(load.folder),
                    load.pages, articles, duplicates, failed, load.skipped, events, run.run_id, now,
                ],
            )  # fmt: skip
            conn.execute("COMMIT")
        except BaseException as exc:
            conn.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(
                    f"cannot load shard {load.shard_id} from {load.folder}: {' '.join(str(exc).split())}"
                ) from exc
            raise
        finally:
            conn.unregister(_DECISIONS)
        run.recorded = True
        return LoadCounts(len(statuses), articles, duplicates, failed, events)

    # -- the steps of a load ---------------------------------------------------------

    def _detach(self, decisions: pa.Table) -> list[tuple[str, str | None]]:
        """Remove the old rows of pages stored before with other content.

        Returns each old article with what its location holds now, for ``_retire``.
        """
        old = self._conn.execute(
            f"SELECT p.page_id, p.status, p.article_id, d.status, d.link FROM pages p "
            f"JOIN {_DECISIONS} d USING (page_id)"
        ).fetchall()
        if not old:
            return []
        page_ids = [row[0] for row in old]
        self._conn.execute("DELETE FROM duplicates WHERE page_id IN (SELECT unnest(?))", [page_ids])
        self._conn.execute("DELETE FROM pages WHERE page_id IN (SELECT unnest(?))", [page_ids])
        return [
            (article_id, link if new_status != "failed" else None)
            for _, status, article_id, new_status, link in old
            if status == "article" and article_id is not None
        ]

    def _copy_partitions(self, folder: Path, run_id: int, now: datetime) -> None:
        conn = self._conn
        conn.execute(
            f"INSERT INTO pages (page_id, location, content_hash, status, article_id, reason, "
            f"run_id, ingested_at) SELECT p.page_id, p.location, p.content_hash, d.status, d.link, "
            f"CASE WHEN d.status = 'failed' THEN p.reason END, ?, ? "
            f"FROM read_parquet(?) p JOIN {_DECISIONS} d USING (page_id)",
            [run_id, now, _part(folder, "pages")],
        )
        kept = f"SELECT own_id FROM {_DECISIONS} WHERE take"
        for table in _BY_ARTICLE:
            names, values, params = self._select_list(table, run_id, now)
            conn.execute(
                f"INSERT INTO {table} ({names}) SELECT {values} FROM read_parquet(?) "
                f"WHERE article_id IN ({kept})",
                [*params, _part(folder, table)],
            )
        names, values, params = self._select_list("event_actors", run_id, now)
        conn.execute(
            f"INSERT INTO event_actors ({names}) SELECT {values} FROM read_parquet(?) "
            f"WHERE event_id IN (SELECT event_id FROM read_parquet(?) WHERE article_id IN ({kept}))",
            [*params, _part(folder, "event_actors"), _part(folder, "events")],
        )
        conn.execute(
            f"INSERT INTO duplicates (page_id, location, url, outlet, title, published, "
            f"of_article_id, kind, similarity, run_id) SELECT d.page_id, a.location, a.url, "
            f"a.outlet, a.title, a.published, d.of_article_id, d.kind, d.similarity, ? "
            f"FROM read_parquet(?) a JOIN {_DECISIONS} d ON a.article_id = d.own_id "
            f"WHERE d.status = 'duplicate'",
            [run_id, _part(folder, "articles")],
        )

    def _count_events(self, folder: Path) -> int:
        row = self._conn.execute(
            f"SELECT count(*) FROM read_parquet(?) WHERE article_id IN "
            f"(SELECT own_id FROM {_DECISIONS} WHERE take)",
            [_part(folder, "events")],
        ).fetchall()
        return int(row[0][0]) if row else 0

    def _select_list(self, table: str, run_id: int, now: datetime) -> tuple[str, str, list[Any]]:
        """Column names, the SELECT list (run id and time restamped) and its parameters."""
        columns = self._columns(table)
        params: list[Any] = []
        values = []
        for name in columns:
            if name in _STAMPED:
                values.append("?")
                params.append(run_id if name == "run_id" else now)
            else:
                values.append(f'"{name}"')
        return ", ".join(f'"{c}"' for c in columns), ", ".join(values), params

    def _columns(self, table: str) -> list[str]:
        self._known(table)
        return strings(
            self._conn,
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "AND table_schema = 'main' ORDER BY ordinal_position",
            [table],
        )

    @staticmethod
    def _known(table: str) -> None:
        if table not in _KNOWN:
            raise StoreError(f"unknown table {table!r}; known tables: {', '.join(sorted(_KNOWN))}")


def _part(folder: Path, table: str) -> str:
    return str(folder / f"{table}.parquet")
