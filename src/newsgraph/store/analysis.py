"""SQL for the analyst's view: stories, dyad timelines, outlet framing, disagreements.

Writers (``write_stories``, ``write_tones``) are called by the story hook after each
stored batch; readers take a connection to a store opened read-only.  Filters are
assembled from fixed SQL fragments and only values travel as bound parameters.

An actor filter ``X`` matches an actor row whose code, country or organisation is X:
``TUR`` matches TUR, TURGOV and TURMIL; ``TURMIL`` matches only TURMIL.  An event's
date is ``coalesce(event date, article published)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import duckdb

from .filters import MATCH as _MATCH
from .filters import WHEN
from .filters import period as _period

Conn = duckdb.DuckDBPyConnection

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


def _dicts(cursor: Conn) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _in_tx(conn: Conn, statements: Iterable[tuple[str, list[Any]]]) -> None:
    conn.execute("BEGIN TRANSACTION")
    try:
        for sql, params in statements:
            conn.execute(sql, params)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# -- story inputs and story rows (the hook) --------------------------------------------


def article_ids_by_date(conn: Conn, languages: Sequence[str]) -> list[str]:
    """Every stored article in these languages, oldest first (for catching up)."""
    rows = conn.execute(
        "SELECT article_id FROM articles WHERE language IN (SELECT unnest(?)) "
        "ORDER BY published NULLS LAST, ingested_at, article_id",
        [list(languages)],
    ).fetchall()
    return [str(r[0]) for r in rows]


def articles_without_story(conn: Conn) -> list[str]:
    rows = conn.execute(
        "SELECT article_id FROM articles WHERE article_id NOT IN "
        "(SELECT article_id FROM story_articles)"
    ).fetchall()
    return [str(r[0]) for r in rows]


def story_inputs(
    conn: Conn, article_ids: Sequence[str], lead_sentences: int
) -> list[dict[str, Any]]:
    """What the clusterer needs of each article, in date order.

    ``sentences`` are the first stored sentences (None when the article was not coded),
    ``actors`` the codes of its event actors and mentions, ``types`` its non-negated
    event types.
    """
    ids = list(article_ids)
    rows = _dicts(
        conn.execute(
            "SELECT article_id, title, body, published, outlet FROM articles "
            "WHERE article_id IN (SELECT unnest(?)) "
            "ORDER BY published NULLS LAST, ingested_at, article_id",
            [ids],
        )
    )
    sentences: dict[str, list[str]] = {}
    for aid, text in conn.execute(
        "SELECT article_id, text FROM sentences WHERE article_id IN (SELECT unnest(?)) "
        "AND sentence_index < ? ORDER BY article_id, sentence_index",
        [ids, lead_sentences],
    ).fetchall():
        sentences.setdefault(str(aid), []).append(str(text))
    actors: dict[str, set[str]] = {}
    for aid, code in conn.execute(
        "SELECT e.article_id, x.code FROM event_actors x JOIN events e USING (event_id) "
        "WHERE e.article_id IN (SELECT unnest(?)) AND x.code IS NOT NULL AND NOT e.negated "
        "UNION SELECT article_id, code FROM mentions "
        "WHERE article_id IN (SELECT unnest(?)) AND code IS NOT NULL",
        [ids, ids],
    ).fetchall():
        actors.setdefault(str(aid), set()).add(str(code))
    types: dict[str, set[str]] = {}
    for aid, kind in conn.execute(
        "SELECT DISTINCT article_id, type FROM events "
        "WHERE article_id IN (SELECT unnest(?)) AND NOT negated",
        [ids],
    ).fetchall():
        types.setdefault(str(aid), set()).add(str(kind))
    for row in rows:
        aid = row["article_id"]
        row["sentences"] = sentences.get(aid)
        row["actors"] = actors.get(aid, set())
        row["types"] = types.get(aid, set())
    return rows


def write_stories(conn: Conn, stories: Sequence[dict[str, Any]], now: datetime) -> None:
    """Replace the rows of these stories (each: story_id, title, first_date, last_date,
    article_ids, summary as (sentence, article_id) pairs), in one transaction."""
    if not stories:
        return
    sids = [s["story_id"] for s in stories]
    members = [aid for s in stories for aid in s["article_ids"]]
    statements: list[tuple[str, list[Any]]] = [
        ("DELETE FROM stories WHERE story_id IN (SELECT unnest(?))", [sids]),
        ("DELETE FROM story_summary WHERE story_id IN (SELECT unnest(?))", [sids]),
        (
            "DELETE FROM story_articles WHERE story_id IN (SELECT unnest(?)) "
            "OR article_id IN (SELECT unnest(?))",
            [sids, members],
        ),
        (
            "INSERT INTO stories SELECT * FROM (SELECT unnest(?) AS story_id, unnest(?) AS title, "
            "unnest(?) AS first_date, unnest(?) AS last_date, unnest(?) AS summary, "
            "unnest(?) AS article_count, ? AS updated_at)",
            [
                sids,
                [s["title"] for s in stories],
                [s["first_date"] for s in stories],
                [s["last_date"] for s in stories],
                [" ".join(text for text, _ in s["summary"]) for s in stories],
                [len(s["article_ids"]) for s in stories],
                now,
            ],
        ),
        (
            "INSERT INTO story_articles SELECT unnest(?), unnest(?)",
            [[s["story_id"] for s in stories for _ in s["article_ids"]], members],
        ),
    ]
    ranks = [
        (s["story_id"], i, text, aid) for s in stories for i, (text, aid) in enumerate(s["summary"])
    ]
    if ranks:
        statements.append(
            (
                "INSERT INTO story_summary SELECT unnest(?), unnest(?), unnest(?), unnest(?)",
                [[r[k] for r in ranks] for k in range(4)],
            )
        )
    _in_tx(conn, statements)


def clear_stories(conn: Conn) -> None:
    """Empty the story tables (before a rebuild from scratch)."""
    _in_tx(conn, [(f"DELETE FROM {t}", []) for t in ("stories", "story_articles", "story_summary")])


def published_dates(conn: Conn, article_ids: Sequence[str]) -> dict[str, str]:
    rows = conn.execute(
        "SELECT article_id, published FROM articles WHERE article_id IN (SELECT unnest(?)) "
        "AND published IS NOT NULL",
        [list(article_ids)],
    ).fetchall()
    return {str(a): str(p) for a, p in rows}


def articles_without_tone(conn: Conn, article_ids: Sequence[str] | None = None) -> list[str]:
    sql = "SELECT article_id FROM articles WHERE article_id NOT IN (SELECT article_id FROM article_tone)"
    params: list[Any] = []
    if article_ids is not None:
        sql += " AND article_id IN (SELECT unnest(?))"
        params.append(list(article_ids))
    return [str(r[0]) for r in conn.execute(sql, params).fetchall()]


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


def write_tones(conn: Conn, rows: Sequence[tuple[str, float, int, float, float]]) -> None:
    if not rows:
        return
    cols = [[r[k] for r in rows] for k in range(5)]
    _in_tx(
        conn,
        [
            ("DELETE FROM article_tone WHERE article_id IN (SELECT unnest(?))", [cols[0]]),
            (
                "INSERT INTO article_tone SELECT unnest(?), unnest(?), unnest(?), unnest(?), unnest(?)",
                cols,
            ),
        ],
    )


def prune_dangling(conn: Conn) -> None:
    """Drop story and tone rows of articles no longer stored (replaced pages)."""
    _in_tx(
        conn,
        [
            (
                "DELETE FROM story_articles WHERE article_id NOT IN (SELECT article_id FROM articles)",
                [],
            ),
            (
                "DELETE FROM article_tone WHERE article_id NOT IN (SELECT article_id FROM articles)",
                [],
            ),
        ],
    )


# -- stories (read) ----------------------------------------------------------------------


def _actor_articles(actor: str) -> tuple[str, list[Any]]:
    sql = (
        "(SELECT e.article_id FROM events e JOIN event_actors x USING (event_id) "
        "WHERE x.code = ? OR x.country = ? OR x.org = ? "
        f"UNION SELECT article_id FROM mentions WHERE {_MATCH})"
    )
    return sql, [actor] * 6


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
    where, params = _period("s.last_date", since, None)
    w2, p2 = _period("s.first_date", None, until)
    where, params = where + w2, params + p2
    if story_id:
        where.append("s.story_id = ?")
        params.append(story_id)
    if actor:
        sql, p = _actor_articles(actor)
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
    rows = _dicts(
        conn.execute(
            "SELECT s.story_id, s.title, s.first_date, s.last_date FROM stories s WHERE "
            + " AND ".join(["TRUE", *where])
            + " ORDER BY s.last_date DESC NULLS LAST, s.story_id LIMIT ?",
            [*params, limit if limit is not None else 2**62],
        )
    )
    if not rows:
        return rows
    sids = [r["story_id"] for r in rows]
    members: dict[str, list[dict[str, Any]]] = {}
    for r in _dicts(
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
    for r in _dicts(
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


# -- dyad timelines ---------------------------------------------------------------------


def timeline(
    conn: Conn,
    a: str,
    b: str | None,
    by: str = "month",
    directed: bool = False,
    include_negated: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Per-period rows of a dyad's events, and the number of events too imprecisely
    dated for the period.  Undirected: A and B are two different actors of the event,
    in any roles; directed: A among the sources and B among the targets."""
    if by not in BUCKETS:
        raise ValueError(f"by {by!r}: expected one of {', '.join(BUCKETS)}")
    if b is None:
        pair = (
            "SELECT DISTINCT event_id FROM event_actors WHERE "
            + _MATCH
            + (" AND role = 'source'" if directed else "")
        )
        params: list[Any] = [a] * 3
    else:
        pair = (
            f"WITH m AS (SELECT event_id, role, position, {_MATCH} AS is_a, {_MATCH} AS is_b "
            f"FROM event_actors WHERE {_MATCH} OR {_MATCH}) "
            "SELECT DISTINCT x.event_id FROM m x JOIN m y ON x.event_id = y.event_id "
            "AND (x.role <> y.role OR x.position <> y.position) WHERE x.is_a AND y.is_b"
            + (" AND x.role = 'source' AND y.role = 'target'" if directed else "")
        )
        params = [a] * 3 + [b] * 3 + [a] * 3 + [b] * 3
    where, p = _period(WHEN, since, until)
    if not include_negated:
        where.append("NOT e.negated")
    bucket, precise = BUCKETS[by]
    sql = f"""
        WITH ev AS (
            SELECT e.quad_class AS q, e.intensity AS i, {WHEN} AS d
            FROM events e JOIN articles a USING (article_id)
            WHERE e.event_id IN ({pair}) AND {" AND ".join(["TRUE", *where])}
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
    rows = _dicts(conn.execute(sql, params + p))
    imprecise = sum(int(r["n"]) for r in rows if r["period"] is None)
    return [r for r in rows if r["period"] is not None], imprecise


# -- outlets ------------------------------------------------------------------------------


def outlet_overview(conn: Conn) -> list[dict[str, Any]]:
    """Per outlet: articles, events, mean article tone (NULL where no tone is stored)."""
    return _dicts(
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
    return _dicts(
        conn.execute(
            "SELECT coalesce(a.outlet, '(unknown)') AS outlet, m.article_id, m.start, m.\"end\", "
            "m.kind, m.text, m.code FROM mentions m JOIN articles a USING (article_id) "
            f"WHERE m.kind <> 'pronoun' AND {cond} ORDER BY outlet, m.article_id, m.start",
            params,
        )
    )


def sentences_matching(conn: Conn, pattern: str) -> list[dict[str, Any]]:
    """Stored sentences matching a (case-insensitive) regular expression, by outlet."""
    return _dicts(
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
    return _dicts(
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
        where += " AND e.event_id IN (SELECT event_id FROM event_actors WHERE " + _MATCH + ")"
        params = [actor] * 3
    return _dicts(
        conn.execute(
            "SELECT DISTINCT coalesce(a.outlet, '(unknown)') AS outlet, e.article_id, "
            "e.sentence_index, e.evidence FROM events e JOIN articles a USING (article_id) "
            f"WHERE {where} ORDER BY outlet, e.article_id, e.sentence_index",
            params,
        )
    )


# -- disagreements --------------------------------------------------------------------


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
    return _dicts(
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
