"""Query parameters shared by the API and the pages, validated before any query runs.

Values that cannot be right (a malformed date, a code with quotes in it, a limit of a
million) are refused with 422 here; whatever passes travels to DuckDB as a bound
parameter, so an odd but valid string only finds nothing.  The event filters are
declared once, in ``newsgraph.store.query.FILTERS``: their patterns, hints and help
come from there (``filter_param``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import Query

from ..store.query import CODE_RE, DATE_RE, FILTERS, ID_RE, PUBLIC

__all__ = ["ID_RE", "filter_param"]

LANG_RE = r"^[A-Za-z\-]{2,16}$"

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def filter_param(name: str) -> Any:
    """The ``Query`` of an event filter, from its declaration (pattern and help)."""
    declared = FILTERS[name]
    return Query(pattern=declared.pattern, description=declared.help)


Since = Annotated[str | None, filter_param("since")]
Until = Annotated[str | None, filter_param("until")]
Outlet = Annotated[str | None, filter_param("outlet")]
Actor = Annotated[str | None, filter_param("actor")]
EventType = Annotated[str | None, filter_param("type")]
Language = Annotated[str | None, Query(pattern=LANG_RE, description="Language code, e.g. en.")]
Sort = Annotated[Literal["date", "intensity", "type"], Query(description="Sort key.")]
Order = Annotated[Literal["asc", "desc"], Query(description="Sort direction.")]
By = Annotated[Literal["day", "week", "month", "year"], Query(description="Period length.")]
Directed = Annotated[bool, Query(description="Only A -> B (true) or both directions (false).")]

# the dashboard's form fields: the public event filters (dates first), the timeline's
# A and B, the language
_DATES_FIRST = sorted(PUBLIC, key=lambda name: FILTERS[name].pattern != DATE_RE)
_CHECKS = {name: FILTERS[name].pattern for name in _DATES_FIRST} | {
    "a": CODE_RE,
    "b": CODE_RE,
    "language": LANG_RE,
}


def clean_form(values: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The non-empty form fields that pass their check, and one message per bad one.

    The pages take their filters from a GET form, where an empty field means "any";
    a bad value is reported on the page (status 422) and left out of the query.
    """
    kept: dict[str, str] = {}
    errors: list[str] = []
    for name, pattern in _CHECKS.items():
        value = values.get(name, "").strip()
        if not value:
            continue
        if re.fullmatch(pattern.strip("^$"), value):
            kept[name] = value
        else:
            errors.append(f"{name}: {value[:60]!r} is not valid ({HINTS[name]})")
    return kept, errors


HINTS = {name: f.hint for name, f in FILTERS.items()} | {
    "ident": "an article id (letters, digits, '.', ':', '_', '-')",
    "story_id": "a story id (letters, digits, '.', ':', '_', '-')",
    "a": "a code such as RUS",
    "b": "a code such as TUR",
    "language": "a language code such as en",
}


def page_number(value: str | None, default: int = 1, top: int = 200_000) -> int:
    """A 1-based page number from a form value (bad values give the default)."""
    try:
        number = int(value) if value else default
    except ValueError:
        return default
    return min(max(number, 1), top)
