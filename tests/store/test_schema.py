"""The versioned schema: fresh stores, migrations of older files, refusals."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.store import LATEST, MIGRATIONS, Migration, Store, current_version, migrate

TABLES = {
    "schema_version", "runs", "pages", "articles", "duplicates", "lsh_bands", "minhashes",
    "sentences", "mentions", "events", "event_actors", "quotes", "shards",
    "stories", "story_articles", "story_summary", "story_links", "article_tone",
    "place_mentions",
    "watch_sources", "watch_links", "watchlists", "alerts", "alert_outbox",
}


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == LATEST


def test_fresh_store_has_every_table_at_the_latest_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.duckdb") as store:
        assert store.schema_version == LATEST
        assert set(store.counts()) == TABLES
        assert all(n == 0 for name, n in store.counts().items() if name != "schema_version")


def test_older_file_is_upgraded_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    assert migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO pages VALUES ('p1', 'a.txt', 'h', 'failed', NULL, 'empty file', 1, now())"
    )
    conn.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store.open(path, read_only=True)
    with Store.open(path) as store:
        assert store.schema_version == LATEST
        assert store.failures()[0]["reason"] == "empty file"
        assert store.counts()["events"] == 0
    conn = duckdb.connect(str(path), read_only=True)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    conn.close()
    assert versions == list(range(1, LATEST + 1))


def test_a_failing_migration_leaves_the_store_at_the_previous_version(tmp_path: Path) -> None:
    Store.open(tmp_path / "x.duckdb").close()  # an existing store is upgraded step by step
    conn = duckdb.connect(str(tmp_path / "x.duckdb"))
    broken = (*MIGRATIONS, Migration(LATEST + 1, "broken", ("CREATE TABLE t (a INT)", "NOT SQL")))
    with pytest.raises(StoreError, match=f"schema version {LATEST + 1}"):
        migrate(conn, migrations=broken)
    assert current_version(conn) == LATEST
    tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "t" not in tables
    conn.close()


def test_a_store_from_a_newer_newsgraph_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    Store.open(path).close()
    conn = duckdb.connect(str(path))
    conn.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')", [LATEST + 1])
    conn.close()
    with pytest.raises(StoreError, match="upgrade newsgraph"):
        Store.open(path)
    with pytest.raises(StoreError, match="upgrade newsgraph"):
        Store.open(path, read_only=True)


def test_read_only_open_of_a_missing_or_foreign_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(StoreError, match="not a newsgraph store"):
        Store.open(foreign, read_only=True)


def test_a_new_file_gets_the_whole_schema_or_none(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "new.duckdb"))
    broken = (*MIGRATIONS, Migration(LATEST + 1, "broken", ("CREATE TABLE t (a INT)", "NOT SQL")))
    with pytest.raises(StoreError, match=f"schema version {LATEST + 1}"):
        migrate(conn, migrations=broken)
    assert current_version(conn) == 0
    assert conn.execute("SELECT count(*) FROM information_schema.tables").fetchone() == (0,)
    assert migrate(conn) == LATEST
    conn.close()
