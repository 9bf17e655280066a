"""A store of hand-made RUS -> TUR events, day by day, with a RUS,TUR watchlist added
before them (for the spike and dashboard tests: no extractor or coder needed)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from newsgraph.ingest.dedup import Deduper
from newsgraph.records import Actor, Article, Coding, Event
from newsgraph.settings import Settings
from newsgraph.store import ArticleOutcome, Store, page_id
from newsgraph.store import alerts as alert_store

BODY = "The council met to discuss the harbour budget and the new ferry timetable. " * 4
FP = Deduper(Settings()).fingerprint(BODY)
NOW = datetime(2026, 3, 2, 12, 0)
START = date(2026, 2, 1)  # 28 baseline days, then 2026-03-01


def _event(day: str, n: int) -> Event:
    evidence = f"Russia accused Turkey of breaking the truce, report {n}."
    return Event(
        type="ACCUSE", mode=None, context=None, cameo="112", quad_class=3, intensity=-2.0 - n % 3,
        source=(Actor("Russia", "RUS", country="RUS"),), target=(Actor("Turkey", "TUR", country="TUR"),),
        evidence=evidence, start=0, end=len(evidence), sentence_index=0, trigger="accused",
        location=None, date=day, date_precision="day", confidence=0.9,
    )  # fmt: skip


def _outcome(day: str, i: int, events: int) -> ArticleOutcome:
    location = f"https://news.test/{day}/{i}"
    article = Article(
        location=location, body=BODY, title=f"Report {i}", outlet="Harbour Post", url=location,
        author=None, published=day, published_source="feed", published_not_before=None,
        language="en", content_type="text",
    )  # fmt: skip
    coding = Coding(
        sentences=(),
        mentions=(),
        events=tuple(_event(day, i * 100 + k) for k in range(events)),
        quotes=(),
    )
    return ArticleOutcome(
        page_id(location), location, "h", f"{day}-{i}", article, FP.body_hash, FP.signature, FP.bands, coding if events else None,
    )  # fmt: skip


def build_store(tmp_path: Path, days: list[tuple[int, int]]) -> Store:
    """A store with a RUS,TUR watchlist, then ``(articles, events)`` per day from START."""
    store = Store.open(tmp_path / "spikes.duckdb", memory_mb=256)
    alert_store.add_watchlist(store.connection, "rus-tur", {"dyad": "RUS,TUR"}, NOW)
    outcomes = []
    for offset, (articles, events) in enumerate(days):
        day = (START + timedelta(days=offset)).isoformat()
        per = [events // articles + (1 if i < events % articles else 0) for i in range(articles)]
        outcomes += [_outcome(day, i, n) for i, n in enumerate(per)]
    store.write_batch(store.new_run(["test"], {}), outcomes)
    return store
