"""When did an event happen: the time expression of its sentence, resolved.

``resolve_event_date(text, published, anchor)`` finds the time expressions in a
sentence ("on Wednesday", "last month", "since March 2011", "February 11, 2016",
"two days ago", "in 2015", ...), picks the one that governs the event (the one
closest to the character offset ``anchor``, usually the trigger; else the first)
and resolves it against the publication date.  It returns an ISO string cut to
what the text says (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) and its precision.

Conventions (those of news wires):

* a bare weekday or date is the most recent one on or before publication
  ("on Wednesday" in a Friday story is two days earlier), unless the words just
  before it speak of the future ("will", "is due to", "scheduled", ...), then it
  is the first one on or after publication;
* "in November" is the most recent November not after publication (same rule);
* "last week", "this week", "next week" carry the month of that week only;
* "since March 2011" resolves to its start, 2011-03.

What it does not guess:

* no time expression in the text -> ``(None, "unknown")``.  The caller (the event
  coder) falls back to the publication date itself and records that it did so;
  this function never answers with the publication date for a sentence that
  names no time.
* only relative expressions and no publication date -> ``(None, "unknown")``.
  The governing expression decides alone: an unrelated absolute date elsewhere
  in the sentence is not used in its place.
* a relative expression finer than the publication date (``"yesterday"`` with
  ``published="2019-05"``) gives the publication date at its own precision.

Pure regular expressions and ``datetime``; it runs once per event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "year", "unknown"]
Result = tuple[str | None, Precision]
Anchor = tuple[date, Precision]

_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2, "unknown": 3}

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30,
}  # fmt: skip

# Month names are matched capitalised only, so the verb "may" and "march" are not months.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)\b(?![-–/]\d|s\b|\s*(?:%|percent))"
_LEAD = (
    r"(?:\b(?i:in|on|since|by|until|till|from|during|before|after|around|through|between"
    r"|and|to|of|at)\s+)"
)
_MOD = (
    r"(?:\b(?P<mod>(?i:early|earlier|late|later|mid|the end of|the beginning of|the start of))"
    r"[\s-]+)"
)
_NUM = "|".join(sorted(NUMBERS, key=len, reverse=True))
_FUTURE = re.compile(
    r"\b(?:will|shall|would|\w+'ll|is due|are due|was due|were due|is set to|are set to"
    r"|scheduled|is expected|are expected|plans? to|planned|upcoming|to be held)\b",
    re.IGNORECASE,
)


def _compile(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE if ignore_case else 0)


# (name, pattern); when matches overlap the longest wins.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _compile(rf"\b{_LEAD}?(?P<year>\d{{4}})-(?P<mon>\d\d)-(?P<day>\d\d)\b")),
    ("mdy", _compile(rf"{_LEAD}?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}")),
    ("dmy", _compile(rf"{_LEAD}?(?:{_WEEKDAY},?\s+)?\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}")),
    ("md", _compile(rf"{_LEAD}?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?!\s*,?\s*\d)")),
    ("dm", _compile(rf"{_LEAD}?(?:{_WEEKDAY},?\s+)?\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*\d)")),
    ("my", _compile(rf"{_LEAD}?{_MOD}?{_MONTH},?\s+(?:of\s+)?{_YEAR}")),
    ("m_rel_y", _compile(rf"{_LEAD}?{_MOD}?{_MONTH}\s+(?P<rel>(?i:last|this|next))\s+year\b")),
    ("rel_m", _compile(rf"{_LEAD}?{_MOD}?\b(?P<rel>(?i:last|this|next))\s+{_MONTH}")),
    ("m", _compile(rf"{_LEAD}?{_MOD}?{_MONTH}(?!\s*,?\s*\d)")),  # lead-in required
    ("wd", _compile(rf"(?:\b(?P<rel>(?i:last|next|this|on|from|until|by))\s+)?{_WEEKDAY}")),
    (
        "deictic",
        _compile(
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last night"
            r"|this (?:morning|afternoon|evening))\b",
            ignore_case=True,
        ),
    ),
    (
        "ago",
        _compile(
            rf"\b(?P<n>\d+|{_NUM})\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b",
            ignore_case=True,
        ),
    ),
    (
        "rel_period",
        _compile(rf"\b{_MOD}?(?P<rel>last|this|next)\s+(?P<unit>week|month|year)\b", True),
    ),
    ("y", _compile(rf"{_LEAD}?{_MOD}?\b{_YEAR}")),  # lead-in required
    ("y_alone", _compile(r"(?:^|\()(?P<year>(?:1[89]|20)\d\d)(?=[,:)])")),
]


# What each pattern cannot match without (None: nothing cheaper than the pattern): a
# text without it skips the pattern, which would find nothing there.
_MONTH_WORD = re.compile(_MONTH)
_NEEDS: dict[str, re.Pattern[str] | None] = {
    "iso": re.compile(r"\d{4}-\d\d-\d\d\b"),
    **dict.fromkeys(("mdy", "dmy", "md", "dm", "my", "m_rel_y", "rel_m", "m"), _MONTH_WORD),
    "wd": re.compile(_WEEKDAY),
    "deictic": None,
    "ago": re.compile(r"ago\b", re.IGNORECASE),
    "rel_period": re.compile(r"(?:last|this|next)\s+(?:week|month|year)\b", re.IGNORECASE),
    "y": re.compile(r"(?:1[89]|20)\d\d\b"),
    "y_alone": None,
}


def resolve_event_date(
    text: str,
    published: str | None,
    anchor: int | None = None,
    found: list[tuple[str, re.Match[str]]] | None = None,
) -> Result:
    """The date of the event in ``text``: (ISO date or None, precision).

    ``published`` is the article's date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or a
    full ISO timestamp).  ``anchor`` is a character offset in ``text`` (the event
    trigger); the time expression closest to it governs the event.  ``found``: the
    text's ``find_time_expressions``, when the caller has them already.
    """
    matches = find_time_expressions(text) if found is None else found
    if not matches:
        return None, "unknown"
    chosen = (
        matches[0] if anchor is None else min(matches, key=lambda m: _distance(m, anchor, text))
    )
    return _resolve(chosen, text, parse_published(published))


def find_time_expressions(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every time expression in ``text``, in text order, overlaps removed (longest wins)."""
    found: list[tuple[str, re.Match[str]]] = []
    present: dict[re.Pattern[str], bool] = {}
    for name, pattern in _PATTERNS:
        need = _NEEDS[name]
        if need is not None:
            hit = present.get(need)
            if hit is None:
                hit = present[need] = need.search(text) is not None
            if not hit:
                continue
        found.extend((name, m) for m in pattern.finditer(text) if _plausible(name, m))
    found.sort(key=lambda nm: (-(nm[1].end() - nm[1].start()), nm[1].start()))
    kept: list[tuple[str, re.Match[str]]] = []
    for name, m in found:
        if all(m.end() <= k.start() or m.start() >= k.end() for _, k in kept):
            kept.append((name, m))
    return sorted(kept, key=lambda nm: nm[1].start())


def parse_published(published: str | None) -> Anchor | None:
    """``(date, precision)`` of a publication date string, or None when unreadable."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published)
    if not m:
        return None
    try:
        if m.group(3):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
        if m.group(2):
            return date(int(m.group(1)), int(m.group(2)), 1), "month"
        return date(int(m.group(1)), 1, 1), "year"
    except ValueError:
        return None


def _plausible(name: str, m: re.Match[str]) -> bool:
    groups = m.groupdict()
    if name in {"m", "y"} and m.start() == m.start("month" if name == "m" else "year"):
        return False  # a bare month or year is a time only after "in", "since", "early", ...
    if groups.get("day") is not None and not 1 <= int(groups["day"]) <= 31:
        return False
    return not (name == "iso" and not 1 <= int(groups["mon"]) <= 12)


def _distance(nm: tuple[str, re.Match[str]], anchor: int, text: str) -> tuple[float, int]:
    """How far an expression is from the trigger; the nearest governs the event.

    An expression after the trigger is preferred to one before it, unless that one
    opens the sentence ("On Monday, ..."); crossing a comma, semicolon or dash is
    crossing into another clause and costs more.
    """
    m = nm[1]
    if m.start() <= anchor < m.end():
        return 0.0, 0
    after = anchor < m.start()
    gap = text[anchor : m.start()] if after else text[m.end() : anchor]
    opening = not after and not text[: m.start()].strip(" \t\n\"'(“‘")
    cost = float(len(gap))
    if not after and not opening:
        cost *= 1.5
    if not opening and re.search(r"[,;:()—–]|\s-\s", gap):
        cost += 40.0
    return cost, 0 if after else 1


def _fmt(d: date, precision: Precision) -> Result:
    if precision == "day":
        return d.isoformat(), "day"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    return f"{d.year:04d}", "year"


def _relative(base: Anchor | None, need: Precision, compute: Callable[[date], date]) -> Result:
    """Resolve a relative expression needing ``need`` precision of the anchor."""
    if base is None:
        return None, "unknown"
    day, precision = base
    if _RANK[precision] > _RANK[need]:
        return _fmt(day, precision)
    return _fmt(compute(day), need)


def _add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    return date(total // 12, total % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_future(text: str, start: int) -> bool:
    return bool(_FUTURE.search(text[max(0, start - 80) : start]))


def _month_only(base: date, month: int, future: bool) -> date:
    """The most recent ``month`` not after ``base`` (first one on/after it if future)."""
    if future:
        return date(base.year if month >= base.month else base.year + 1, month, 1)
    return date(base.year if month <= base.month else base.year - 1, month, 1)


def _resolve(nm: tuple[str, re.Match[str]], text: str, base: Anchor | None) -> Result:
    name, m = nm
    g = m.groupdict()
    month = MONTHS[g["month"].lower().rstrip(".")] if g.get("month") else 0
    future = _is_future(text, m.start())
    if name in {"iso", "mdy", "dmy"}:
        d = _safe_date(int(g["year"]), int(g.get("mon") or month), int(g["day"]))
        return (None, "unknown") if d is None else _fmt(d, "day")
    if name in {"my", "y", "y_alone"}:
        year = int(g["year"])
        return _fmt(date(year, month or 1, 1), "month" if month else "year")
    if name in {"md", "dm"}:
        return _relative(base, "day", lambda b: _month_day(b, month, int(g["day"]), future))
    if name == "m_rel_y":
        shift = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        if base is None:
            return None, "unknown"
        return _fmt(date(base[0].year + shift, month, 1), "month")
    if name in {"rel_m", "m"}:
        rel = (g.get("rel") or "").lower()
        return _relative(base, "month", lambda b: _named_month(b, month, rel, future))
    if name == "wd":
        rel = (g.get("rel") or "").lower()
        return _relative(
            base, "day", lambda b: _weekday(b, WEEKDAYS[g["weekday"].lower()], rel, future)
        )
    if name == "deictic":
        word = g["word"].lower()
        shift = -1 if word in {"yesterday", "last night"} else 1 if word == "tomorrow" else 0
        return _relative(base, "day", lambda b: b + timedelta(days=shift))
    if name == "ago":
        return _ago(base, g["n"].lower(), g["unit"].lower())
    if name == "rel_period":
        return _period(base, g["rel"].lower(), g["unit"].lower())
    return None, "unknown"  # pragma: no cover - every pattern is handled above


def _month_day(base: date, month: int, day: int, future: bool) -> date:
    candidates = [
        d for y in (base.year - 1, base.year, base.year + 1) if (d := _safe_date(y, month, day))
    ]
    if future:
        after = [d for d in candidates if d >= base]
        return after[0] if after else candidates[-1]
    before = [d for d in candidates if d <= base]
    return before[-1] if before else candidates[0]


def _named_month(base: date, month: int, rel: str, future: bool) -> date:
    if rel == "this":
        return date(base.year, month, 1)
    if rel == "last":
        return date(base.year if month < base.month else base.year - 1, month, 1)
    if rel == "next":
        return date(base.year if month > base.month else base.year + 1, month, 1)
    return _month_only(base, month, future)


def _weekday(base: date, weekday: int, rel: str, future: bool) -> date:
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if rel == "next":
        return base + timedelta(days=ahead or 7)
    if rel == "last":
        return base - timedelta(days=back or 7)
    if future and rel != "last":
        return base + timedelta(days=ahead)
    return base - timedelta(days=back)


def _ago(base: Anchor | None, n_text: str, unit: str) -> Result:
    n = int(n_text) if n_text.isdigit() else NUMBERS[n_text]
    if unit == "day":
        return _relative(base, "day", lambda b: b - timedelta(days=n))
    if unit == "week":
        return _relative(base, "day", lambda b: b - timedelta(weeks=n))
    if unit == "month":
        return _relative(base, "month", lambda b: _add_months(b, -n))
    years = n * 10 if unit == "decade" else n
    return _relative(base, "year", lambda b: date(b.year - years, 1, 1))


def _period(base: Anchor | None, rel: str, unit: str) -> Result:
    shift = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "week":  # a week is told by its month only
        return _week_month(base, shift)
    if unit == "month":
        return _relative(base, "month", lambda b: _add_months(b, shift))
    return _relative(base, "year", lambda b: date(b.year + shift, 1, 1))


def _week_month(base: Anchor | None, shift: int) -> Result:
    if base is None:
        return None, "unknown"
    day, precision = base
    if precision != "day":
        return _fmt(day, precision)
    return _fmt(day + timedelta(weeks=shift), "month")
