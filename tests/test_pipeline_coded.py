"""The ingest run with the real event coder (spaCy) on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.ingest.pipeline import ingest
from newsgraph.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"

@pytest.fixture(scope="module")
def coded_db(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(db=str(tmp_path_factory.mktemp("coded") / "seeds.duckdb"))
    report = ingest([SEEDS], settings, manifest=SEEDS / "manifest.jsonl")
    assert (report.articles, report.failed) == (5, 0)
    assert report.events > 0
    return settings


def test_coded_seeds_store_events_whose_evidence_sits_at_its_offsets(coded_db: Settings) -> None:
    with newsgraph.open(coded_db.db) as store:
        counts = store.counts()
        assert counts["events"] > 0 and counts["sentences"] > 0 and counts["mentions"] > 0
        for row in store.articles():
            assert row["coded"]
            article = store.article(row["article_id"])
            assert article is not None
            for event in article["events"]:
                assert article["body"][event["start"] : event["end"]] == event["evidence"]


def test_reingesting_the_coded_seeds_changes_no_table(coded_db: Settings) -> None:
    with newsgraph.open(coded_db.db) as store:
        before = store.counts()
    report = ingest([SEEDS], coded_db, manifest=SEEDS / "manifest.jsonl")
    assert (report.skipped_already_stored, report.articles, report.events) == (5, 0, 0)
    with newsgraph.open(coded_db.db) as store:
        assert store.counts() == before


def test_code_command_round_trip_with_the_real_coder(tmp_path: Path) -> None:
    lines = [
        {"id": "r1", "text": "Russia condemned Turkey on Tuesday for shooting down the jet.",
         "published": "2015-11-25"},
        {"id": "r2", "text": "Turkish and Russian ministers met in Ankara to discuss trade."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    result = CliRunner().invoke(app, ["code", "--input", str(source)])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(x) for x in result.stdout.splitlines()]
    assert {e["id"] for e in events} == {"r1", "r2"}
    for event in events:
        text = next(x["text"] for x in lines if x["id"] == event["id"])
        assert text[event["start"] : event["end"]] == event["evidence"]
        assert event["source"] is not None


def test_the_code_api_with_the_real_coder() -> None:
    text = "Russia condemned Turkey on Tuesday for shooting down the jet."
    events = newsgraph.code(text, published="2015-11-25")
    assert events and all(isinstance(e, newsgraph.Event) for e in events)
    assert any(a.code and a.code.startswith("RUS") for e in events for a in e.source)
    assert all(text[e.start : e.end] == e.evidence for e in events)
