"""What the pipeline hands the store for each input page: exactly one outcome per page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..records import Article, ArticleTone, Coding


@dataclass(frozen=True, slots=True)
class PageKey:
    """The page an outcome (or what the store holds of it) is about."""

    page_id: str
    location: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class ArticleOutcome(PageKey):
    """A page that became a new article (with its dedup fingerprint and, if coded, its
    coding; its tone when scored).  ``copy_of``: in a batch run's partitions, the
    worker found it a copy of that article (the driver decides again, corpus-wide)."""

    article_id: str
    article: Article
    body_hash: str
    signature: bytes
    bands: tuple[int, ...]  # the LSH bucket of each band, band = position
    coding: Coding | None = None
    tone: ArticleTone | None = None
    copy_of: str | None = None


@dataclass(frozen=True, slots=True)
class DuplicateOutcome(PageKey):
    """A page whose article is a copy of one already stored (or stored earlier in the run)."""

    article: Article
    of_article_id: str
    kind: Literal["exact", "near"]
    similarity: float


@dataclass(frozen=True, slots=True)
class FailureOutcome(PageKey):
    """A page that could not become an article; ``reason`` is one line."""

    reason: str


Outcome = ArticleOutcome | DuplicateOutcome | FailureOutcome


@dataclass(frozen=True, slots=True)
class PageState(PageKey):
    """What the store already holds for a page location."""

    status: str
    article_id: str | None
    reason: str | None = None
