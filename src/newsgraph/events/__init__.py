"""Event coding: article bodies -> PLOVER events with actors, recipients and evidence.

``code(text, published)`` is the one-call API (a module-level ``Coder`` is built
on first use and kept); ``Coder`` codes many bodies with ``nlp.pipe`` batching and
returns the whole ``Coding`` (sentences, actor mentions, events, quotes).
"""

from __future__ import annotations

from functools import lru_cache

from ..records import Event
from .coder import Coder

__all__ = ["Coder", "code", "default_coder"]


@lru_cache(maxsize=1)
def default_coder() -> Coder:
    """The process-wide coder (spaCy, lexicon and actor dictionary loaded once)."""
    return Coder()


def code(text: str, published: str | None = None) -> list[Event]:
    """The PLOVER events of ``text`` (``published`` resolves relative dates and actors' terms)."""
    return list(default_coder().code(text, published).events)
