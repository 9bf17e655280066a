"""The sample corpus: clean_text keeps the article, drops the furniture, finds title and outlet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.text import CleanText, clean_text
from newsgraph.textnorm import fold_spaces, normalize_text

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _apostrophes(text: str) -> str:
    return fold_spaces(text).replace("’", "'")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, CleanText]:
    return {
        name: clean_text(normalize_text((SEEDS / name).read_text(encoding="utf-8")))
        for name in SEED_FILES
    }


def _gold(seeds_gold: dict[str, Any], name: str) -> dict[str, Any]:
    return next(a for a in seeds_gold["articles"] if a["file"] == name)


def test_every_seed_has_gold(seeds_gold: dict[str, Any]) -> None:
    assert len(SEED_FILES) == 5
    assert {a["file"] for a in seeds_gold["articles"]} == set(SEED_FILES)


@pytest.mark.parametrize("name", SEED_FILES)
def test_must_keep_in_body(
    name: str, cleaned: dict[str, CleanText], seeds_gold: dict[str, Any]
) -> None:
    body = fold_spaces(cleaned[name].body)
    missing = [s for s in _gold(seeds_gold, name)["must_keep"] if fold_spaces(s) not in body]
    assert missing == []


@pytest.mark.parametrize("name", SEED_FILES)
def test_must_drop_not_in_body(
    name: str, cleaned: dict[str, CleanText], seeds_gold: dict[str, Any]
) -> None:
    body = fold_spaces(cleaned[name].body)
    leaked = [s for s in _gold(seeds_gold, name)["must_drop"] if fold_spaces(s) in body]
    assert leaked == []


@pytest.mark.parametrize("name", SEED_FILES)
def test_dropped_strings_are_in_furniture(
    name: str, cleaned: dict[str, CleanText], seeds_gold: dict[str, Any]
) -> None:
    """What leaves the body is kept in the furniture (folded away, not lost)."""
    furniture = fold_spaces(cleaned[name].furniture)
    lost = [s for s in _gold(seeds_gold, name)["must_drop"] if fold_spaces(s) not in furniture]
    assert lost == []


@pytest.mark.parametrize("name", SEED_FILES)
def test_title(name: str, cleaned: dict[str, CleanText], seeds_gold: dict[str, Any]) -> None:
    title = cleaned[name].title
    assert title is not None
    assert _apostrophes(title) == _apostrophes(_gold(seeds_gold, name)["title"])
    assert fold_spaces(title) not in fold_spaces(cleaned[name].body)


@pytest.mark.parametrize("name", SEED_FILES)
def test_outlet(name: str, cleaned: dict[str, CleanText], seeds_gold: dict[str, Any]) -> None:
    assert cleaned[name].outlet == _gold(seeds_gold, name)["outlet"]


@pytest.mark.parametrize("name", SEED_FILES)
def test_forbidden_evidence_not_in_body(
    name: str, cleaned: dict[str, CleanText], seeds_gold: dict[str, Any]
) -> None:
    body = fold_spaces(cleaned[name].body)
    forbidden = _gold(seeds_gold, name).get("forbidden_evidence", [])
    assert [s for s in forbidden if fold_spaces(s) in body] == []
