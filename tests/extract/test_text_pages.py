"""Accuracy gate of the plain-text furniture classifier on invented pages of other outlets.

tests/data/text/*.txt are invented news pages (banners, paywalls, cookie notices,
share bars, author boxes, tag lists, most-read lists, several comment systems);
snippets.json says which strings the cleaned body must keep and must drop.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.text import CleanText, clean_text
from newsgraph.textnorm import fold_spaces, normalize_text

TEXT_DIR = Path(__file__).resolve().parents[1] / "data" / "text"
FLOOR_FILE = Path(__file__).resolve().parents[1] / "floors" / "extract_text.json"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    pages: dict[str, Any] = json.loads((TEXT_DIR / "snippets.json").read_text("utf-8"))["pages"]
    return pages


@pytest.fixture(scope="module")
def pages(gold: dict[str, Any]) -> dict[str, str]:
    return {name: normalize_text((TEXT_DIR / name).read_text("utf-8")) for name in gold}


@pytest.fixture(scope="module")
def cleaned(pages: dict[str, str]) -> dict[str, CleanText]:
    return {name: clean_text(text) for name, text in pages.items()}


def test_fixture_set_is_large_enough(gold: dict[str, Any]) -> None:
    assert len(gold) >= 10
    assert set(gold) == {p.name for p in TEXT_DIR.glob("*.txt")}
    for name, entry in gold.items():
        assert len(entry["keep"]) + len(entry["drop"]) >= 6, name
        assert entry["keep"] and entry["drop"], name


def test_every_snippet_is_on_its_page(gold: dict[str, Any], pages: dict[str, str]) -> None:
    """A drop snippet that is not on the page would pass for nothing."""
    absent = [
        (name, s)
        for name, entry in gold.items()
        for s in [*entry["keep"], *entry["drop"], entry["title"] or ""]
        if fold_spaces(s) not in fold_spaces(pages[name])
    ]
    assert absent == []


def snippet_score(gold: dict[str, Any], cleaned: dict[str, CleanText]) -> tuple[float, list[str]]:
    right, total, wrong = 0, 0, []
    for name, entry in gold.items():
        body = fold_spaces(cleaned[name].body)
        for s in entry["keep"]:
            total += 1
            if fold_spaces(s) in body:
                right += 1
            else:
                wrong.append(f"{name}: lost {s!r}")
        for s in entry["drop"]:
            total += 1
            if fold_spaces(s) not in body:
                right += 1
            else:
                wrong.append(f"{name}: kept {s!r}")
    return right / total, wrong


def test_snippet_score_above_floor(gold: dict[str, Any], cleaned: dict[str, CleanText]) -> None:
    floor = json.loads(FLOOR_FILE.read_text("utf-8"))["floor"]
    assert floor >= 0.9
    score, wrong = snippet_score(gold, cleaned)
    assert score >= floor, f"snippet score {score:.3f} < floor {floor}: {wrong}"


def test_titles(gold: dict[str, Any], cleaned: dict[str, CleanText]) -> None:
    wrong = {
        name: cleaned[name].title
        for name, entry in gold.items()
        if (cleaned[name].title and fold_spaces(cleaned[name].title or "")) != entry["title"]
    }
    assert wrong == {}


def test_outlets_are_never_invented(gold: dict[str, Any], cleaned: dict[str, CleanText]) -> None:
    """These outlets are not in data/outlets.yaml: the page names them, the list does not."""
    assert {name: cleaned[name].outlet for name in gold if "outlet" in gold[name]} == {
        name: gold[name]["outlet"] for name in gold if "outlet" in gold[name]
    }


def test_dropped_snippets_go_to_furniture(
    gold: dict[str, Any], cleaned: dict[str, CleanText]
) -> None:
    lost = [
        (name, s)
        for name, entry in gold.items()
        for s in entry["drop"]
        if fold_spaces(s) not in fold_spaces(cleaned[name].furniture)
    ]
    assert lost == []
