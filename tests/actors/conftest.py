"""Fixtures of the actor tests: one resolver per session (the dictionary loads once)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors import ActorResolver


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver()


@pytest.fixture(scope="session")
def parser() -> Any:
    """The pipeline's own spaCy setup (line breaks end sentences), loaded once."""
    from newsgraph.nlp import load_nlp

    return load_nlp()
