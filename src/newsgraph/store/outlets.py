"""Reads about outlets: article and event counts, tone, how they name actors, whom
they quote (for the API's outlet list and ``newsgraph outlets``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .query import MATCH
from .sql import Conn, dicts, table_exists


def outlets(conn: Conn) -> list[dict[str, Any]]:
    """Outlets with their article and event counts and mean article tone (NULL until
    tone is scored)."""
    has_tone = table_exists(conn, "article_tone")
    tone = "avg(t.tone)" if has_tone else "NULL"
    join = "LEFT JOIN article_tone t USING (article_id)" if has_tone else ""
    return dicts(
        conn.execute(
            f"""
            SELECT a.outlet, count(*) AS articles,
                coalesce(sum(ev.n), 0) AS events,
                min(a.published) AS first_published, max(a.published) AS last_published,
                {tone} AS mean_tone
            FROM articles a {join}
            LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY article_id) ev
                USING (article_id)
            GROUP BY a.outlet ORDER BY articles DESC, a.outlet NULLS LAST
            """
        )
    )


def outlet_overview(conn: Conn) -> list[dict[str, Any]]:
    """Per outlet: articles, events, mean article tone (NULL where no tone is stored)."""
    return dicts(
        conn.execute(
            "SELECT coalesce(a.outlet, '(unknown)') AS outlet, count(*) AS articles, "
            "coalesce(sum(ev.n), 0) AS events, avg(t.tone) AS tone "
            "FROM articles a LEFT JOIN article_tone t USING (article_id) "
            "LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY article_id) ev "
            "USING (article_id) GROUP BY ALL ORDER BY articles DESC, outlet"
        )
    )


def actor_mentions(conn: Conn, actor: str | None, sectors: Sequence[str]) -> list[dict[str, Any]]:
    """Mentions of an actor (or, without one, of any actor in these sectors), by outlet."""
    params: list[Any] = [list(sectors)]
    cond = "m.sector IN (SELECT unnest(?))"
    if actor:
        cond, params = "(m.code = ? OR m.country = ? OR m.org = ?)", [actor] * 3
    return dicts(
        conn.execute(
            "SELECT coalesce(a.outlet, '(unknown)') AS outlet, m.article_id, m.start, m.\"end\", "
            "m.kind, m.text, m.code FROM mentions m JOIN articles a USING (article_id) "
            f"WHERE m.kind <> 'pronoun' AND {cond} ORDER BY outlet, m.article_id, m.start",
            params,
        )
    )


def sentences_matching(conn: Conn, pattern: str) -> list[dict[str, Any]]:
    """Stored sentences matching a (case-insensitive) regular expression, by outlet."""
    return dicts(
        conn.execute(
            "SELECT coalesce(a.outlet, '(unknown)') AS outlet, s.article_id, s.start, s.text "
            "FROM sentences s JOIN articles a USING (article_id) "
            "WHERE regexp_matches(s.text, ?, 'i') ORDER BY outlet, s.article_id, s.start",
            [pattern],
        )
    )


def quote_spans(conn: Conn) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, start, end in conn.execute('SELECT article_id, start, "end" FROM quotes').fetchall():
        spans.setdefault(str(aid), []).append((int(start), int(end)))
    return spans


def quoted_speakers(conn: Conn, actor: str | None) -> list[dict[str, Any]]:
    """Quotes per outlet and speaker (code, else the speaker as written)."""
    where, params = "TRUE", []
    if actor:
        where = "(q.speaker_code = ? OR (length(?) = 3 AND substr(q.speaker_code, 1, 3) = ?))"
        params = [actor] * 3
    return dicts(
        conn.execute(
            "SELECT coalesce(a.outlet, '(unknown)') AS outlet, "
            "coalesce(q.speaker_code, q.speaker_text, '(unattributed)') AS speaker, "
            "count(*) AS quotes FROM quotes q JOIN articles a USING (article_id) "
            f"WHERE {where} GROUP BY ALL ORDER BY outlet, quotes DESC, speaker",
            params,
        )
    )


def event_sentences(conn: Conn, actor: str | None) -> list[dict[str, Any]]:
    """Distinct event evidence sentences per outlet (of events of the actor, if given)."""
    where, params = "NOT e.negated", []
    if actor:
        where += " AND e.event_id IN (SELECT event_id FROM event_actors WHERE " + MATCH + ")"
        params = [actor] * 3
    return dicts(
        conn.execute(
            "SELECT DISTINCT coalesce(a.outlet, '(unknown)') AS outlet, e.article_id, "
            "e.sentence_index, e.evidence FROM events e JOIN articles a USING (article_id) "
            f"WHERE {where} ORDER BY outlet, e.article_id, e.sentence_index",
            params,
        )
    )
