"""Fixtures of the watcher's tests: the local feed server and quiet, fast settings."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer, feed_server

from newsgraph.settings import Settings


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as srv:
        yield srv


def watch_settings(db: Path, **changes: object) -> Settings:
    values: dict[str, object] = {
        "db": str(db),
        "code_events": False,
        "stories": False,
        "tone": False,
        "fetch_timeout": 0.2,
        "max_page_bytes": 1_000_000,
        "watch_host_interval": 0.5,
        "watch_retry_seconds": 1.0,
        "watch_concurrency": 4,
        "batch_size": 4,
        "store_memory_mb": 256,
    }
    values.update(changes)
    return Settings().merge(values, "the test")


_WHO = ["The harbour board", "A council member", "The transport office", "A local trader",
        "The weather service", "A school director", "The museum curator", "A ferry captain"]  # fmt: skip
_DID = ["described", "reviewed", "announced", "questioned", "explained", "postponed"]
_WHAT = ["the new timetable", "repairs to the old pier", "a market on the square",
         "the budget for street lights", "plans for a cycle path", "the autumn festival"]  # fmt: skip


def paragraphs(seed: int, n: int = 4) -> list[str]:
    """Invented local news, different for each seed (no two pages near-duplicates)."""
    rng = random.Random(seed * 104729 + 7)
    return [
        f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHAT)} on day {rng.randint(1, 9999)}, "
        f"with {rng.randint(2, 900)} residents attending and {rng.randint(1, 99)} letters sent "
        f"before the meeting number {seed}-{i}."
        for i in range(n)
    ]
