"""Publication dates as inputs state them, to ISO ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``).

Only what the input says explicitly is read: ISO 8601 / RFC 3339 (Atom, JSONL),
RFC 822 (RSS ``pubDate``) and a few written English forms.  A timestamp keeps the
calendar day of its own time zone: the day the publisher printed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_WRITTEN = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")


def normalize_date(value: str | None) -> str | None:
    """Return the ISO form of a stated date, or None when it cannot be read as one."""
    if value is None:
        return None
    text = " ".join(value.split()).replace(".,", ",")
    if not text:
        return None
    partial = _PARTIAL.match(text)
    if partial:
        year, month = partial.groups()
        if month is None:
            return year if 1000 <= int(year) <= 2999 else None
        return f"{year}-{month}" if 1 <= int(month) <= 12 else None
    iso = _ISO_DAY.match(text)
    if iso:
        return _valid(iso.group(1))
    try:
        return _checked(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _WRITTEN:
        try:
            return _checked(datetime.strptime(text, layout).date())
        except ValueError:
            continue
    return None


def _valid(day: str) -> str | None:
    try:
        return _checked(date.fromisoformat(day))
    except ValueError:
        return None


def _checked(day: date) -> str | None:
    return day.isoformat() if 1000 <= day.year <= 2999 else None
