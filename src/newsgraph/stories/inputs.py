"""What the story clusterer is given: one article's input, and the clustering knobs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ConfigError
from ..settings import Settings
from .identity import Identity

__all__ = ["ClusterOptions", "StoryInput", "article_text", "split_sentences"]
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What the clusterer needs of one article.

    ``lead`` is the first few sentences of the body; ``sentences`` (optional) are the
    summary candidates, else the lead is split.  ``identity`` is the article's identity
    record (``identity.identity_of``); without one it is read from the title and lead.
    ``actors`` and ``event_types`` are kept for callers; ``duplicate_of`` is the id of a
    near-duplicate twin.
    """

    article_id: str
    title: str
    lead: str
    published: str | None
    outlet: str | None
    actors: frozenset[str] = frozenset()
    event_types: frozenset[str] = frozenset()
    duplicate_of: str | None = None
    sentences: tuple[str, ...] = ()
    identity: Identity | None = None


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """The knobs of story clustering (threshold fitted on the ECB+ fit topics)."""

    threshold: float = 0.95
    window_days: int = 7
    floor: float = 0.3  # below this cosine a pair is scored by its cosine alone
    summary_size: int = 3
    summary_overlap: float = 0.6  # word Jaccard at which a sentence repeats a chosen one
    sentences_per_article: int = 4  # lead sentences kept as summary candidates
    pool_size: int = 16  # central articles read for a story's title and summary
    text_chars: int = 400  # title + lead embedded, cut at a word (about 80 word pieces)

    @classmethod
    def from_settings(cls, settings: Settings) -> ClusterOptions:
        """Options from ``Settings`` (``story_threshold``, ``story_window_days``)."""
        return cls(threshold=settings.story_threshold, window_days=settings.story_window_days)

    def __post_init__(self) -> None:
        if self.window_days < 1:
            raise ConfigError(f"story window_days is {self.window_days}; expected 1 or more")
        if not 0.0 < self.threshold < 3.0:
            raise ConfigError(f"story threshold is {self.threshold}; expected 0 < t < 3")
        if self.text_chars < 40:
            raise ConfigError(f"story text_chars is {self.text_chars}; expected 40 or more")


def split_sentences(text: str) -> list[str]:
    """A light sentence splitter for leads (spaCy sentences are better when at hand)."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def article_text(item: StoryInput, limit: int) -> str:
    """The one text embedded for an article: title and lead, cut at a word boundary."""
    text = f"{item.title.strip()}. {' '.join(item.lead.split())}".strip(". ")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut
