"""A store written from hand-made records (no extractor, coder or encoder needed)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.ingest.after import state_path
from newsgraph.records import Actor, Article, Coding, Event, Sentence
from newsgraph.settings import Settings
from newsgraph.store import ArticleOutcome, Store, page_id

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "examples" / "seeds"
REFUGEES = ROOT / "tests" / "data" / "analysis" / "refugees"

RUS = Actor("Russia", "RUS", country="RUS")
TUR = Actor("Turkey", "TUR", country="TUR")
TURMIL = Actor("Turkish troops", "TURMIL", country="TUR", sector="MIL")
SYR = Actor("Syria", "SYR", country="SYR")


def event(type: str, quad: int, intensity: float, source: tuple[Actor, ...], target: tuple[Actor, ...],
          date: str | None, precision: str = "day", **kw: Any) -> Event:
    text = kw.pop("evidence", f"{type} sentence.")
    return Event(type=type, mode=None, context=None, cameo=kw.pop("cameo", "040"), quad_class=quad,
                 intensity=intensity, source=source, target=target, evidence=text, start=0,
                 end=len(text), sentence_index=0, trigger="x", date=date,
                 date_precision=precision, **kw)  # type: ignore[arg-type]


def write_store(path: Path, articles: list[tuple[str, str, str | None, tuple[Event, ...]]]) -> Settings:
    """Articles (location, outlet, published, events) stored in one batch."""
    outcomes = []
    for location, outlet, published, events in articles:
        body = " ".join(e.evidence for e in events) or "Nothing happened."
        article = Article(location=location, body=body, title=f"Title of {location}", outlet=outlet,
                          url=f"https://example.test/{location}", author=None, published=published,
                          published_source="manifest", published_not_before=None, language="en",
                          content_type="text")
        coding = Coding(sentences=(Sentence(0, 0, len(body), body),), mentions=(), events=events,
                        quotes=())
        outcomes.append(ArticleOutcome(page_id(location), location, "h", f"a-{location}", article,
                                       f"b-{location}", b"", (), coding))
    with Store.open(path) as store:
        store.write_batch(store.new_run([], {}), outcomes)
    return Settings(db=str(path))


@dataclass
class Conn:
    """A read-only connection to a store, for the analysis functions."""

    path: Path

    def __enter__(self) -> Any:
        self.store = Store.open(self.path, read_only=True)
        return self.store._conn

    def __exit__(self, *exc: object) -> None:
        self.store.close()


def copy_store(settings: Settings, target: Path) -> Settings:
    """A writable copy of a store and its story state."""
    db = target / Path(settings.db).name
    shutil.copy(settings.db, db)
    if state_path(settings.db).is_file():
        shutil.copy(state_path(settings.db), state_path(db))
    return Settings(db=str(db))
