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

This is the only module that imports dask, and only when a Dask executor is built.
Functions and items must be picklable (module-level functions, dataclasses).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Protocol, TypeVar

from .errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")
_END: Any = object()


class Executor(Protocol):
    """Runs a function over items and yields the results in input order."""

    name: str

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class _Closing:
    def close(self) -> None:
        return None

    def __enter__(self: Any) -> Any:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class InlineExecutor(_Closing):
    """Runs everything in the calling process, lazily and in order."""

    name = "inline"
    workers = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield fn(item)


class ProcessExecutor(_Closing):
    """A pool of ``workers`` local processes (spawned, so no state leaks from the parent)."""

    name = "processes"

    def __init__(self, workers: int | None = None, retries: int = 2, window: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.retries = retries
        self.window = window or 2 * self.workers
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        source = iter(items)
        pending: deque[tuple[T, Future[R]]] = deque()
        broken = 0
        try:
            while True:
                try:
                    while len(pending) < self.window:
                        item = next(source, _END)
                        if item is _END:
                            break
                        pending.append((item, self._get_pool().submit(fn, item)))
                    if not pending:
                        return
                    result = pending[0][1].result()
                except BrokenProcessPool:  # a worker died: new pool, same items again
                    broken += 1
                    if broken > self.retries:
                        raise
                    self._rebuild()
                    pending = deque((it, self._get_pool().submit(fn, it)) for it, _ in pending)
                    continue
                pending.popleft()
                yield result
        finally:
            for _, future in pending:
                future.cancel()

    def _rebuild(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor(_Closing):
    """Tasks on a Dask cluster: a new ``LocalCluster`` or the one at ``scheduler``.

    The local cluster has ``workers`` single-threaded worker processes (each loads
    the models once and keeps them), no dashboard, and a nanny that restarts a worker
    that dies.  ``client`` is there for plugins and diagnostics.
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
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError(
                "the dask executor needs dask[distributed]: pip install 'dask[distributed]'"
            ) from exc
        self.retries = retries
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
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                memory_limit=memory_limit,
                host="127.0.0.1",
                # no dashboard; the scheduler's small HTTP server (health, metrics) on a
                # free loopback port rather than 8787, which another cluster may hold
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            )
            self.client = Client(self._cluster)
        self.window = window or 2 * self.workers + 2

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        source = iter(items)
        pending: deque[Any] = deque()
        try:
            while True:
                while len(pending) < self.window:
                    try:
                        item = next(source)
                    except StopIteration:
                        break
                    pending.append(self.client.submit(fn, item, pure=False, retries=self.retries))
                if not pending:
                    return
                future = pending.popleft()
                result = future.result()
                future.release()
                yield result
        finally:
            for future in pending:
                future.cancel()

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
) -> Executor:
    """The executor called ``name``; an unknown name lists the known ones.

    ``workers`` sizes a local pool or cluster; ``scheduler`` (dask only) joins an
    existing cluster instead of starting one.
    """
    if name not in _EXECUTORS:
        raise ConfigError(
            f"unknown executor {name!r}; known executors: {', '.join(sorted(_EXECUTORS))}"
        )
    if name == "inline":
        return InlineExecutor()
    if name == "processes":
        return ProcessExecutor(workers, retries=retries)
    return DaskExecutor(workers, scheduler=scheduler, retries=retries)


def executor_for(workers: int | None = None, scheduler: str | None = None) -> Executor:
    """What ``newsgraph run`` uses: a cluster at ``scheduler``, a local cluster of
    ``workers`` processes, or inline for 0 or 1 worker."""
    if scheduler:
        return get_executor("dask", scheduler=scheduler)
    if workers is not None and workers <= 1:
        return InlineExecutor()
    return get_executor("dask", workers=workers)
