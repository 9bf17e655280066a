"""The server owns the store: one read-write DuckDB connection, a cursor per thread.

DuckDB lets one process write a file, and a read-only open fails while a writer holds
it.  So the dashboard process opens the store for writing once and keeps it:

* requests read through a cursor of that connection (one per worker thread); each
  query sees what was committed when it started;
* an ingest running in another process finds ``<db>.server.json`` (host, port, pid,
  a random token) and sends each batch to ``/internal/*`` (``newsgraph.web.client``);
  the server writes it through its own connection, one batch at a time under a lock,
  in the store's usual one-transaction-per-batch way.

With ``read_only=True`` the host opens the file read-only (another process may not
write it meanwhile) and refuses ingest calls.

The host also keeps an in-memory ``EventIndex`` of the committed events for the hot
API paths; it is rebuilt in a background thread once writes pause for
``INDEX_QUIET`` seconds, and SQL answers while it is stale, so a committed batch is
visible at once either way.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..ingest.after import AfterBatch
from ..settings import Settings
from ..store import RunInfo, Store, events
from ..store.remote import server_file
from .index import EventIndex

log = logging.getLogger("newsgraph.web")
INDEX_MAX_EVENTS = 1_000_000  # above this the API answers from SQL only (~5 KB per event)
INDEX_QUIET = 1.0  # seconds without writes before a stale index is rebuilt


class StoreHost:
    """The one connection to the store a server process holds."""

    def __init__(
        self, db_path: str | Path, read_only: bool = False, index_max_events: int = INDEX_MAX_EVENTS
    ) -> None:
        self.path = Path(db_path)
        self.read_only = read_only
        self.index_max_events = index_max_events
        self.index: EventIndex | None = None
        self._index_thread: threading.Thread | None = None
        self._index_lock = threading.Lock()
        self._last_write = 0.0
        self._closing = False
        self.token = secrets.token_urlsafe(32)
        self.version = 0  # bumped after every committed write
        self._store: Store | None = None
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._cursor_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self._runs: dict[int, RunInfo] = {}
        self._after: dict[int, AfterBatch | None] = {}  # run id -> the story hook of that run
        self._announced: Path | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def open(self) -> None:
        """Open the store (once; later calls do nothing)."""
        if self._store is None:
            self._store = Store.open(self.path, read_only=self.read_only)
            self.fresh_index()  # start building it

    def close(self) -> None:
        self._closing = True
        if self._index_thread is not None:
            self._index_thread.join(timeout=30)
        self.withdraw()
        with self._cursor_lock:
            for cursor in self._cursors:
                with contextlib.suppress(duckdb.Error):
                    cursor.close()
            self._cursors.clear()
        if self._store is not None:
            self._store.close()
            self._store = None

    @property
    def store(self) -> Store:
        """The read-write store (writes must hold ``write_lock``)."""
        if self._store is None:
            raise StoreError(f"the store {self.path} is not open")
        return self._store

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's read cursor on the shared connection."""
        cursor: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self.store.connection.cursor()
            self._local.cursor = cursor
            with self._cursor_lock:
                self._cursors.append(cursor)
        return cursor

    def reader(self) -> Store:
        """A read-only ``Store`` view on this thread's cursor."""
        return Store(self.cursor(), self.path, read_only=True)

    # -- the in-memory index --------------------------------------------------------------

    def fresh_index(self) -> EventIndex | None:
        """The index if it reflects the last committed write, else None (use SQL).

        A stale index starts a rebuild in the background once writes have paused.
        """
        index = self.index
        if index is not None and index.version == self.version:
            return index
        if self.index_max_events <= 0 or time.monotonic() - self._last_write < INDEX_QUIET:
            return None
        with self._index_lock:
            running = self._index_thread is not None and self._index_thread.is_alive()
            if not running and not self._closing:
                self._index_thread = threading.Thread(
                    target=self._build_index, name="newsgraph-index", daemon=True
                )
                self._index_thread.start()
        return None

    def index_state(self) -> dict[str, Any]:
        """Whether the in-memory index is fresh, its size, the store's write version."""
        index = self.fresh_index()
        return {
            "fresh": index is not None,
            "events": index.n if index else None,
            "version": self.version,
        }

    def _build_index(self) -> None:
        version = self.version
        try:
            cursor = self.cursor()
            if events.count_events(cursor) > self.index_max_events:
                log.info(
                    "%s: more than %d events; the API answers from SQL",
                    self.path,
                    self.index_max_events,
                )
                self.index_max_events = 0
                return
            rows, actors = events.index_tables(cursor)
            if not self._closing:
                self.index = EventIndex.build(rows, actors, version)
        except Exception:  # the SQL answers stay available; say why in the log
            log.exception("cannot build the in-memory event index of %s", self.path)

    # -- announcing the server to ingest processes ---------------------------------------

    def announce(self, host: str, port: int) -> Path:
        """Write ``<db>.server.json`` (owner-only) so ``newsgraph ingest`` writes through us."""
        target = server_file(self.path)
        info = {
            "host": host,
            "port": port,
            "pid": os.getpid(),
            "token": self.token,
            "db": str(self.path.resolve()),
        }
        tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(info, fh)
        os.replace(tmp, target)
        self._announced = target
        return target

    def withdraw(self) -> None:
        """Remove the announcement if it is still ours."""
        target, self._announced = self._announced, None
        if target is None:
            return
        try:
            if json.loads(target.read_text(encoding="utf-8")).get("token") == self.token:
                target.unlink()
        except (OSError, ValueError):
            pass

    # -- writes on behalf of an ingest process ---------------------------------------------

    def new_run(self, inputs: list[str], settings: dict[str, Any]) -> RunInfo:
        with self.write_lock:
            run = self.store.new_run(inputs, settings)
            if self._runs:  # runs not yet recorded hold their id too
                run.run_id = max(run.run_id, max(self._runs) + 1)
            self._runs[run.run_id] = run
            return run

    def run(self, run_id: int) -> RunInfo:
        found = self._runs.get(run_id)
        if found is None:
            raise KeyError(run_id)
        return found

    def write_batch(self, run_id: int, outcomes: list[Any]) -> None:
        """Store a batch as ``ingest`` would, then run the after-batch hook (tone, stories)
        here, where the connection is: the ingest process skips it when writing remotely."""
        with self.write_lock:
            run = self.run(run_id)
            self.store.write_batch(run, outcomes)
            self.version += 1
            self._last_write = time.monotonic()
            after = self._hook(run)
            if after is not None:
                after.batch(outcomes)
                self.version += 1  # stories changed too
            self._last_write = time.monotonic()

    def finish_run(self, run_id: int, skipped: int, status: str) -> None:
        with self.write_lock:
            run = self._runs.pop(run_id, None)
            if run is None:
                raise KeyError(run_id)
            after = self._after.pop(run_id, None)
            try:
                if after is not None:
                    after.close()
            finally:
                self.store.finish_run(run, skipped, status)  # no event changes: version stays

    def _hook(self, run: RunInfo) -> AfterBatch | None:
        """The run's story hook, with the settings the ingest process sent (None when
        its ``stories`` is off); settings this server does not know are left out."""
        if run.run_id not in self._after:
            known = {name for name, *_ in Settings.describe()}
            values = {k: v for k, v in run.settings.items() if k in known}
            settings = Settings().merge({**values, "db": str(self.path)}, "the ingest client")
            hook = AfterBatch(settings, self.store) if settings.stories else None
            self._after[run.run_id] = hook
        return self._after[run.run_id]
