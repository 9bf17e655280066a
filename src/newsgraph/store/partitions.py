"""A shard's partitions on disk: one Parquet file per table, and the marker that says done.

``PartitionWriter`` appends each batch's rows to one file per table, under temporary
names (``<table>.parquet.tmp-<pid>-<random>``); ``commit`` renames them into place and
then writes ``_done.json`` (the shard's ``ShardResult``) the same way.  Readers trust a
folder only with its marker (``read_marker``): the files of an attempt that died are
never read, the next attempt replaces them, and ``remove_stale`` deletes the leftovers.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..closing import Closing
from .outcomes import Outcome
from .rows import batch_columns
from .store import TABLES

# every table a worker writes: the store's, less the duplicate links the driver decides
PARTITION_TABLES = tuple(t for t in TABLES if t != "duplicates")
MARKER = "_done.json"


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What a worker reports for a shard (also kept in its ``_done.json`` marker)."""

    shard_id: str
    folder: str
    pages: int  # pages read, in-shard repeats of a location included
    repeats: int  # pages whose location came earlier in the shard (not stored)
    articles: int  # the worker's view; the driver's dedup pass has the last word
    duplicates: int
    failed: int
    coded: int
    seconds: float
    pid: int
    peak_rss: int  # bytes, the worker process's peak so far
    reused: bool = False  # found on disk from an earlier run, not computed now


def read_marker(folder: Path) -> ShardResult | None:
    """The result of a shard whose partitions are complete on disk, else None."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        result = ShardResult(**{**data, "reused": True})
    except (OSError, ValueError, TypeError):
        return None
    if result.shard_id != folder.name or not all(
        (folder / f"{t}.parquet").is_file() for t in PARTITION_TABLES
    ):
        return None
    return replace(result, folder=str(folder))


class PartitionWriter(Closing):
    """One Parquet file per table for a shard, under temporary names until ``commit``."""

    def __init__(self, folder: Path, schemas: Mapping[str, pa.Schema]) -> None:
        self.folder = folder
        self.schemas = {t: schemas[t] for t in PARTITION_TABLES}
        self._tag = f".tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._done = False
        folder.mkdir(parents=True, exist_ok=True)

    def _temp(self, name: str) -> Path:
        return self.folder / f"{name}{self._tag}"

    def write_batch(self, outcomes: list[Outcome]) -> None:
        """Append the rows of a batch of outcomes (as the store would write them)."""
        self.write(batch_columns(outcomes, 0, datetime.now(UTC).replace(tzinfo=None)))

    def write(self, tables: Mapping[str, Mapping[str, list[Any]]]) -> None:
        for table, schema in self.schemas.items():
            columns = tables.get(table)
            if not columns:
                continue
            rows = len(next(iter(columns.values())))
            data = {f.name: columns.get(f.name, [None] * rows) for f in schema}
            writer = self._writers.get(table)
            if writer is None:
                writer = pq.ParquetWriter(self._temp(f"{table}.parquet"), schema)
                self._writers[table] = writer
            writer.write_table(pa.Table.from_pydict(data, schema=schema))

    def commit(self, result: ShardResult) -> None:
        """Close every file, move them into place, then write the marker."""
        for table, schema in self.schemas.items():
            writer = self._writers.pop(table, None)
            if writer is None:
                pq.write_table(schema.empty_table(), self._temp(f"{table}.parquet"))
            else:
                writer.close()
        for table in self.schemas:
            os.replace(self._temp(f"{table}.parquet"), self.folder / f"{table}.parquet")
        marker = self._temp(MARKER)
        data = {k: getattr(result, k) for k in ShardResult.__dataclass_fields__ if k != "reused"}
        marker.write_text(json.dumps(data), encoding="utf-8")
        os.replace(marker, self.folder / MARKER)
        self._done = True

    def abort(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
        for path in self.folder.glob(f"*{self._tag}"):
            path.unlink(missing_ok=True)

    def close(self) -> None:
        """Leaving a ``with`` block uncommitted (an error): nothing of the shard is kept."""
        if not self._done:
            self.abort()


def remove_stale(folder: Path) -> None:
    """Delete temporary files that dead attempts left in a shard folder."""
    for path in folder.glob("*.tmp-*"):
        path.unlink(missing_ok=True)
