"""Where the coder's events happen: the geo stage of one ``Coder``.

Every toponym of an article is found once (``geo.records.toponyms``), and each event's
place is read from its clause, its sentence or the article (``geo.locate_event``).  It
decides only where an event happened: the actors are read as before, from the clause's
place alone (``Places.location``).  Without the geo package (or its data) the coder
codes the same events, with no places.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..records import Place, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .embed import Draft


def _gazetteer() -> Any:
    try:
        from ..geo import default_gazetteer
    except ImportError:
        return None
    return default_gazetteer()


def _locator() -> Callable[..., Any] | None:
    try:
        from ..geo import event_location
    except ImportError:
        return None
    return event_location


class Places:
    """The places of one coder's articles and events (loads the gazetteer once)."""

    def __init__(self) -> None:
        self.locator = _locator()
        self.gazetteer = _gazetteer()
        self.on = self.locator is not None  # toponyms and event places need geo
        self.find: Any = None
        self.records: Any = None
        self.locate: Any = None
        if self.on:
            from ..geo import locate_event
            from ..geo.records import as_records, toponyms

            self.find, self.records, self.locate = toponyms, as_records, locate_event
        self.article: list[Any] = []  # the PlaceMentions of the article being coded

    def read(self, doc: Doc, sentences: Sequence[Sentence]) -> tuple[Any, ...]:
        """The article's place records; its toponyms kept for ``where``."""
        if not self.on:
            return ()
        try:
            self.article = self.find(doc)
        except Exception:  # a gazetteer failure must not lose the events
            self.article = []
        return tuple(self.records(self.article, [s.start for s in sentences]))

    def where(self, draft: Draft) -> tuple[Place | None, str]:
        """The place of ``draft``'s event and where it was read from."""
        if not self.on:
            return draft.location, "none"
        countries = sorted({a.country for a in (*draft.source, *draft.target) if a.country})
        try:
            found = self.locate(draft.tok.sent, draft.tok, self.article, countries)
        except Exception:
            return draft.location, "clause" if draft.location is not None else "none"
        return found.place, found.source

    def place_country(self, name: str) -> str | None:
        """The country of a place name, from the gazetteer (None without one)."""
        if self.gazetteer is None:
            return None
        try:
            place = self.gazetteer.lookup(name)
        except Exception:  # a gazetteer failure must not lose the event
            return None
        return place.country if isinstance(place, Place) else None

    def location(self, span: Span, tok: Token) -> Place | None:
        """The place of the clause of ``tok`` (the actors are read against it)."""
        if self.locator is None:
            return None
        try:
            place = self.locator(span, tok)
        except Exception:  # a gazetteer failure must not lose the event
            return None
        return place if isinstance(place, Place) else None
