"""One run of ``PageWork`` written to a sink batch by batch (``ingest`` and ``watch``).

The sink is the store, or the running server that holds it (``store/remote.py``).
Creating a ``SinkRun`` opens the run's row; ``write`` stores one batch of outcomes in
one transaction, tells the work it is stored (for dedup), gives it to the story hook
(on the local store with ``stories`` on: a server clusters what it stores itself),
counts it and reports progress; leaving the ``with`` block closes the hook and ends
the run's row: "done", or "interrupted" when an exception left it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from types import TracebackType
from typing import Generic, Protocol, TypeVar

from ..records import PageTally
from ..settings import Settings
from ..store import Outcome, Store
from ..store.remote import RemoteStore
from .after import AfterBatch
from .work import PageWork, count_outcomes

T = TypeVar("T", bound=PageTally)


class StoryHook(Protocol):
    """What runs after each stored batch (``AfterBatch``)."""

    def batch(self, outcomes: Sequence[Outcome]) -> None: ...

    def close(self) -> None: ...


class SinkRun(Generic[T]):
    """A run of ``work`` into ``sink`` over ``inputs``, counted in ``tally``.

    With ``settings.code_events``, the articles stored without a coding are counted
    too (see ``count_outcomes``); ``stories`` makes the story hook of a local store."""

    def __init__(
        self,
        settings: Settings,
        sink: Store | RemoteStore,
        inputs: list[str],
        work: PageWork,
        tally: T,
        progress: Callable[[T], None] | None = None,
        stories: Callable[[Settings, Store], StoryHook] = AfterBatch,
    ) -> None:
        self.run = sink.new_run(inputs, asdict(settings))
        self.sink = sink
        self.work = work
        self.tally = tally
        self.progress = progress
        self.coding = settings.code_events
        local = sink if isinstance(sink, Store) else None
        self.after = stories(settings, local) if local is not None and settings.stories else None

    def __enter__(self) -> SinkRun[T]:
        return self

    def write(self, outcomes: list[Outcome]) -> None:
        """Store a batch's outcomes (one transaction), then its stories and counts."""
        self.sink.write_batch(self.run, outcomes)
        self.work.committed()
        if self.after is not None:
            self.after.batch(outcomes)
        count_outcomes(self.tally, outcomes, self.coding)
        if self.progress is not None:
            self.progress(self.tally)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        status = "done" if kind is None else "interrupted"
        if self.after is not None:
            self.after.close()
        self.sink.finish_run(self.run, self.tally.skipped_already_stored, status)
