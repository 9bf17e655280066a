"""When an event happened: the sentence's time expression, or the publication date.

``SentenceDates`` answers for the events of one sentence with
``newsgraph.eventdates``.  Its time-expression search is slow (many regular
expressions per sentence), so a sentence without a time word skips it, its
expressions are found once for all its events, and when the sentence holds at most
one time expression the trigger's position cannot change the answer: the first
event's date serves the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

Dated = tuple[str | None, str]  # (ISO date or None, precision)

# Every time expression ``eventdates`` reads holds a four-digit number, a month or
# weekday name, or one of these words; a sentence with none of them names no time.
# tests/events/test_dates_filter.py holds the filter to that on the test corpora.
MAYBE_TIME = re.compile(
    r"\d{4}"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?i:\b(?:yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|ago)\b"
    r"|(?:last|this|next)\s+(?:week|month|year))"
)


def precision(date: str | None) -> str:
    """The precision an ISO date string carries."""
    return {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown")


def _helpers() -> tuple[Callable[..., Dated] | None, Callable[[str], Sequence[Any]] | None]:
    try:
        from ..eventdates import find_time_expressions, resolve_event_date
    except ImportError:
        return None, None
    return resolve_event_date, find_time_expressions


class SentenceDates:
    """The dates of the events of one sentence (make one per sentence)."""

    resolve, find = _helpers()

    def __init__(self, text: str, published: str | None) -> None:
        self.text = text
        self.published = published
        self.fallback: Dated = (published, precision(published))
        self.first: Dated | None = None  # the first event's date
        self.answer: Dated | None = None  # the date of every event of the sentence
        self.found: Any = None  # the sentence's time expressions, found once

    def _found(self) -> Any:
        if self.found is None:
            find = type(self).find
            assert find is not None  # set together with ``resolve``
            self.found = find(self.text)
        return self.found

    def at(self, offset: int) -> Dated:
        """The date of the act whose trigger is at ``offset`` in the sentence."""
        resolve, find = type(self).resolve, type(self).find
        if resolve is None:
            return self.fallback
        if self.answer is not None:
            return self.answer
        try:
            if self.first is None:
                if not MAYBE_TIME.search(self.text):
                    self.answer = self.fallback
                    return self.fallback
            elif find is not None and len(self._found()) <= 1:
                self.answer = self.first
                return self.first
            if find is None:
                date, precision_ = resolve(self.text, self.published, offset)
            else:
                date, precision_ = resolve(self.text, self.published, offset, self._found())
        except Exception:  # a date helper's failure must not lose the event
            return self.fallback
        found = (date, precision_) if date else self.fallback
        if self.first is None:
            self.first = found
        return found
