"""The Executor seam: order, laziness, and work surviving a dead worker process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.runners import InlineExecutor, ProcessExecutor, executor_for, get_executor


def square(x: int) -> int:
    return x * x


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
