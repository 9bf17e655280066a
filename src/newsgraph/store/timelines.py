"""Timelines: the events of a query per period (day, week, month, year), in SQL.

An event falls in a period only when its date (event date, else the article's) is at
least that precise (a month-precision date counts in month and year periods, not in
day or week periods); the others are counted apart as ``imprecise``.  Per period:

* ``n`` and ``quad1`` .. ``quad4``: events by quad class (1 verbal cooperation,
  2 material cooperation, 3 verbal conflict, 4 material conflict);
* ``intensity_mean``, ``intensity_sum``: of the signed Goldstein-like intensity;
* ``net_coop_count`` = (quad1 + quad2) - (quad3 + quad4);
* ``net_coop_intensity`` = sum of |intensity| over quad 1-2 events minus the sum of
  |intensity| over quad 3-4 events (so a verbal REQUEST at -1 still counts as conflict
  and a zero-intensity event weighs nothing).

``newsgraph timeline`` (``newsgraph.stories.timeline``), the API and the dashboard's
in-memory index (the same buckets, ``newsgraph.web.columns.bucket``) agree on them.
"""

from __future__ import annotations

from typing import Any

from .query import WHEN, EventQuery
from .sql import Conn, dicts

# period -> (bucket expression, "the date is precise enough for this period"), on ``d``
BUCKETS: dict[str, tuple[str, str]] = {
    "day": (
        "strftime(try_cast(substr(d, 1, 10) AS DATE), '%Y-%m-%d')",
        "length(d) >= 10 AND try_cast(substr(d, 1, 10) AS DATE) IS NOT NULL",
    ),
    "week": (
        "strftime(date_trunc('week', try_cast(substr(d, 1, 10) AS DATE)), '%Y-%m-%d')",
        "length(d) >= 10 AND try_cast(substr(d, 1, 10) AS DATE) IS NOT NULL",
    ),
    "month": ("substr(d, 1, 7)", "regexp_full_match(substr(d, 1, 7), '[0-9]{4}-[0-9]{2}')"),
    "year": ("substr(d, 1, 4)", "regexp_full_match(substr(d, 1, 4), '[0-9]{4}')"),
}


def periods(conn: Conn, query: EventQuery, by: str = "month") -> tuple[list[dict[str, Any]], int]:
    """The periods that have events of the query (figures rounded to 3 places), in
    order, and the number of events dated too imprecisely for a period."""
    if by not in BUCKETS:
        raise ValueError(f"by {by!r}: expected one of {', '.join(BUCKETS)}")
    where, params = query.where()
    bucket, precise = BUCKETS[by]
    sql = f"""
        WITH ev AS (
            SELECT e.quad_class AS q, e.intensity AS i, {WHEN} AS d
            FROM events e JOIN articles a USING (article_id) WHERE {where}
        )
        SELECT CASE WHEN d IS NOT NULL AND {precise} THEN {bucket} END AS period,
            count(*) AS n,
            count(*) FILTER (WHERE q = 1) AS quad1, count(*) FILTER (WHERE q = 2) AS quad2,
            count(*) FILTER (WHERE q = 3) AS quad3, count(*) FILTER (WHERE q = 4) AS quad4,
            avg(i) AS intensity_mean, sum(i) AS intensity_sum,
            sum(CASE WHEN q IN (1, 2) THEN abs(i) WHEN q IN (3, 4) THEN -abs(i) ELSE 0 END)
                AS net_coop_intensity
        FROM ev GROUP BY ALL ORDER BY period NULLS LAST
    """
    rows = dicts(conn.execute(sql, params))
    imprecise = sum(int(r["n"]) for r in rows if r["period"] is None)
    placed = [r for r in rows if r["period"] is not None]
    for p in placed:
        p["net_coop_count"] = p["quad1"] + p["quad2"] - p["quad3"] - p["quad4"]
        for key in ("intensity_mean", "intensity_sum", "net_coop_intensity"):
            p[key] = round(float(p[key]), 3)
    return placed, imprecise


def timeline(
    conn: Conn,
    a: str | None = None,
    b: str | None = None,
    by: str = "month",
    directed: bool = False,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
) -> dict[str, Any]:
    """The timeline of the dyad A-B (or of one actor, or of all events) as the API gives
    it: the query's terms, ``total``, ``imprecise`` and the ``periods``."""
    query = EventQuery.of_dyad(a, b, directed, since, until, include_negated)
    found, imprecise = periods(conn, query, by)
    return answer(query, a, b, by, found, imprecise)


def answer(
    query: EventQuery,
    a: str | None,
    b: str | None,
    by: str,
    found: list[dict[str, Any]],
    imprecise: int,
) -> dict[str, Any]:
    """A timeline as the API gives it, from its periods (the SQL's or the index's)."""
    return {
        "a": a,
        "b": b,
        "by": by,
        "directed": query.directed,
        "include_negated": query.include_negated,
        "total": sum(p["n"] for p in found) + imprecise,
        "imprecise": imprecise,
        "periods": found,
    }
