"""Where stage work runs: one ``Executor`` seam for inline, local processes or a cluster.

Stage code hands the executor a plain function and the items; it never learns how
they are run.  Every executor's ``map`` yields results in input order, lazily, while
the work runs ahead (at most ``window`` items in flight), so a caller can consume
result N while later ones are computed, and memory stays bounded.

* ``InlineExecutor`` (``inline``): in this process, in order (tests, small runs).
* ``ProcessExecutor`` (``processes``): a pool of local worker processes; a pool
  broken by a dying worker is rebuilt and the unfinished items resubmitted.
* ``DaskExecutor`` (``dask``): a Dask ``LocalCluster`` of single-threaded worker
  processes, or an existing cluster (``scheduler="tcp://host:port"``).  A failed
  task is retried; a task whose worker died is rescheduled by Dask itself.

Worker recycling (``max_tasks``, ``max_rss_mb``; settings ``worker_max_shards``, 0 =
never, and ``worker_max_rss_mb``, 1,280 by default): a worker process that has run
``max_tasks`` items, or whose resident memory is ``max_rss_mb`` or more after an item
(unless it was after its first item already: a fresh one would be too), is replaced by
a fresh one, so that what a long run leaves behind in a process (caches that grow with
the vocabulary, allocator high-water) stays bounded.  The executor stops handing out
items, lets the ones in flight finish and yields their results (so nothing is lost
or run twice), restarts the process (a Dask worker through its nanny, the process
pool as a whole), then goes on.  Inline, the process cannot be replaced: the reset
hooks registered with ``on_recycle`` (per-process caches, loaded models) are run
instead, every ``max_tasks`` items, then the garbage collector, and glibc gives freed
memory back.

This is the only module that imports dask, and only when a Dask executor is built.
Functions and items must be picklable (module-level functions, dataclasses).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import multiprocessing
import os
import resource
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from .closing import Closing
from .errors import ConfigError
from .settings import Settings

T = TypeVar("T")
R = TypeVar("R")
_END: Any = object()
log = logging.getLogger(__name__)
_F = TypeVar("_F", bound=Callable[[], object])
_RESETS: list[Callable[[], object]] = []
_DONE = [0]  # items run by this process since it started (or since its last inline reset)
_FIRST_RSS = [0]  # this process's RSS after its first item


def on_recycle(reset: _F) -> _F:
    """Register a reset hook (drops a per-process cache) for inline recycling."""
    if reset not in _RESETS:
        _RESETS.append(reset)
    return reset


def current_rss() -> int:
    """This process's resident set size now, in bytes (its peak where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def release_memory() -> None:
    """Run the reset hooks, collect garbage and hand freed heap back to the system."""
    for reset in _RESETS:
        reset()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # glibc only
        ctypes.CDLL(None).malloc_trim(0)
    _DONE[0] = 0


@dataclass(frozen=True, slots=True)
class Recycling:
    """When a worker process is replaced: after ``max_tasks`` items, or once its RSS
    reaches ``max_rss_mb`` after an item (0 = never)."""

    max_tasks: int = 0
    max_rss_mb: int = 0

    @classmethod
    def from_settings(cls, settings: Settings | None) -> Recycling:
        """``worker_max_shards`` and ``worker_max_rss_mb`` of the settings (none: never)."""
        if settings is None:
            return cls()
        return cls(settings.worker_max_shards, settings.worker_max_rss_mb)

    @property
    def enabled(self) -> bool:
        return self.max_tasks > 0 or self.max_rss_mb > 0

    def due(self, stamp: Stamp) -> bool:
        """Whether the process that made ``stamp`` is to be replaced now.  Not for its
        memory if it was over the ceiling after its first item already: a fresh process
        would be too (a larger model, a cluster's own libraries), and replacing it after
        every item would only reload the models (see ``futile``)."""
        return (0 < self.max_tasks <= stamp.tasks) or (
            self.max_rss_mb > 0 and stamp.rss >= self.ceiling and not self.futile(stamp)
        )

    @property
    def ceiling(self) -> int:
        return self.max_rss_mb * 2**20

    def futile(self, stamp: Stamp) -> bool:
        """The RSS ceiling is below what this process needed for one item."""
        return self.max_rss_mb > 0 and stamp.first_rss >= self.ceiling


@dataclass(frozen=True, slots=True)
class Stamp:
    """Which process ran an item, how many it has run, and its RSS afterwards."""

    pid: int
    tasks: int
    rss: int
    worker: str | None = None  # the Dask worker's address
    first_rss: int = 0  # the process's RSS after its first item


class Tracked(Generic[T, R]):
    """``fn`` that also returns the ``Stamp`` of the process that ran it (picklable)."""

    def __init__(self, fn: Callable[[T], R]) -> None:
        self.fn = fn

    def __call__(self, item: T) -> tuple[R, Stamp]:
        result = self.fn(item)
        _DONE[0] += 1
        rss = current_rss()
        if _DONE[0] == 1 and not _FIRST_RSS[0]:
            _FIRST_RSS[0] = rss
        return result, Stamp(os.getpid(), _DONE[0], rss, _dask_worker(), _FIRST_RSS[0])


def _warn_futile(recycling: Recycling, stamp: Stamp, warned: set[int]) -> None:
    """Say once per process that its memory ceiling cannot be kept by replacing it."""
    if recycling.futile(stamp) and stamp.pid not in warned:
        warned.add(stamp.pid)
        log.warning(
            "worker process %s used %d MB after its first item, over worker_max_rss_mb=%d: "
            "a fresh process would be over it too, so it is not replaced for its memory",
            stamp.pid, stamp.first_rss // 2**20, recycling.max_rss_mb,
        )  # fmt: skip


def _dask_worker() -> str | None:
    if "distributed" not in sys.modules:
        return None
    from distributed import get_worker

    try:
        return str(get_worker().address)
    except ValueError:  # not in a Dask worker
        return None


class Executor(Protocol):
    """Runs a function over items and yields the results in input order."""

    name: str

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class InlineExecutor(Closing):
    """Runs everything in the calling process, lazily and in order.

    With ``recycling``, the reset hooks run (``release_memory``) every ``max_tasks``
    items, where a worker process would be replaced.  The RSS ceiling is not used
    here: this process is the driver, whose store and stories count in its RSS, so
    releasing the models would not bring it under a ceiling meant for a worker, and
    they would be reloaded after every item."""

    name = "inline"
    workers = 1

    def __init__(self, recycling: Recycling | None = None) -> None:
        self.recycling = Recycling(max_tasks=recycling.max_tasks) if recycling else Recycling()
        self.recycled = 0

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if not self.recycling.enabled:
            yield from map(fn, items)
            return
        tracked = Tracked(fn)
        for item in items:
            result, stamp = tracked(item)
            if self.recycling.due(stamp):
                release_memory()
                self.recycled += 1
            yield result


class ProcessExecutor(Closing):
    """A pool of ``workers`` local processes (spawned, so no state leaks from the parent)."""

    name = "processes"

    def __init__(
        self,
        workers: int | None = None,
        retries: int = 2,
        window: int | None = None,
        recycling: Recycling | None = None,
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.retries = retries
        self.window = window or 2 * self.workers
        self.recycling = recycling or Recycling()
        self.recycled = 0  # pools replaced because a worker was due
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Results in order.  When a worker is due for recycling, no new item is
        submitted until those in flight are done; then the pool is replaced."""
        source = iter(items)
        call: Callable[[T], Any] = Tracked(fn) if self.recycling.enabled else fn
        pending: deque[tuple[T, Future[Any]]] = deque()
        warned: set[int] = set()
        broken = 0
        draining = False
        try:
            while True:
                try:
                    while not draining and len(pending) < self.window:
                        item = next(source, _END)
                        if item is _END:
                            break
                        pending.append((item, self._submit(call, item)))
                    if not pending:
                        item = next(source, _END) if draining else _END
                        if item is _END:
                            return
                        draining = False  # all in flight done, more to do: fresh processes
                        self.close()
                        self.recycled += 1
                        pending.append((item, self._submit(call, item)))
                        continue
                    result = pending[0][1].result()
                except BrokenProcessPool:  # a worker died: new pool, same items again
                    broken += 1
                    if broken > self.retries:
                        raise
                    self._rebuild()
                    pending = deque((it, self._submit(call, it)) for it, _ in pending)
                    continue
                pending.popleft()
                if call is not fn:
                    result, stamp = result
                    _warn_futile(self.recycling, stamp, warned)
                    draining = draining or self.recycling.due(stamp)
                yield result
        finally:
            for _, future in pending:
                future.cancel()

    def _submit(self, call: Callable[[T], Any], item: T) -> Future[Any]:
        """The item's future; a pool already broken gives a future holding that error,
        so the item stays in line and is resubmitted with the others."""
        try:
            return self._get_pool().submit(call, item)
        except BrokenProcessPool as exc:
            failed: Future[Any] = Future()
            failed.set_exception(exc)
            return failed

    def _rebuild(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor(Closing):
    """Tasks on a Dask cluster: a new ``LocalCluster`` or the one at ``scheduler``.

    The local cluster has ``workers`` single-threaded worker processes (each loads
    the models once and keeps them), no dashboard, no statistical profiler (unless
    ``profile``), and a nanny that restarts a worker that dies.  ``client`` is there
    for plugins and diagnostics.
    """

    name = "dask"

    def __init__(
        self,
        workers: int | None = None,
        scheduler: str | None = None,
        retries: int = 2,
        window: int | None = None,
        memory_limit: str | int = "auto",
        connect_timeout: float = 20.0,
        profile: bool = False,
        recycling: Recycling | None = None,
    ) -> None:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError(
                "the dask executor needs dask[distributed]: pip install 'dask[distributed]'"
            ) from exc
        self.retries = retries
        self.recycling = recycling or Recycling()
        self.recycled = 0  # worker restarts because a worker was due
        self._cluster: Any = None
        if scheduler:
            try:
                self.client: Any = Client(scheduler, timeout=connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise ConfigError(
                    f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); expected a "
                    "running scheduler address such as tcp://127.0.0.1:8786"
                ) from exc
            info = self.client.scheduler_info()
            self.workers = max(1, len(info.get("workers", {})))
        else:
            self.workers = max(1, workers or os.cpu_count() or 1)
            # Dask's statistical profiler keeps a call tree per second (and per task)
            # for the last ``low-level-log-length`` seconds: worker memory that grows
            # with the length of a run.  Off unless asked for; the nannies pass this
            # configuration on to the worker processes they start.
            with dask.config.set({"distributed.worker.profile.enabled": profile}):
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    memory_limit=memory_limit,
                    host="127.0.0.1",
                    # no dashboard; the scheduler's small HTTP server (health, metrics) on
                    # a free loopback port rather than 8787, which another cluster may hold
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                )
            self.client = Client(self._cluster)
        self.window = window or 2 * self.workers + 2

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Results in order.  When a worker is due for recycling, no new item is
        submitted until those in flight are done; then the due workers are restarted
        by their nannies (a worker without one is left as it is, with a warning)."""
        source = iter(items)
        call: Callable[[T], Any] = Tracked(fn) if self.recycling.enabled else fn
        pending: deque[Any] = deque()
        warned: set[int] = set()
        due: set[str] = set()
        try:
            while True:
                while not due and len(pending) < self.window:
                    item = next(source, _END)
                    if item is _END:
                        break
                    pending.append(self.client.submit(call, item, pure=False, retries=self.retries))
                if not pending:
                    item = next(source, _END) if due else _END
                    if item is _END:
                        return
                    self._restart(sorted(due))  # all handed out are done; more to do
                    due.clear()
                    pending.append(self.client.submit(call, item, pure=False, retries=self.retries))
                    continue
                future = pending.popleft()
                result = future.result()
                future.release()
                if call is not fn:
                    result, stamp = result
                    _warn_futile(self.recycling, stamp, warned)
                    if self.recycling.due(stamp) and stamp.worker is not None:
                        due.add(stamp.worker)
                yield result
        finally:
            for future in pending:
                future.cancel()

    def _restart(self, workers: list[str]) -> None:
        """Fresh processes for ``workers`` (idle: every item handed out is done)."""
        try:
            self.client.restart_workers(workers)
        except Exception as exc:  # no nanny, or a timeout: the run goes on without
            log.warning("cannot restart Dask workers %s (%s); worker recycling is off", workers, exc)
            self.recycling = Recycling()
            return
        self.recycled += len(workers)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


_EXECUTORS: dict[str, Callable[..., Executor]] = {
    "inline": InlineExecutor,
    "processes": ProcessExecutor,
    "dask": DaskExecutor,
}


def get_executor(
    name: str = "inline",
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    retries: int = 2,
    recycling: Recycling | None = None,
) -> Executor:
    """The executor called ``name``; an unknown name lists the known ones.

    ``workers`` sizes a local pool or cluster; ``scheduler`` (dask only) joins an
    existing cluster instead of starting one; ``recycling`` says when a worker
    process is replaced (never by default).
    """
    if name not in _EXECUTORS:
        raise ConfigError(
            f"unknown executor {name!r}; known executors: {', '.join(sorted(_EXECUTORS))}"
        )
    if name == "inline":
        return InlineExecutor(recycling)
    if name == "processes":
        return ProcessExecutor(workers, retries=retries, recycling=recycling)
    return DaskExecutor(workers, scheduler=scheduler, retries=retries, recycling=recycling)


def executor_for(
    workers: int | None = None, scheduler: str | None = None, settings: Settings | None = None
) -> Executor:
    """What ``newsgraph run`` uses: a cluster at ``scheduler``, a local cluster of
    ``workers`` processes, or inline for 0 or 1 worker; worker recycling as
    ``settings`` say (``worker_max_shards``, ``worker_max_rss_mb``)."""
    recycling = Recycling.from_settings(settings)
    if scheduler:
        return get_executor("dask", scheduler=scheduler, recycling=recycling)
    if workers is not None and workers <= 1:
        return InlineExecutor(recycling)
    return get_executor("dask", workers=workers, recycling=recycling)
