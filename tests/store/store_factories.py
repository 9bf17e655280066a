"""Records built by hand for the store tests (no extractor or coder needed)."""

from __future__ import annotations

from typing import Any

from newsgraph.ingest.dedup import Deduper
from newsgraph.records import Actor, Article, Coding, Event, Mention, Place, Quote, Sentence
from newsgraph.settings import Settings
from newsgraph.store import ArticleOutcome, DuplicateOutcome, FailureOutcome, page_id

_DEDUP = Deduper(Settings())


def make_article(location: str, body: str, **meta: Any) -> Article:
    values: dict[str, Any] = {
        "title": "A title",
        "outlet": "Harbour Post",
        "url": f"https://example.test/{location}",
        "author": None,
        "published": "2020-02-19",
        "published_source": "manifest",
        "published_not_before": None,
        "language": "en",
        "content_type": "text",
    }
    values.update(meta)
    return Article(location=location, body=body, **values)


def make_event(evidence: str = "Russia condemned Turkey.", **kw: Any) -> Event:
    values: dict[str, Any] = {
        "type": "ACCUSE",
        "mode": "disapprove",
        "context": None,
        "cameo": "111",
        "quad_class": 3,
        "intensity": -2.0,
        "source": (Actor("Russia", "RUS", country="RUS"),),
        "target": (Actor("Turkey", "TUR", country="TUR"),),
        "evidence": evidence,
        "start": 0,
        "end": len(evidence),
        "sentence_index": 0,
        "trigger": "condemned",
        "location": Place("Moscow", "RUS", 55.75, 37.62),
        "date": "2020-02-18",
        "date_precision": "day",
        "confidence": 0.8,
    }
    values.update(kw)
    return Event(**values)


def make_coding(events: tuple[Event, ...]) -> Coding:
    return Coding(
        sentences=(Sentence(0, 0, 24, "Russia condemned Turkey."),),
        mentions=(Mention(0, 6, Actor("Russia", "RUS", country="RUS"), "country"),),
        events=events,
        quotes=(Quote("We condemn it", Actor("Lavrov", "RUSGOV", "RUS", "GOV"), "said", 0, 0, 10),),
    )


def article_outcome(
    location: str, body: str, coding: Coding | None = None, chash: str = "h1", **meta: Any
) -> ArticleOutcome:
    fp = _DEDUP.fingerprint(body)
    return ArticleOutcome(
        page_id=page_id(location),
        location=location,
        content_hash=chash,
        article_id=f"a-{location}-{chash}",
        article=make_article(location, body, **meta),
        body_hash=fp.body_hash,
        signature=fp.signature,
        bands=fp.bands,
        coding=coding,
    )


def duplicate_outcome(location: str, of: str, chash: str = "h1") -> DuplicateOutcome:
    return DuplicateOutcome(
        page_id=page_id(location),
        location=location,
        content_hash=chash,
        article=make_article(location, "copy", outlet="Copy Desk"),
        of_article_id=of,
        kind="near",
        similarity=0.9,
    )


def failure_outcome(location: str, reason: str = "empty file", chash: str = "h1") -> FailureOutcome:
    return FailureOutcome(page_id(location), location, chash, reason)
