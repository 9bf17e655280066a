"""One chain: ``ingest`` and ``run --workers 2`` store the same tables, whatever the settings.

The same small corpus (single pages, cross-shard exact copies and a near-duplicate
chain whose middle link the driver must code) goes through ``newsgraph ingest`` and
through a batch run on two Dask worker processes, with event coding, tone and stories
each on and off; every table of the two stores must hold the same rows (run ids and
timestamps aside; the ledgers ``runs`` and ``shards`` are bookkeeping of the path).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from bench.make_corpus import write_corpus

from newsgraph.ingest import ingest, run_batch
from newsgraph.runners import DaskExecutor
from newsgraph.settings import Settings
from test_batch import add_twins, warm_dask_workers

BOOKKEEPING = {"runs", "shards", "schema_version"}
VOLATILE = {"run_id", "ingested_at", "updated_at"}
CONFIGS = list(itertools.product((True, False), repeat=3))  # code_events, tone, stories


@pytest.fixture(scope="module")
def workers() -> Iterator[DaskExecutor]:
    yield from warm_dask_workers()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_corpus(6, tmp_path_factory.mktemp("agree") / "corpus", ["text", "html"], seed=3)
    add_twins(folder)
    return folder


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without run ids and timestamps."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        ]
        found = {}
        for table in sorted(set(names) - BOOKKEEPING):
            columns = [
                str(r[0])
                for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if r[0] not in VOLATILE
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            found[table] = sorted(
                conn.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr
            )
    finally:
        conn.close()
    return found


@pytest.mark.parametrize(("code", "tone", "stories"), CONFIGS)
def test_ingest_and_a_two_worker_run_store_the_same_tables(
    code: bool, tone: bool, stories: bool, corpus: Path, workers: DaskExecutor, tmp_path: Path
) -> None:
    inline, batch = tmp_path / "inline.duckdb", tmp_path / "batch.duckdb"
    given = {"code_events": code, "tone": tone, "stories": stories}
    report = ingest([corpus], Settings(db=str(inline), **given))
    ran = run_batch([corpus], Settings(db=str(batch), **given), executor=workers, shard_size=4)
    assert ran.shards_run == ran.shards >= 3 and ran.articles == report.articles > 5
    assert ran.dropped_codings >= 1  # a worker's article that copies another shard's
    ours, theirs = tables(inline), tables(batch)
    assert ours.keys() == theirs.keys()
    for name in ours:
        assert ours[name] == theirs[name], name
    assert bool(ours["events"]) == code
    assert bool(ours["place_mentions"]) == code  # every toponym, on both paths
    assert len(ours["article_tone"]) == (report.articles if tone else 0)
    assert len(ours["story_articles"]) == (report.articles if stories else 0)
