"""Reads about articles: lists, one article with its copies, events, quotes and mentions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .events import events
from .query import EventQuery, article_where
from .sql import NO_LIMIT, Conn, dicts, scalar


def articles(
    conn: Conn,
    outlet: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Article summaries, oldest publication first, with their event and copy counts."""
    where, params = article_where("a.", outlet, language, since, until)
    sql = (
        "SELECT a.article_id, a.outlet, a.published, a.title, a.language, a.coded, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events, "
        "(SELECT count(*) FROM duplicates d WHERE d.of_article_id = a.article_id) AS copies, "
        f"a.url, a.location FROM articles a WHERE {where} "
        "ORDER BY a.published NULLS LAST, a.location LIMIT ? OFFSET ?"
    )
    return dicts(conn.execute(sql, [*params, limit if limit is not None else NO_LIMIT, offset]))


def count_articles(
    conn: Conn,
    outlet: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    where, params = article_where("", outlet, language, since, until)
    return int(scalar(conn, "SELECT count(*) FROM articles WHERE " + where, params) or 0)


def article(conn: Conn, ident: str) -> dict[str, Any] | None:
    """One article (by article id, page id or location) with its copies, events, quotes."""
    rows = dicts(
        conn.execute(
            "SELECT * EXCLUDE (run_id) FROM articles WHERE article_id = ? OR page_id = ? "
            "OR location = ? ORDER BY (article_id = ?) DESC LIMIT 1",
            [ident, ident, ident, ident],
        )
    )
    if not rows:
        dup = conn.execute(
            "SELECT of_article_id FROM duplicates WHERE page_id = ? OR location = ?", [ident, ident]
        ).fetchone()
        return article(conn, str(dup[0])) if dup and dup[0] != ident else None
    found = rows[0]
    aid = found["article_id"]
    found["copies"] = dicts(
        conn.execute(
            "SELECT page_id, location, url, outlet, published, kind, similarity FROM duplicates "
            "WHERE of_article_id = ? ORDER BY location",
            [aid],
        )
    )
    found["events"] = events(conn, EventQuery(article_id=aid))
    found["quotes"] = dicts(
        conn.execute(
            "SELECT text, speaker_text, speaker_code, verb, sentence_index FROM quotes "
            "WHERE article_id = ? ORDER BY quote_index",
            [aid],
        )
    )
    return found


def mentions(conn: Conn, article_id: str) -> list[dict[str, Any]]:
    return dicts(
        conn.execute(
            'SELECT start, "end", kind, text, code, country, sector, org, name FROM mentions '
            "WHERE article_id = ? ORDER BY start, mention_index",
            [article_id],
        )
    )


def latest_articles(conn: Conn, limit: int = 10) -> list[dict[str, Any]]:
    return dicts(
        conn.execute(
            "SELECT article_id, outlet, published, title FROM articles "
            "ORDER BY ingested_at DESC, published DESC NULLS LAST, article_id LIMIT ?",
            [limit],
        )
    )


def published_dates(conn: Conn, article_ids: Sequence[str]) -> dict[str, str]:
    rows = conn.execute(
        "SELECT article_id, published FROM articles WHERE article_id IN (SELECT unnest(?)) "
        "AND published IS NOT NULL",
        [list(article_ids)],
    ).fetchall()
    return {str(a): str(p) for a, p in rows}


def article_texts(
    conn: Conn, article_ids: Sequence[str]
) -> dict[str, tuple[list[str] | None, str]]:
    """Per article: its stored sentences (None when not coded) and its body."""
    ids = list(article_ids)
    found: dict[str, tuple[list[str] | None, str]] = {
        str(a): (None, str(b))
        for a, b in conn.execute(
            "SELECT article_id, body FROM articles WHERE article_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
    }
    for aid, texts in conn.execute(
        "SELECT article_id, list(text ORDER BY sentence_index) FROM sentences "
        "WHERE article_id IN (SELECT unnest(?)) GROUP BY article_id",
        [ids],
    ).fetchall():
        found[str(aid)] = ([str(t) for t in texts], found[str(aid)][1])
    return found
