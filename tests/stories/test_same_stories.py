"""Same input, same stories: however the pages fall into batches, and on either path.

The invented story corpus (tests/data/stories/corpus.jsonl, 73 articles about 28 events)
is written as single text pages whose file order is not their date order, then stored
three ways: ``ingest`` in one batch, ``ingest`` in batches of 7 (the story hook runs
after each), and ``newsgraph run --workers 2`` (shards of 7 on two worker processes,
stories once after the load).  The story tables must hold the same rows.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest.pipeline import ingest
from newsgraph.settings import Settings
from newsgraph.stories.bcubed import bcubed

CORPUS = Path(__file__).resolve().parents[1] / "data" / "stories" / "corpus.jsonl"
TABLES = {
    "stories": "story_id, title, first_date, last_date, summary, article_count",
    "story_articles": "story_id, article_id",
    "story_summary": "story_id, rank, sentence, article_id",
    "story_links": "story_id, article_id, linked_id, score, similarity, shared",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("same") / "pages"
    folder.mkdir()
    manifest = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        name = f"{hashlib.sha1(row['id'].encode()).hexdigest()[:8]}_{row['id']}.txt"
        (folder / name).write_text(f"{row['title']}\n\n{row['lead']}\n", encoding="utf-8")
        entry = {"path": name, "outlet": row["outlet"]}
        if row["published"]:
            entry["published"] = row["published"]
        manifest.append(json.dumps(entry))
    (folder / "manifest.jsonl").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return folder


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {
            name: sorted(conn.execute(f"SELECT {cols} FROM {name}").fetchall(), key=repr)
            for name, cols in TABLES.items()
        }
    finally:
        conn.close()


def _gold_score(db: Path) -> float:
    gold = {json.loads(x)["id"]: json.loads(x)["event"] for x in CORPUS.read_text().splitlines()}
    conn = duckdb.connect(str(db), read_only=True)
    try:
        rows = conn.execute(
            "SELECT a.location, sa.story_id FROM story_articles sa JOIN articles a USING (article_id)"
        ).fetchall()
    finally:
        conn.close()
    predicted = {Path(str(loc)).stem.split("_", 1)[1]: str(sid) for loc, sid in rows}
    return bcubed(predicted, gold).f1


def test_one_batch_batches_of_seven_and_a_two_worker_run_give_the_same_stories(
    pages: Path, tmp_path: Path
) -> None:
    manifest = pages / "manifest.jsonl"
    whole, sevens, ran = (
        tmp_path / "whole.duckdb",
        tmp_path / "sevens.duckdb",
        tmp_path / "run.duckdb",
    )
    report = ingest([pages], Settings(db=str(whole), batch_size=1000), manifest=manifest)
    assert report.articles == 73
    ingest([pages], Settings(db=str(sevens), batch_size=7, commit_seconds=0.0), manifest=manifest)
    result = CliRunner().invoke(
        app,
        ["run", str(pages), "--workers", "2", "--shard-size", "7", "--db", str(ran),
         "--manifest", str(manifest)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    one = _tables(whole)
    assert len(one["story_articles"]) == 73 and len(one["story_links"]) == 73
    assert _tables(sevens) == one
    assert _tables(ran) == one
    assert _gold_score(whole) >= 0.9
