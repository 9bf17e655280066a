"""One query object for events: every filter declared once, parsed once, two evaluators.

``FILTERS`` declares each event filter: its name, how its text is checked, what is
expected (for error messages), a plain-language description (CLI help, API docs),
an example, and whether the surfaces offer it.  ``EventQuery`` is the frozen value
the CLI, the REST API, the lean API path and the dashboard all build the same way
(``EventQuery.parse``); it compiles to SQL here (``where``), and the dashboard's
in-memory index evaluates the same object (``newsgraph.web.index.EventIndex.match``).

Adding a filter: declare it in ``FILTERS`` and as a field of ``EventQuery``, give
``where`` its SQL and ``EventIndex.match`` its numpy test, and add it to the
surfaces that offer it (``newsgraph events``, ``GET /api/events``); the lean path and
the dashboard's form follow the declaration.

Semantics (the same in both evaluators): an actor ``X`` matches an actor row whose
code, country or organisation is X (``TUR`` matches TUR, TURGOV and TURMIL); an event's
date is ``coalesce(event date, article published)``; dates are ISO strings of varying
precision (YYYY, YYYY-MM, YYYY-MM-DD) and match ``since``/``until`` when the period they
name overlaps the range.  Only values travel to DuckDB, as bound parameters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

from ..errors import QueryError
from ..events.lexicon import PLOVER_TYPES

DATE_RE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
CODE_RE = r"^[A-Za-z0-9_.\-]{1,40}$"
DYAD_RE = r"^[A-Za-z0-9_.\-]{1,40},[A-Za-z0-9_.\-]{1,40}$"
TYPE_RE = "^(" + "|".join(PLOVER_TYPES) + ")$"  # a type nobody codes is a mistake, not a filter
TEXT_RE = r"^[^\x00-\x1f\x7f]{1,200}$"
ID_RE = r"^[A-Za-z0-9_.:\-]{1,200}$"
FLAG_RE = r"^(true|false)$"

Role = Literal["source", "target", "any"]


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.removeprefix("^").removesuffix("$"))


Clause = tuple[list[str], list[Any]]

WHEN = "coalesce(e.date, a.published)"
MATCH = "(code = ? OR country = ? OR org = ?)"  # an actor row matches a code
_ACTOR = "(x.code = ? OR x.country = ? OR x.org = ?)"
_HAS_ACTOR = "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id{role} AND {m})"
_PERIOD_START = "CASE length({d}) WHEN 4 THEN {d} || '-01-01' WHEN 7 THEN {d} || '-01' ELSE {d} END"
_PERIOD_END = "CASE length({d}) WHEN 4 THEN {d} || '-12-31' WHEN 7 THEN {d} || '-31' ELSE {d} END"


@dataclass(frozen=True, slots=True)
class Filter:
    """One event filter as every surface shows it."""

    name: str
    pattern: str  # the text form must match this
    hint: str  # what is expected, in words
    help: str  # what it keeps, in words
    example: str = ""
    public: bool = True  # offered by `newsgraph events`, /api/events and the dashboard
    width: int = 10  # characters its form field shows

    @property
    def flag(self) -> bool:
        return self.pattern == FLAG_RE

    def check(self, text: str) -> str:
        """The text form, if valid (else ``QueryError``: the value and what is expected)."""
        if _compiled(self.pattern).fullmatch(text) is None:
            raise QueryError(f"{self.name}: {text[:60]!r} is not valid (expected {self.hint})")
        return text

    def value(self, text: str) -> Any:
        """The value of a checked text form (a dyad is a pair, a flag a bool)."""
        if self.pattern == DYAD_RE:
            first, second = text.split(",", 1)
            return first, second
        if self.pattern == FLAG_RE:
            return text == "true"
        return text

    def parse(self, text: str) -> Any:
        """The value of a text form, checked."""
        return self.value(self.check(text))


FILTERS: dict[str, Filter] = {
    f.name: f
    for f in (
        Filter("actor", CODE_RE, "a code such as RUS, TURGOV or NATO",
               "Actor code, country (ISO alpha-3) or organisation, in any role.", "RUS"),
        Filter("dyad", DYAD_RE, "two codes, SOURCE,TARGET",
               "SOURCE,TARGET codes (with directed=false: both actors, in any roles).",
               "RUS,TUR", width=12),
        Filter("type", TYPE_RE, "one of the 16 PLOVER types, such as ACCUSE", "PLOVER event type.",
               "ACCUSE"),
        Filter("since", DATE_RE, "YYYY, YYYY-MM or YYYY-MM-DD",
               "Earliest date, YYYY[-MM[-DD]] (periods overlap).", "YYYY-MM-DD"),
        Filter("until", DATE_RE, "YYYY, YYYY-MM or YYYY-MM-DD",
               "Latest date, YYYY[-MM[-DD]].", "YYYY-MM-DD"),
        Filter("outlet", TEXT_RE, "up to 200 printable characters", "Outlet name, exactly.",
               width=14),
        Filter("directed", FLAG_RE, "true or false",
               "Only A -> B (true) or both directions (false).", public=False),
        Filter("include_negated", FLAG_RE, "true or false", "Count negated events too.",
               public=False),
        Filter("article_id", ID_RE, "an article id", "Events of one article.", public=False),
    )
}  # fmt: skip
PUBLIC = tuple(name for name, f in FILTERS.items() if f.public)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events (see the module docstring); build it with ``parse``."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    directed: bool = True
    include_negated: bool = True
    article_id: str | None = None
    actor_role: Role = "any"  # the role in which ``actor`` must appear
    located: bool = False  # only events with a place (the map)

    @classmethod
    def parse(cls, values: Mapping[str, Any] | None = None, **given: Any) -> EventQuery:
        """A query from filter values: text forms are checked and parsed (a dyad
        ``"A,B"``, a flag ``"true"``), values already parsed are checked the same way;
        None and empty strings mean "any".  A bad value raises ``QueryError``."""
        found: dict[str, Any] = {}
        for name, value in ({**values, **given} if values else given).items():
            if value is None or value == "":
                continue
            declared = FILTERS.get(name)
            if declared is None:
                if name not in _FIELDS:
                    known = ", ".join(FILTERS)
                    raise QueryError(f"unknown filter {name!r}; known filters: {known}")
                found[name] = value  # actor_role, located: set by the reads, not by people
            elif type(value) is str:
                found[name] = declared.parse(value)
            elif isinstance(value, bool):
                found[name] = declared.parse("true" if value else "false")
            elif isinstance(value, tuple | list) and len(value) == 2:
                found[name] = declared.parse(f"{value[0]},{value[1]}")
            else:
                raise QueryError(f"{name}: {value!r} is not valid (expected {declared.hint})")
        return cls(**found)

    @classmethod
    def of_dyad(
        cls,
        a: str | None,
        b: str | None,
        directed: bool = False,
        since: str | None = None,
        until: str | None = None,
        include_negated: bool = False,
    ) -> EventQuery:
        """The events of a timeline: of the dyad A-B, or of one actor (a source when
        ``directed``), or all; negated ones only with ``include_negated``.  The values are
        the timeline's arguments as given (the API has checked them against ``FILTERS``;
        a code that is not one finds nothing)."""
        one = (a or b) if not (a and b) else None
        return cls(
            dyad=(a, b) if a and b else None,
            actor=one or None,
            actor_role="source" if directed and one else "any",
            directed=directed,
            since=since or None,
            until=until or None,
            include_negated=include_negated,
        )

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e JOIN articles a`` and its parameters."""
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.actor:
            sql, p = actor_clause(None if self.actor_role == "any" else self.actor_role, self.actor)
            where.append(sql)
            params += p
        if self.dyad:
            sql, p = dyad_clause(self.dyad[0], self.dyad[1], self.directed)
            where.append(sql)
            params += p
        w, p = equal(
            (("e.type", self.type), ("a.outlet", self.outlet), ("e.article_id", self.article_id))
        )
        w2, p2 = period(WHEN, self.since, self.until)
        where += w + w2
        params += p + p2
        if self.located:
            where.append("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
        if not self.include_negated:
            where.append("NOT e.negated")
        return " AND ".join(where), params


_FIELDS = frozenset(f.name for f in fields(EventQuery))


def period_start(value: str) -> str:
    return value + "-01-01" if len(value) == 4 else value + "-01" if len(value) == 7 else value


def period_end(value: str) -> str:
    return value + "-12-31" if len(value) == 4 else value + "-31" if len(value) == 7 else value


def period(column: str, since: str | None, until: str | None) -> Clause:
    """Conditions that the date in ``column`` names a period overlapping since..until."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(_PERIOD_END.format(d=column) + " >= ?")
        params.append(period_start(since))
    if until:
        where.append(_PERIOD_START.format(d=column) + " <= ?")
        params.append(period_end(until))
    return where, params


def equal(pairs: tuple[tuple[str, str | None], ...]) -> Clause:
    """``column = ?`` for each pair whose value is given."""
    given = [(column, value) for column, value in pairs if value]
    return [f"{column} = ?" for column, _ in given], [value for _, value in given]


def article_where(
    prefix: str = "",
    outlet: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause over ``articles`` (columns qualified by ``prefix``, e.g. ``a.``)."""
    where, params = equal(((f"{prefix}outlet", outlet), (f"{prefix}language", language)))
    w, p = period(f"{prefix}published", since, until)
    return " AND ".join(["TRUE", *where, *w]), params + p


def actor_clause(role: str | None, code: str) -> tuple[str, list[Any]]:
    """The event has an actor row (in ``role`` when given) matching ``code``."""
    sql = _HAS_ACTOR.format(role=" AND x.role = ?" if role else "", m=_ACTOR)
    return sql, ([role] if role else []) + [code, code, code]


def actor_articles(actor: str) -> tuple[str, list[Any]]:
    """The ids of the articles with an event actor or a mention matching ``actor``."""
    sql = (
        "(SELECT e.article_id FROM events e JOIN event_actors x USING (event_id) "
        f"WHERE {_ACTOR} UNION SELECT article_id FROM mentions WHERE {MATCH})"
    )
    return sql, [actor] * 6


def dyad_clause(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """Directed: A among the sources and B among the targets.  Undirected: A and B are
    two different actor rows of the event, in any roles (as ``newsgraph timeline``)."""
    if directed:
        s1, p1 = actor_clause("source", a)
        t1, q1 = actor_clause("target", b)
        return f"({s1} AND {t1})", p1 + q1
    pair = (
        f"e.event_id IN (WITH m AS (SELECT event_id, role, position, {MATCH} AS is_a, "
        f"{MATCH} AS is_b FROM event_actors WHERE {MATCH} OR {MATCH}) "
        "SELECT x.event_id FROM m x JOIN m y ON x.event_id = y.event_id "
        "AND (x.role <> y.role OR x.position <> y.position) WHERE x.is_a AND y.is_b)"
    )
    return pair, [a] * 3 + [b] * 3 + [a] * 3 + [b] * 3
