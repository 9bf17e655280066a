"""SQL for ``newsgraph export``: which rows of each table go out, and the GDELT view.

Filters (``since``, ``until``, ``actor``, ``outlet``) select articles; every table keyed
by article (or by one of its events or stories) is narrowed to them, the others
(runs, schema_version, shards) are exported whole.  Values travel as bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .query import MATCH, WHEN, actor_articles, period
from .sql import Conn, dicts, strings, table_names

__all__ = ["ExportFilters", "gdelt_events", "selected_articles", "table_names", "table_reader"]


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """Which articles an export takes (see above): every article when none is set."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    outlet: str | None = None


def selected_articles(conn: Conn, filters: ExportFilters) -> list[str] | None:
    """Article ids matching the filters (None: no filter, every article)."""
    f = filters
    if not (f.since or f.until or f.actor or f.outlet):
        return None
    where, params = period("a.published", f.since, f.until)
    if f.outlet:
        where.append("a.outlet = ?")
        params.append(f.outlet)
    if f.actor:
        sql, p = actor_articles(f.actor)
        where.append(f"a.article_id IN {sql}")
        params += p
    return strings(conn, "SELECT a.article_id FROM articles a WHERE " + " AND ".join(where), params)


# how each table is narrowed to a set of articles (None: exported whole)
_BY_ARTICLE: dict[str, str | None] = {
    "articles": "article_id",
    "sentences": "article_id",
    "mentions": "article_id",
    "events": "article_id",
    "quotes": "article_id",
    "minhashes": "article_id",
    "lsh_bands": "article_id",
    "article_tone": "article_id",
    "place_mentions": "article_id",
    "story_articles": "article_id",
    "duplicates": "of_article_id",
    "pages": "article_id",
    "event_actors": "event_id IN (SELECT event_id FROM events WHERE article_id IN (SELECT unnest(?)))",
    "stories": "story_id IN (SELECT story_id FROM story_articles WHERE article_id IN (SELECT unnest(?)))",
    "story_summary": "story_id IN (SELECT story_id FROM story_articles WHERE article_id IN (SELECT unnest(?)))",
}


def table_reader(conn: Conn, table: str, article_ids: list[str] | None, batch: int = 65_536) -> Any:
    """A pyarrow RecordBatchReader over a table, narrowed to these articles if given."""
    if table not in table_names(conn):
        raise ValueError(f"no table {table!r} in the store")
    sql, params = f'SELECT * FROM "{table}"', []
    if article_ids is not None:
        how = _BY_ARTICLE.get(table)
        if how is not None:
            cond = how if " " in how else f"{how} IN (SELECT unnest(?))"
            sql += f" WHERE {cond}"
            params = [article_ids]
    return conn.sql(sql, params=params).to_arrow_reader(batch)


def gdelt_events(
    conn: Conn,
    article_ids: list[str] | None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Events with what a GDELT row needs: first source and target actor, article date,
    url, tone, and the number of copies and distinct outlets reporting the article."""
    where, params = period(WHEN, since, until)
    if article_ids is not None:
        where.append("e.article_id IN (SELECT unnest(?))")
        params.append(article_ids)
    if actor:
        where.append("e.event_id IN (SELECT event_id FROM event_actors WHERE " + MATCH + ")")
        params += [actor] * 3
    actor_cols = "code, text, name, country, org, sector"
    sql = f"""
        WITH first AS (
            SELECT event_id, role, {actor_cols} FROM event_actors WHERE position = 0
        ), allx AS (
            SELECT event_id,
                string_agg(coalesce(code, text), ';' ORDER BY position) FILTER (WHERE role = 'source') AS sources,
                string_agg(coalesce(code, text), ';' ORDER BY position) FILTER (WHERE role = 'target') AS targets
            FROM event_actors GROUP BY event_id
        ), copies AS (
            SELECT of_article_id AS article_id, count(*) AS n, list(DISTINCT outlet) AS outlets
            FROM duplicates GROUP BY of_article_id
        )
        SELECT e.*, {WHEN} AS when_date, a.published, a.url, a.location AS article_location,
            a.outlet, a.ingested_at, t.tone,
            coalesce(c.n, 0) AS copies, c.outlets AS copy_outlets,
            s1.code AS a1_code, s1.text AS a1_text, s1.name AS a1_name, s1.country AS a1_country,
            s1.org AS a1_org, s1.sector AS a1_sector,
            t1.code AS a2_code, t1.text AS a2_text, t1.name AS a2_name, t1.country AS a2_country,
            t1.org AS a2_org, t1.sector AS a2_sector,
            allx.sources, allx.targets
        FROM events e JOIN articles a USING (article_id)
        LEFT JOIN article_tone t USING (article_id)
        LEFT JOIN copies c USING (article_id)
        LEFT JOIN first s1 ON s1.event_id = e.event_id AND s1.role = 'source'
        LEFT JOIN first t1 ON t1.event_id = e.event_id AND t1.role = 'target'
        LEFT JOIN allx ON allx.event_id = e.event_id
        WHERE {" AND ".join(["TRUE", *where])}
        ORDER BY when_date NULLS LAST, e.event_id
    """
    return dicts(conn.execute(sql, params))
