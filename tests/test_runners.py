"""The Executor seam: order, laziness, and work surviving a dead worker process."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsgraph import runners
from newsgraph.errors import ConfigError
from newsgraph.runners import (
    InlineExecutor,
    ProcessExecutor,
    Recycling,
    executor_for,
    get_executor,
)
from newsgraph.settings import Settings


def square(x: int) -> int:
    return x * x


def with_pid(x: int) -> tuple[int, int]:
    return x, os.getpid()


def die_once(item: tuple[int, str]) -> int:
    """Kills its process the first time it meets item 3 (a marker file says so)."""
    value, marker = item
    if value == 3:
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return value * 10
        os.close(fd)
        os._exit(1)
    return value * 10


def test_inline_runs_lazily_and_in_order() -> None:
    seen: list[int] = []

    def record(x: int) -> int:
        seen.append(x)
        return -x

    results = InlineExecutor().map(record, range(5))
    assert seen == []
    assert next(results) == 0 and seen == [0]
    assert list(results) == [-1, -2, -3, -4]


def test_unknown_executor_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="known executors: dask, inline, processes"):
        get_executor("threads")


def test_zero_or_one_worker_runs_inline() -> None:
    assert executor_for(0).name == executor_for(1).name == "inline"


def test_processes_keep_input_order() -> None:
    with ProcessExecutor(workers=2, window=3) as executor:
        assert list(executor.map(square, range(12))) == [x * x for x in range(12)]


def test_a_dead_worker_process_has_its_items_resubmitted(tmp_path: Path) -> None:
    marker = str(tmp_path / "died")
    with ProcessExecutor(workers=2) as executor:
        results = list(executor.map(die_once, [(i, marker) for i in range(8)]))
    assert os.path.exists(marker)
    assert results == [i * 10 for i in range(8)]


def test_a_dead_pool_past_its_retries_raises(tmp_path: Path) -> None:
    from concurrent.futures.process import BrokenProcessPool

    with ProcessExecutor(workers=1, retries=0) as executor, pytest.raises(BrokenProcessPool):
        list(executor.map(die_once, [(3, str(tmp_path / "m"))]))


def test_processes_are_recycled_after_max_tasks_losing_and_doubling_nothing() -> None:
    with ProcessExecutor(workers=2, window=2, recycling=Recycling(max_tasks=2)) as executor:
        results = list(executor.map(with_pid, range(8)))
    assert [x for x, _ in results] == list(range(8))
    per_process = Counter(pid for _, pid in results)
    assert executor.recycled >= 1 and len(per_process) > 2
    # at most max_tasks, plus what was already handed out when the limit was seen
    assert max(per_process.values()) <= 2 + 2 - 1


_HELD: list[bytes] = []


def grows_at_one(x: int) -> tuple[int, int]:
    """Item 1 makes its process hold 300 MB more; the others leave it as it was."""
    if x == 1:
        _HELD.append(b"x" * (300 * 2**20))
    return x, os.getpid()


def test_a_process_over_the_rss_ceiling_is_replaced() -> None:
    recycling = Recycling(max_rss_mb=250)  # a fresh spawned worker is well under it
    with ProcessExecutor(workers=1, window=1, recycling=recycling) as executor:
        results = list(executor.map(grows_at_one, range(4)))
    assert [x for x, _ in results] == [0, 1, 2, 3]
    pids = [pid for _, pid in results]
    # item 1 took it over the ceiling: items 2 and 3 ran in a fresh process
    assert pids[0] == pids[1] != pids[2] == pids[3] and executor.recycled == 1


def test_a_process_over_the_ceiling_after_one_item_is_not_replaced_for_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A fresh process over the ceiling would be over it again: no replacement after
    every item (it would only reload the models), and one warning."""
    recycling = Recycling(max_rss_mb=1)  # any process is over 1 MB after its first item
    with ProcessExecutor(workers=1, window=1, recycling=recycling) as executor:
        results = list(executor.map(with_pid, range(3)))
    assert [x for x, _ in results] == [0, 1, 2]
    assert len({pid for _, pid in results}) == 1 and executor.recycled == 0
    assert sum("not replaced for its memory" in r.getMessage() for r in caplog.records) == 1


def test_inline_recycling_runs_the_reset_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(runners, "_RESETS", [lambda: calls.append(1)])
    monkeypatch.setattr(runners, "_DONE", [0])
    executor = InlineExecutor(Recycling(max_tasks=2))
    assert list(executor.map(square, range(5))) == [0, 1, 4, 9, 16]
    assert executor.recycled == len(calls) == 2
    assert list(InlineExecutor().map(square, range(5))) == [0, 1, 4, 9, 16] and len(calls) == 2


def test_recycling_comes_from_the_settings() -> None:
    class Given:
        worker_max_shards = 50
        worker_max_rss_mb = 1200

    assert Recycling.from_settings(Given()) == Recycling(50, 1200)
    assert not Recycling.from_settings(None).enabled
    executor = executor_for(1, settings=Given())  # inline: the shard count only
    assert isinstance(executor, InlineExecutor) and executor.recycling == Recycling(50, 0)


def test_worker_processes_have_a_memory_ceiling_by_default() -> None:
    """spaCy's vocabulary grows with every new word a worker meets: by default a worker
    process is replaced once its RSS reaches 1,280 MB (the target is 1.5 GB)."""
    recycling = Recycling.from_settings(Settings())
    assert recycling == Recycling(0, 1280) and recycling.enabled
    with ProcessExecutor(workers=1, recycling=recycling) as executor:
        assert executor.recycling.max_rss_mb == 1280
    # inline, the ceiling would reload the models after every item of a large driver
    assert not InlineExecutor(recycling).recycling.enabled


def test_inline_recycling_ignores_the_rss_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(runners, "_RESETS", [lambda: calls.append(1)])
    executor = InlineExecutor(Recycling(max_rss_mb=1))  # any process is over 1 MB
    assert list(executor.map(square, range(3))) == [0, 1, 4]
    assert executor.recycled == len(calls) == 0


def test_an_item_submitted_to_a_pool_that_just_broke_is_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker can die while results are read: the next submit then meets a broken
    pool, and that item must be resubmitted with the others, not dropped."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class Pool:
        submits = 0

        def submit(self, fn: Any, item: int) -> Future[int]:
            Pool.submits += 1
            if Pool.submits == 6:
                raise BrokenProcessPool("a worker died")
            done: Future[int] = Future()
            done.set_result(fn(item))
            return done

        def shutdown(self, **_: Any) -> None: ...

    executor = ProcessExecutor(workers=2, window=3)
    monkeypatch.setattr(executor, "_get_pool", lambda: Pool())
    assert list(executor.map(square, range(10))) == [x * x for x in range(10)]
