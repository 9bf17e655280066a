"""WHERE clauses shared by every read of the store, built from fixed SQL fragments.

Only values travel as parameters. Dates in the store are ISO strings of varying
precision (YYYY, YYYY-MM, YYYY-MM-DD): a date matches ``since``/``until`` when the
period it names overlaps the range. An event's date is ``coalesce(event date,
article published)``.
"""

from __future__ import annotations

from typing import Any

_PERIOD_START = "CASE length({d}) WHEN 4 THEN {d} || '-01-01' WHEN 7 THEN {d} || '-01' ELSE {d} END"
_PERIOD_END = "CASE length({d}) WHEN 4 THEN {d} || '-12-31' WHEN 7 THEN {d} || '-31' ELSE {d} END"

WHEN = "coalesce(e.date, a.published)"
MATCH = "(code = ? OR country = ? OR org = ?)"
_ACTOR = "(x.code = ? OR x.country = ? OR x.org = ?)"
_HAS_ACTOR = "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id{role} AND {m})"

Clause = tuple[list[str], list[Any]]


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


def event_where(
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    directed: bool = True,
    located: bool = False,
    include_negated: bool = True,
) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e JOIN articles a``) and its parameters."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if actor:
        sql, p = actor_clause(None, actor)
        where.append(sql)
        params += p
    if dyad:
        sql, p = dyad_clause(dyad[0], dyad[1], directed)
        where.append(sql)
        params += p
    w, p = equal((("e.type", type), ("a.outlet", outlet), ("e.article_id", article_id)))
    where += w
    params += p
    w, p = period(WHEN, since, until)
    where += w
    params += p
    if located:
        where.append("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    if not include_negated:
        where.append("NOT e.negated")
    return " AND ".join(where), params
