"""Reads about stories: lists with their articles, copies and summaries, one story,
and what the disagreement finder compares (the members and events of each story).

Empty answers when the store has no story tables (a store older than stories).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .query import actor_articles, period
from .sql import NO_LIMIT, Conn, dicts, scalar, table_exists


def stories(
    conn: Conn,
    story_id: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stories (newest first) with their articles, copies, outlets and summary."""
    where, params = period("s.last_date", since, None)
    w2, p2 = period("s.first_date", None, until)
    where, params = where + w2, params + p2
    if story_id:
        where.append("s.story_id = ?")
        params.append(story_id)
    if actor:
        sql, p = actor_articles(actor)
        where.append(
            f"s.story_id IN (SELECT story_id FROM story_articles WHERE article_id IN {sql})"
        )
        params += p
    if outlet:
        where.append(
            "s.story_id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a "
            "USING (article_id) WHERE a.outlet = ?)"
        )
        params.append(outlet)
    rows = dicts(
        conn.execute(
            "SELECT s.story_id, s.title, s.first_date, s.last_date FROM stories s WHERE "
            + " AND ".join(["TRUE", *where])
            + " ORDER BY s.last_date DESC NULLS LAST, s.story_id LIMIT ?",
            [*params, limit if limit is not None else NO_LIMIT],
        )
    )
    if not rows:
        return rows
    sids = [r["story_id"] for r in rows]
    members: dict[str, list[dict[str, Any]]] = {}
    for r in dicts(
        conn.execute(
            "SELECT sa.story_id, a.article_id, a.outlet, a.published, a.title, a.url, a.location "
            "FROM story_articles sa JOIN articles a USING (article_id) "
            "WHERE sa.story_id IN (SELECT unnest(?)) "
            "ORDER BY a.published NULLS LAST, a.outlet, a.article_id",
            [sids],
        )
    ):
        r["copies"] = []
        members.setdefault(r.pop("story_id"), []).append(r)
    by_article = {a["article_id"]: a for group in members.values() for a in group}
    for r in dicts(
        conn.execute(
            "SELECT of_article_id, outlet, published, url, location, kind FROM duplicates "
            "WHERE of_article_id IN (SELECT unnest(?)) ORDER BY location",
            [list(by_article)],
        )
    ):
        by_article[r.pop("of_article_id")]["copies"].append(r)
    summary: dict[str, list[dict[str, str]]] = {}
    for sid, text, aid in conn.execute(
        "SELECT story_id, sentence, article_id FROM story_summary "
        "WHERE story_id IN (SELECT unnest(?)) ORDER BY story_id, rank",
        [sids],
    ).fetchall():
        summary.setdefault(str(sid), []).append({"sentence": str(text), "article_id": str(aid)})
    for row in rows:
        arts = members.get(row["story_id"], [])
        outlets = [a["outlet"] for a in arts] + [c["outlet"] for a in arts for c in a["copies"]]
        row["outlets"] = sorted({o for o in outlets if o})
        row["articles"] = arts
        row["summary"] = summary.get(row["story_id"], [])
    return rows


def stories_page(conn: Conn, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """A page of stories, newest first (as ``newsgraph stories``), with article counts
    and outlets; empty when the store has no story table."""
    if not table_exists(conn, "stories"):
        return [], 0
    total = int(scalar(conn, "SELECT count(*) FROM stories") or 0)
    rows = dicts(
        conn.execute(
            "SELECT story_id, title, first_date, last_date FROM stories "
            "ORDER BY last_date DESC NULLS LAST, story_id LIMIT ? OFFSET ?",
            [limit, offset],
        )
    )
    if rows:
        found = conn.execute(
            "SELECT sa.story_id, count(*), list(DISTINCT a.outlet ORDER BY a.outlet) "
            "FROM story_articles sa JOIN articles a USING (article_id) "
            "WHERE sa.story_id IN (SELECT unnest(?)) GROUP BY sa.story_id",
            [[r["story_id"] for r in rows]],
        ).fetchall()
        by_id = {sid: (n, [o for o in outs if o is not None]) for sid, n, outs in found}
        for row in rows:
            n, outs = by_id.get(row["story_id"], (0, []))
            row["articles"] = n
            row["outlets"] = outs
    return rows, total


def story(conn: Conn, story_id: str) -> dict[str, Any] | None:
    """One story as ``newsgraph stories`` shows it (articles with their copies, outlets,
    summary sentences), each article with the start of its body, its event count and
    ``why`` it is in the story (``story_links``; None for a store without them)."""
    if not table_exists(conn, "stories"):
        return None
    found = stories(conn, story_id=story_id, limit=1)
    if not found:
        return None
    result = found[0]
    ids = [a["article_id"] for a in result["articles"]]
    extra = {
        aid: (lead, n)
        for aid, lead, n in conn.execute(
            "SELECT a.article_id, substr(a.body, 1, 600), "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) "
            "FROM articles a WHERE a.article_id IN (SELECT unnest(?))",
            [ids],
        ).fetchall()
    }
    links = {r["article_id"]: r for r in story_links(conn, story_id)}
    for item in result["articles"]:
        item["lead"], item["events"] = extra.get(item["article_id"], ("", 0))
        link = links.get(item["article_id"])
        item["why"] = None if link is None else {
            k: link[k]
            for k in (
                "linked_id", "linked_title", "linked_outlet", "score", "similarity", "shared",
                "event_date", "date_precision", "date_source",
            )
        }  # fmt: skip
    return result


def story_links(conn: Conn, story_id: str) -> list[dict[str, Any]]:
    """Why each article of a story is in it (by date, then id): the member it is most
    like (``linked_id``, ``linked_title``), the pair's ``score`` and ``similarity``
    (cosine), what the two share (``shared``: people, places, names, numbers, events,
    dates) and the article's date as the clusterer read it (``event_date``,
    ``date_precision``, ``date_source``: published, text or none).  Empty for an
    unknown story or a store without the table."""
    if not table_exists(conn, "story_links"):
        return []
    rows = dicts(
        conn.execute(
            "SELECT l.article_id, a.outlet, a.published, a.title, a.url, a.location, "
            "l.linked_id, b.title AS linked_title, b.outlet AS linked_outlet, l.score, "
            "l.similarity, l.shared, l.event_date, l.date_precision, l.date_source "
            "FROM story_links l JOIN articles a ON a.article_id = l.article_id "
            "LEFT JOIN articles b ON b.article_id = l.linked_id WHERE l.story_id = ? "
            "ORDER BY a.published NULLS LAST, l.article_id",
            [story_id],
        )
    )
    for row in rows:
        shared = json.loads(row["shared"] or "{}")
        row["shared"] = {
            k: shared.get(k, [])
            for k in ("people", "places", "names", "numbers", "events", "dates")
        }
    return rows


def story_members(conn: Conn, story_id: str | None) -> list[tuple[str, str, str | None]]:
    """(story_id, article_id, outlet) of stories told by two outlets or more."""
    where, params = "TRUE", []
    if story_id:
        where, params = "sa.story_id = ?", [story_id]
    rows = conn.execute(
        "WITH m AS (SELECT sa.story_id, a.article_id, a.outlet FROM story_articles sa "
        f"JOIN articles a USING (article_id) WHERE {where}) "
        "SELECT * FROM m WHERE story_id IN (SELECT story_id FROM m GROUP BY story_id "
        "HAVING count(DISTINCT outlet) >= 2) ORDER BY story_id, article_id",
        params,
    ).fetchall()
    return [(str(s), str(a), o) for s, a, o in rows]


def events_of(conn: Conn, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Non-negated, non-hypothetical events of these articles: ``sources`` by country
    (else organisation, else code), ``targets`` by full code."""
    return dicts(
        conn.execute(
            "SELECT e.event_id, e.article_id, e.type, e.date, e.date_precision, e.evidence, "
            "e.sentence_index, e.start, "
            "list(DISTINCT coalesce(x.country, x.org, x.code, x.text)) FILTER (WHERE x.role = 'source') "
            "AS sources, "
            "list(DISTINCT coalesce(x.code, x.text)) FILTER (WHERE x.role = 'target') AS targets "
            "FROM events e LEFT JOIN event_actors x USING (event_id) "
            "WHERE e.article_id IN (SELECT unnest(?)) AND NOT e.negated AND NOT e.hypothetical "
            "GROUP BY ALL ORDER BY e.article_id, e.start, e.event_id",
            [list(article_ids)],
        )
    )
