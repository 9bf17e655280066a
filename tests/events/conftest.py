"""Fixtures of the event-coder tests: coders built once per session."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes import FakeResolver

from newsgraph.events.coder import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    """The coder with the real actor resolver (seed, gold and lexicon tests)."""
    return Coder()


@pytest.fixture(scope="session")
def rules() -> Coder:
    """The rules alone, without the learned head (so the head cannot hide a lexicon gap)."""
    return Coder(head=False)


@pytest.fixture(scope="session")
def rules_alone() -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides a rule)."""
    return Coder(head=False, linker=False)


@pytest.fixture(scope="session")
def selective_coder() -> Coder:
    """The coder that parses only the sentences that may hold an event."""
    return Coder(parse="selective")


@pytest.fixture(scope="session")
def fake_coder() -> Coder:
    """The coder with a small stand-in resolver (unit tests of the rules)."""
    return Coder(resolver=FakeResolver())


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt fails the test (the learned parts load from the package)."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the coder touched the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
