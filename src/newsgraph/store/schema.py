"""The versioned schema of the store and the migrations that build it.

``MIGRATIONS`` is an ordered list; migration N brings a store from schema version
N-1 to N.  Each one runs in its own transaction together with the row that records
it in ``schema_version``, so a store is always at a whole version.  Opening an
older store applies the missing steps; a store newer than this code is refused.

To change the schema, append a ``Migration`` (never edit one that has shipped).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ..errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1_PAGES = (
    """
    CREATE TABLE runs (
        run_id INTEGER PRIMARY KEY,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL,
        inputs VARCHAR NOT NULL,
        settings VARCHAR NOT NULL,
        pages INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE pages (
        page_id VARCHAR PRIMARY KEY,
        location VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        status VARCHAR NOT NULL CHECK (status IN ('article', 'duplicate', 'failed')),
        article_id VARCHAR,
        reason VARCHAR,
        run_id INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        page_id VARCHAR NOT NULL,
        location VARCHAR NOT NULL,
        url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        author VARCHAR,
        published VARCHAR,
        published_source VARCHAR,
        published_not_before VARCHAR,
        language VARCHAR,
        content_type VARCHAR NOT NULL,
        body VARCHAR NOT NULL,
        furniture VARCHAR NOT NULL,
        body_hash VARCHAR NOT NULL,
        note VARCHAR,
        coded BOOLEAN NOT NULL,
        run_id INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE duplicates (
        page_id VARCHAR PRIMARY KEY,
        location VARCHAR NOT NULL,
        url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        published VARCHAR,
        of_article_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL CHECK (kind IN ('exact', 'near')),
        similarity DOUBLE NOT NULL,
        run_id INTEGER NOT NULL
    )
    """,
)

_V2_DEDUP = (
    "CREATE TABLE lsh_bands (band SMALLINT NOT NULL, bucket BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
    "CREATE TABLE minhashes (article_id VARCHAR PRIMARY KEY, signature BLOB NOT NULL)",
)

# an actor's columns: a mention's and an event's source or target alike
# (store/rows.py writes both from an Actor)
_ACTOR = """
        text VARCHAR NOT NULL,
        code VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        org VARCHAR,
        name VARCHAR"""

_V3_CODING = (
    """
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL
    )
    """,
    f"""
    CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        mention_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind VARCHAR NOT NULL,{_ACTOR}
    )
    """,
    """
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR,
        cameo VARCHAR,
        quad_class INTEGER NOT NULL,
        intensity DOUBLE NOT NULL,
        evidence VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        trigger VARCHAR NOT NULL,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        reported BOOLEAN NOT NULL,
        speaker_text VARCHAR,
        speaker_code VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        date VARCHAR,
        date_precision VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL
    )
    """,
    f"""
    CREATE TABLE event_actors (
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('source', 'target')),
        position INTEGER NOT NULL,{_ACTOR}
    )
    """,
    """
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        quote_index INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        speaker_text VARCHAR,
        speaker_code VARCHAR,
        verb VARCHAR,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    )
    """,
)

_V4_SHARDS = (
    """
    CREATE TABLE shards (
        shard_id VARCHAR PRIMARY KEY,
        position INTEGER NOT NULL,
        inputs VARCHAR NOT NULL,
        status VARCHAR NOT NULL CHECK (status IN ('written', 'loaded')),
        partitions VARCHAR NOT NULL,
        pages INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0,
        run_id INTEGER,
        updated_at TIMESTAMP NOT NULL
    )
    """,
)

_V5_STORIES = (
    # Written by newsgraph.ingest.after after each stored batch; rebuilt for the
    # stories a batch touches.  No key constraints: rows are deleted and re-inserted.
    """
    CREATE TABLE stories (
        story_id VARCHAR NOT NULL,
        title VARCHAR,
        first_date VARCHAR,
        last_date VARCHAR,
        summary VARCHAR,
        article_count INTEGER NOT NULL,
        updated_at TIMESTAMP NOT NULL
    )
    """,
    "CREATE TABLE story_articles (story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL)",
    """
    CREATE TABLE story_summary (
        story_id VARCHAR NOT NULL,
        rank INTEGER NOT NULL,
        sentence VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE article_tone (
        article_id VARCHAR NOT NULL,
        tone DOUBLE NOT NULL,
        sentences INTEGER NOT NULL,
        positive DOUBLE NOT NULL,
        negative DOUBLE NOT NULL
    )
    """,
)

_V6_WATCH = (
    # newsgraph watch (store/watch.py): the sources it fetches and the article links
    # they gave; watchlists, their alerts and the outbox that delivers them
    # (store/alerts.py).  Times are naive UTC.
    """
    CREATE TABLE watch_sources (
        url VARCHAR PRIMARY KEY,
        root VARCHAR NOT NULL,
        parent VARCHAR,
        kind VARCHAR,
        every_seconds DOUBLE NOT NULL,
        added_at TIMESTAMP NOT NULL,
        next_due TIMESTAMP NOT NULL,
        last_fetch TIMESTAMP,
        last_ok TIMESTAMP,
        last_status INTEGER,
        etag VARCHAR,
        last_modified VARCHAR,
        content_hash VARCHAR,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error VARCHAR,
        fetches INTEGER NOT NULL DEFAULT 0,
        links INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE watch_links (
        url VARCHAR PRIMARY KEY,
        source_url VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        found_at TIMESTAMP NOT NULL,
        outlet VARCHAR,
        title VARCHAR,
        published VARCHAR,
        author VARCHAR,
        status VARCHAR NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try TIMESTAMP NOT NULL,
        last_error VARCHAR,
        done_at TIMESTAMP
    )
    """,
    """
    CREATE TABLE watchlists (
        name VARCHAR PRIMARY KEY,
        filters VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        scanned_to TIMESTAMP
    )
    """,
    """
    CREATE TABLE alerts (
        alert_id VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL CHECK (kind IN ('match', 'spike')),
        watchlist VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        day VARCHAR,
        event_id VARCHAR,
        article_id VARCHAR,
        summary VARCHAR NOT NULL,
        payload VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE alert_outbox (
        alert_id VARCHAR NOT NULL,
        channel VARCHAR NOT NULL CHECK (channel IN ('webhook', 'jsonl')),
        target VARCHAR NOT NULL,
        status VARCHAR NOT NULL CHECK (status IN ('pending', 'sent')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try TIMESTAMP NOT NULL,
        last_error VARCHAR,
        sent_at TIMESTAMP,
        PRIMARY KEY (alert_id, channel, target)
    )
    """,
)

_V7_STORY_LINKS = (
    # Why each article is in its story (newsgraph stories --explain): the member it is
    # most like, the pair's score and cosine, what they share (JSON: people, places,
    # names, numbers, events, dates), and the date the clusterer gave the article (its
    # precision; source: published, text or none).  Written with the story rows by
    # ingest.after.
    """
    CREATE TABLE story_links (
        story_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        linked_id VARCHAR,
        score DOUBLE,
        similarity DOUBLE,
        shared VARCHAR,
        event_date VARCHAR,
        date_precision VARCHAR,
        date_source VARCHAR
    )
    """,
)

_V8_PLACES = (
    # Every toponym of a coded article (newsgraph.geo), one row each, in text order;
    # role: place (a location), modifier (inside an organisation's name), demonym (a
    # country hint).  evidence: the resolver's reasons, ';'-joined.
    """
    CREATE TABLE place_mentions (
        article_id VARCHAR NOT NULL,
        place_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('place', 'modifier', 'demonym')),
        name VARCHAR NOT NULL,
        geonameid BIGINT,
        feature VARCHAR,
        fcode VARCHAR NOT NULL,
        fclass VARCHAR NOT NULL,
        admin1 VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        population BIGINT NOT NULL,
        approximate BOOLEAN NOT NULL,
        evidence VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL
    )
    """,
    # where an event's place came from (clause, sentence, article, none), and the
    # place's GeoNames id, feature and first-level division (for GDELT's ActionGeo_*)
    "ALTER TABLE events ADD COLUMN location_source VARCHAR",
    "ALTER TABLE events ADD COLUMN location_feature VARCHAR",
    "ALTER TABLE events ADD COLUMN location_geonameid BIGINT",
    "ALTER TABLE events ADD COLUMN location_admin1 VARCHAR",
    "UPDATE events SET location_source = "
    "CASE WHEN location_name IS NULL THEN 'none' ELSE 'clause' END",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "runs, pages, articles and duplicate links", _V1_PAGES),
    Migration(2, "persisted MinHash signatures and LSH band buckets", _V2_DEDUP),
    Migration(3, "sentences, mentions, events, event actors and quotes", _V3_CODING),
    Migration(4, "the shard ledger of batch runs (newsgraph run)", _V4_SHARDS),
    Migration(5, "stories, their articles and summaries; article tone", _V5_STORIES),
    Migration(6, "watched sources and links, watchlists, alerts and their outbox", _V6_WATCH),
    Migration(7, "why each article is in its story (story links)", _V7_STORY_LINKS),
    Migration(8, "place mentions; where each event's place came from", _V8_PLACES),
)

LATEST = MIGRATIONS[-1].version

_VERSION_TABLE = """
    CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER NOT NULL,
        description VARCHAR NOT NULL,
        applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )
"""


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open store (0 for an empty file)."""
    found = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    conn: duckdb.DuckDBPyConnection,
    target: int | None = None,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> int:
    """Bring the store up to ``target`` (default: the latest), one transaction per step
    (a new, empty file gets every step in one transaction: it either has the whole
    schema or none).

    Returns the version the store is at afterwards.
    """
    latest = migrations[-1].version
    target = latest if target is None else target
    version = current_version(conn)
    if version > latest:
        raise StoreError(
            f"the store is at schema version {version} but this newsgraph knows only up to "
            f"{latest}; upgrade newsgraph to read it"
        )
    steps = [m for m in migrations if version < m.version <= target]
    groups = [steps] if version == 0 else [[m] for m in steps]
    for group in groups:
        if not group:
            continue
        step = group[0]
        try:
            conn.execute("BEGIN TRANSACTION")
            conn.execute(_VERSION_TABLE)
            for step in group:
                for statement in step.statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                    [step.version, step.description],
                )
            conn.execute("COMMIT")
        except duckdb.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(
                f"migration to schema version {step.version} ({step.description}) failed: {exc}"
            ) from exc
        version = group[-1].version
    return version
