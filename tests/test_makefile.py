"""The Makefile's targets agree with the files the program writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.ingest.after import state_path

ROOT = Path(__file__).resolve().parent.parent


def _recipe(target: str) -> str:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", text, re.M)
    assert found, f"no {target} target in the Makefile"
    return found.group(1)


def test_demo_starts_from_an_empty_store_and_story_state() -> None:
    """`make demo` removes the store and the story clusterer's state beside it, so a
    second demo does not cluster against the stories of the first."""
    removed = next(line for line in _recipe("demo").splitlines() if "rm -f" in line).split()
    assert "demo.duckdb" in removed
    assert state_path("demo.duckdb").name in removed


def test_the_corpus_generator_explains_its_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.make_corpus import main

    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for words in ("how many pages", "folder to write", "comma-separated kinds", "random seed"):
        assert words in text
