"""Stores built once for the analysis tests: the seeds and the refugee pair, ingested
with the real pipeline (spaCy, event coder, sentence encoder, story hook)."""

from __future__ import annotations

import pytest
from analysis_factories import REFUGEES, SEEDS

from newsgraph.ingest.pipeline import ingest
from newsgraph.settings import Settings


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The five sample articles with their manifest (read only: copy it to change it)."""
    settings = Settings(db=str(tmp_path_factory.mktemp("seeds") / "seeds.duckdb"))
    report = ingest([SEEDS], settings, manifest=SEEDS / "manifest.jsonl")
    assert (report.articles, report.failed) == (5, 0)
    return settings


@pytest.fixture(scope="session")
def refugees_db(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(db=str(tmp_path_factory.mktemp("refugees") / "refugees.duckdb"))
    report = ingest([REFUGEES], settings, manifest=REFUGEES / "manifest.jsonl")
    assert (report.articles, report.failed) == (2, 0)
    return settings
