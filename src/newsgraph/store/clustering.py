"""What the story hook reads and writes: clusterer inputs, story rows, tone rows.

``newsgraph.ingest.after.AfterBatch`` calls these after each stored batch; the
analyst's reads of stories are in ``stories.py``.  Writes are one transaction each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .sql import Conn, dicts, in_transaction, strings, table_exists


def article_ids_by_date(conn: Conn, languages: Sequence[str]) -> list[str]:
    """Every stored article in these languages, oldest first (for catching up)."""
    return strings(
        conn,
        "SELECT article_id FROM articles WHERE language IN (SELECT unnest(?)) "
        "ORDER BY published NULLS LAST, article_id",
        [list(languages)],
    )


def articles_without_story(conn: Conn) -> list[str]:
    return strings(
        conn,
        "SELECT article_id FROM articles WHERE article_id NOT IN "
        "(SELECT article_id FROM story_articles)",
    )


def story_inputs(
    conn: Conn, article_ids: Sequence[str], lead_sentences: int
) -> list[dict[str, Any]]:
    """What the clusterer needs of each article, in date order.

    ``sentences`` are the first stored sentences (None when the article was not coded),
    ``actors`` the codes of its event actors and mentions, ``types`` its non-negated
    event types; for its identity record: ``furniture`` (where a dateline is),
    ``people`` (person mentions as written), ``places`` (event locations, country
    mentions, and the stored place mentions where the store has them) and ``events``
    (``TYPE source>target`` of its non-negated events, actors by code, else as written).
    """
    ids = list(article_ids)
    rows = dicts(
        conn.execute(
            "SELECT article_id, title, body, furniture, published, outlet FROM articles "
            "WHERE article_id IN (SELECT unnest(?)) "
            "ORDER BY published NULLS LAST, article_id",
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
    people: dict[str, set[str]] = {}
    places: dict[str, set[str]] = {}
    for aid, kind, text in conn.execute(
        "SELECT article_id, kind, text FROM mentions WHERE article_id IN (SELECT unnest(?)) "
        "AND kind IN ('person', 'country') "
        "UNION SELECT article_id, 'place', location_name FROM events "
        "WHERE article_id IN (SELECT unnest(?)) AND location_name IS NOT NULL AND NOT negated",
        [ids, ids],
    ).fetchall():
        (people if kind == "person" else places).setdefault(str(aid), set()).add(str(text))
    for aid, name in _place_mentions(conn, ids):
        places.setdefault(aid, set()).add(name)
    events: dict[str, set[str]] = {}
    for aid, kind, sources, targets in conn.execute(
        "SELECT e.article_id, e.type, "
        "list(DISTINCT coalesce(x.code, lower(x.text))) FILTER (WHERE x.role = 'source'), "
        "list(DISTINCT coalesce(x.code, lower(x.text))) FILTER (WHERE x.role = 'target') "
        "FROM events e LEFT JOIN event_actors x USING (event_id) "
        "WHERE e.article_id IN (SELECT unnest(?)) AND NOT e.negated GROUP BY e.event_id, "
        "e.article_id, e.type",
        [ids],
    ).fetchall():
        for source in sources or ["-"]:
            for target in targets or ["-"]:
                events.setdefault(str(aid), set()).add(f"{kind} {source}>{target}")
    for row in rows:
        aid = row["article_id"]
        row["sentences"] = sentences.get(aid)
        row["actors"] = actors.get(aid, set())
        row["types"] = types.get(aid, set())
        row["people"] = sorted(people.get(aid, ()))
        row["places"] = sorted(places.get(aid, ()))
        row["events"] = sorted(events.get(aid, ()))
    return rows


def _place_mentions(conn: Conn, ids: list[str]) -> list[tuple[str, str]]:
    """(article_id, place name) of the stored place mentions, where the store has a
    ``place_mentions`` table with ``article_id`` and ``name`` (the places stage)."""
    if not table_exists(conn, "place_mentions"):
        return []
    columns = {
        str(r[0])
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'place_mentions'"
        ).fetchall()
    }
    if not {"article_id", "name"} <= columns:
        return []
    role = " AND role = 'place'" if "role" in columns else ""
    return [
        (str(a), str(n))
        for a, n in conn.execute(
            "SELECT DISTINCT article_id, name FROM place_mentions "
            f"WHERE article_id IN (SELECT unnest(?)) AND name IS NOT NULL{role}",
            [ids],
        ).fetchall()
    ]


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
    in_transaction(conn, statements)


def clear_stories(conn: Conn) -> None:
    """Empty the story tables (before a rebuild from scratch)."""
    in_transaction(
        conn,
        [
            (f"DELETE FROM {t}", [])
            for t in ("stories", "story_articles", "story_summary", "story_links")
        ],
    )


def retire_stories(conn: Conn, story_ids: Sequence[str]) -> None:
    """Drop the rows of stories that ceased to be (merged into or split from others)."""
    if not story_ids:
        return
    sids = list(story_ids)
    in_transaction(
        conn,
        [
            (f"DELETE FROM {t} WHERE story_id IN (SELECT unnest(?))", [sids])
            for t in ("stories", "story_articles", "story_summary", "story_links")
        ],
    )


def write_links(conn: Conn, story_ids: Sequence[str], links: Sequence[dict[str, Any]]) -> None:
    """Replace the links of these stories: each article, the member it is most like
    (``linked_id``), the pair's score and cosine, what they share (JSON), and the
    article's date as the clusterer read it (``event_date``, ``date_precision``,
    ``date_source``)."""
    if not story_ids:
        return
    cols = [
        "story_id", "article_id", "linked_id", "score", "similarity", "shared",
        "event_date", "date_precision", "date_source",
    ]  # fmt: skip
    statements: list[tuple[str, list[Any]]] = [
        ("DELETE FROM story_links WHERE story_id IN (SELECT unnest(?))", [list(story_ids)])
    ]
    if links:
        statements.append(
            (
                "INSERT INTO story_links SELECT " + ", ".join(["unnest(?)"] * len(cols)),
                [[link[c] for link in links] for c in cols],
            )
        )
    in_transaction(conn, statements)


def articles_without_tone(conn: Conn, article_ids: Sequence[str] | None = None) -> list[str]:
    sql = "SELECT article_id FROM articles WHERE article_id NOT IN (SELECT article_id FROM article_tone)"
    params: list[Any] = []
    if article_ids is not None:
        sql += " AND article_id IN (SELECT unnest(?))"
        params.append(list(article_ids))
    return strings(conn, sql, params)


def write_tones(conn: Conn, rows: Sequence[tuple[str, float, int, float, float]]) -> None:
    if not rows:
        return
    cols = [[r[k] for r in rows] for k in range(5)]
    in_transaction(
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
    in_transaction(
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
            (
                "DELETE FROM story_links WHERE article_id NOT IN (SELECT article_id FROM articles)",
                [],
            ),
        ],
    )
