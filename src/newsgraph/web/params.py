"""Query parameters shared by the API and the pages, validated before any query runs.

Values that cannot be right (a malformed date, a code with quotes in it, a limit of a
million) are refused with 422 here; whatever passes travels to DuckDB as a bound
parameter, so an odd but valid string only finds nothing.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import Query

DATE_RE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
CODE_RE = r"^[A-Za-z0-9_.\-]{1,40}$"
DYAD_RE = r"^[A-Za-z0-9_.\-]{1,40},[A-Za-z0-9_.\-]{1,40}$"
TYPE_RE = r"^[A-Za-z_\-]{1,40}$"
LANG_RE = r"^[A-Za-z\-]{2,16}$"
TEXT_RE = r"^[^\x00-\x1f\x7f]{1,200}$"
ID_RE = r"^[A-Za-z0-9_.:\-]{1,200}$"

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Since = Annotated[
    str | None,
    Query(pattern=DATE_RE, description="Earliest date, YYYY[-MM[-DD]] (periods overlap)."),
]
Until = Annotated[str | None, Query(pattern=DATE_RE, description="Latest date, YYYY[-MM[-DD]].")]
Outlet = Annotated[str | None, Query(pattern=TEXT_RE, description="Outlet name, exactly.")]
Actor = Annotated[
    str | None,
    Query(pattern=CODE_RE, description="Actor code, country (ISO alpha-3) or organisation."),
]
Dyad = Annotated[
    str | None, Query(pattern=DYAD_RE, description="SOURCE,TARGET codes, e.g. RUS,TUR.")
]
EventType = Annotated[
    str | None, Query(pattern=TYPE_RE, description="PLOVER event type, e.g. ACCUSE.")
]
Language = Annotated[str | None, Query(pattern=LANG_RE, description="Language code, e.g. en.")]
Sort = Annotated[Literal["date", "intensity", "type"], Query(description="Sort key.")]
Order = Annotated[Literal["asc", "desc"], Query(description="Sort direction.")]
By = Annotated[Literal["day", "week", "month", "year"], Query(description="Period length.")]
Directed = Annotated[bool, Query(description="Only A -> B (true) or both directions (false).")]

_CHECKS = {
    "since": DATE_RE,
    "until": DATE_RE,
    "outlet": TEXT_RE,
    "actor": CODE_RE,
    "a": CODE_RE,
    "b": CODE_RE,
    "dyad": DYAD_RE,
    "type": TYPE_RE,
    "language": LANG_RE,
}


def split_dyad(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    first, second = dyad.split(",", 1)
    return first, second


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


HINTS = {
    "ident": "an article id (letters, digits, '.', ':', '_', '-')",
    "story_id": "a story id (letters, digits, '.', ':', '_', '-')",
    "since": "YYYY, YYYY-MM or YYYY-MM-DD",
    "until": "YYYY, YYYY-MM or YYYY-MM-DD",
    "outlet": "up to 200 printable characters",
    "actor": "a code such as RUS, TURGOV or NATO",
    "a": "a code such as RUS",
    "b": "a code such as TUR",
    "dyad": "two codes, SOURCE,TARGET",
    "type": "a PLOVER type such as ACCUSE",
    "language": "a language code such as en",
}


def page_number(value: str | None, default: int = 1, top: int = 200_000) -> int:
    """A 1-based page number from a form value (bad values give the default)."""
    try:
        number = int(value) if value else default
    except ValueError:
        return default
    return min(max(number, 1), top)
