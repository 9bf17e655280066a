"""Absolute dates that an article body mentions, and the latest of them.

``published_not_before`` is a lower bound on a page's publication date when nothing
else dates it: a report cannot be older than the latest date it tells of.  Only
absolute dates count ("February 19, 2016", "19 Feb. 2016", "2016-02-19", "March
2011", "in 2015"); relative ones ("on Thursday", "in November", "last year") do not,
because nothing anchors them.  Dates in a sentence that looks ahead ("will", "is
due", "by 2030", "next month") are left out, since a plan says nothing about when
the page was written.  The result says no more than the text: ``YYYY-MM-DD`` when
the body gives a day, ``YYYY-MM`` for a month, ``YYYY`` for a year alone.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]

# English month names and their usual abbreviations (tiny, so kept here).
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name[1:], start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_END = r"(?![\d,]*\d)(?!s\b)"  # not "2015,000", "20151", "1990s"

_PATTERNS: tuple[tuple[Precision, re.Pattern[str]], ...] = (
    ("day", re.compile(rf"\b{_YEAR}-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}{_END}", re.IGNORECASE)),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_END}", re.IGNORECASE)),
    ("day", re.compile(rf"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{_YEAR}{_END}")),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}{_END}", re.IGNORECASE)),
    (
        "year",
        re.compile(
            rf"\b(?:in|since|during|throughout|from|(?:spring|summer|autumn|fall|winter)(?:\s+of)?)"
            rf"\s+(?:(?:early|late|mid)[\s-]+)?{_YEAR}(?!-\d\d-){_END}",
            re.IGNORECASE,
        ),
    ),
)

# A sentence with one of these looks ahead: its dates are plans, not the past.
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going to|due|scheduled|expected to|plans? to|planned|"
    r"aims? to|targets?|deadline|next|upcoming)\b|'ll\b",
    re.IGNORECASE,
)
# ... and so does a date right after one of these ("by 2030", "until March 2025").
_FUTURE_BEFORE = re.compile(
    r"\b(?:by|until|till|before|through)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?]['\"’”»)]*\s+|\n")

# Every pattern above holds a year: the text is searched only in windows around the
# year-like numbers, which finds the same dates as searching it whole (see _windows).
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
_LEFT_CONTEXT = 40  # characters other than spaces and dashes a match may hold before its year
_RIGHT_SLACK = 3  # characters read past a year's trailing digits, commas and dashes


@dataclass(frozen=True, slots=True)
class TextDate:
    """An absolute date found in a text; ``value`` is ISO with the text's precision."""

    value: str
    precision: Precision
    start: int
    end: int

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Year, month, day; a missing part counts as 0, so a day sorts after its month."""
        parts = [int(p) for p in self.value.split("-")] + [0, 0]
        return parts[0], parts[1], parts[2]


def find_dates(text: str) -> list[TextDate]:
    """Every absolute date the text mentions, in text order, the most precise reading first.

    Spans never overlap: "February 19, 2016" is one day, not also the month "February 2016".
    """
    taken: list[tuple[int, int]] = []
    found: list[TextDate] = []
    windows = _windows(text)
    for precision, pattern in _PATTERNS:
        for match in (m for a, b in windows for m in pattern.finditer(text, a, b)):
            start, end = match.span("year") if precision == "year" else match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))  # an impossible day is not read again as a month
            value = _to_iso(match, precision)
            if value is not None:
                found.append(TextDate(value, _precision_of(value), start, end))
    return sorted(found, key=lambda d: d.start)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged (start, end) spans around every year-like number, wide enough for any match.

    A match of a date pattern holds a year and reaches at most ``_LEFT_CONTEXT``
    characters before it (white space and dashes aside, which the patterns allow in
    any number) and past it only over digits, commas and dashes, plus the few
    characters its look-aheads read.  ``finditer(text, start, end)`` still sees the
    character before ``start`` for ``\\b``, so a window finds what the whole text would.
    """
    windows: list[tuple[int, int]] = []
    size = len(text)
    for match in _YEAR_LIKE.finditer(text):
        left, count = match.start(), 0
        while left > 0 and count < _LEFT_CONTEXT:
            left -= 1
            ch = text[left]
            if ch != "-" and not ch.isspace():
                count += 1
        right = match.end()
        while right < size and (text[right].isdecimal() or text[right] in ",-"):
            right += 1
        right = min(size, right + _RIGHT_SLACK)
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows


def latest_absolute_date(text: str) -> str | None:
    """The latest absolute date the text mentions outside forward-looking sentences, or None."""
    dates = [d for d in find_dates(text) if not _looks_ahead(text, d)]
    if not dates:
        return None
    return max(dates, key=lambda d: d.sort_key).value


def _to_iso(match: re.Match[str], precision: Precision) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if precision == "year":
        return f"{year:04d}"
    if groups.get("a") is not None:
        return _numeric(int(groups["a"]), int(groups["b"]), year)
    month_text = groups["month"].lower()
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.rstrip(".")]
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    day = int(groups["day"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _numeric(a: int, b: int, year: int) -> str | None:
    """``a/b/year``: a day only when the order is certain, else just the year."""
    readings = [
        (m, d)
        for m, d in ((a, b), (b, a))
        if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(year, m)[1]
    ]
    if not readings:
        return None
    if len(set(readings)) == 1:
        month, day = readings[0]
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}"


def _precision_of(value: str) -> Precision:
    return ("year", "month", "day")[value.count("-")]


def _looks_ahead(text: str, date: TextDate) -> bool:
    if _FUTURE_BEFORE.search(text[max(0, date.start - 40) : date.start]):
        return True
    return _FUTURE.search(_sentence_around(text, date.start, date.end)) is not None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        left = boundary.end()
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right]
