"""Where stage work runs: one ``Executor`` seam for inline, local processes or a cluster.

Stage code hands the executor a plain function and the items; it never learns how
they are run.  ``InlineExecutor`` runs them in this process, in order (unit tests,
small runs).  A local-process executor and a Dask one plug in here later, behind
the same two methods; no stage ever imports dask.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Protocol, TypeVar

from .errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Runs a function over items and yields the results in input order."""

    name: str

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class InlineExecutor:
    """Runs everything in the calling process, lazily and in order."""

    name = "inline"

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        for item in items:
            yield fn(item)

    def close(self) -> None:
        return None

    def __enter__(self) -> InlineExecutor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


_EXECUTORS: dict[str, Callable[[], Executor]] = {"inline": InlineExecutor}


def get_executor(name: str = "inline") -> Executor:
    """The executor called ``name``; an unknown name lists the known ones."""
    try:
        return _EXECUTORS[name]()
    except KeyError:
        raise ConfigError(
            f"unknown executor {name!r}; known executors: {', '.join(sorted(_EXECUTORS))}"
        ) from None
