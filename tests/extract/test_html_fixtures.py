"""The HTML extraction gate: invented pages in tests/data/html with their gold snippets.

Score = share of snippets right (a "keep" string found in the body, a "drop" string
absent from it); the floor is pinned in tests/floors/extract_html.json.  Titles and
metadata dates are checked page by page: a page that states no date must give None.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.html import HtmlParts, extract_html
from newsgraph.settings import Settings
from newsgraph.sources import read_page
from newsgraph.textnorm import fold_spaces

HTML_DIR = Path(__file__).resolve().parents[1] / "data" / "html"
FLOOR_FILE = Path(__file__).resolve().parents[1] / "floors" / "extract_html.json"
GOLD: dict[str, Any] = json.loads((HTML_DIR / "snippets.json").read_text(encoding="utf-8"))["pages"]


@pytest.fixture(scope="module")
def extracted() -> dict[str, HtmlParts]:
    settings = Settings()
    results = {}
    for name in GOLD:
        page = read_page(HTML_DIR / name, settings)
        assert page.error is None, page.error
        results[name] = extract_html(page.content)
    return results


def _score(gold: dict[str, Any], parts: HtmlParts) -> tuple[int, int, list[str]]:
    body = fold_spaces(parts.body)
    misses = [f"missing: {s}" for s in gold["keep"] if fold_spaces(s) not in body]
    misses += [f"leaked: {s}" for s in gold["drop"] if fold_spaces(s) in body]
    total = len(gold["keep"]) + len(gold["drop"])
    return total - len(misses), total, misses


def test_gold_set_is_large_enough() -> None:
    assert len(GOLD) >= 20
    assert {p.name for p in HTML_DIR.glob("*.html")} == set(GOLD)
    for name, gold in GOLD.items():
        assert len(gold["keep"]) + len(gold["drop"]) >= 6, name
        assert gold["keep"] and gold["drop"], name
        assert "published" in gold and "title" in gold, name
    assert sum(1 for g in GOLD.values() if g["published"] is None) >= 2


def test_snippet_score_meets_floor(extracted: dict[str, HtmlParts]) -> None:
    floor = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    right = total = 0
    report = []
    for name, gold in GOLD.items():
        ok, n, misses = _score(gold, extracted[name])
        right, total = right + ok, total + n
        report += [f"{name}: {m}" for m in misses]
    score = right / total
    assert score >= floor["floor"], (
        f"snippet score {score:.3f} < floor {floor['floor']}:\n" + "\n".join(report)
    )


@pytest.mark.parametrize("name", sorted(GOLD))
def test_title(name: str, extracted: dict[str, HtmlParts]) -> None:
    assert extracted[name].title == GOLD[name]["title"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_metadata_date_is_stated_never_guessed(name: str, extracted: dict[str, HtmlParts]) -> None:
    assert extracted[name].published == GOLD[name]["published"]


def test_furniture_holds_what_the_body_left_out(extracted: dict[str, HtmlParts]) -> None:
    for name, gold in GOLD.items():
        parts = extracted[name]
        furniture = fold_spaces(parts.furniture)
        assert len(parts.furniture) <= 20_000
        # Every drop snippet that is visible text of the page is in the furniture.
        visible = [s for s in gold["drop"] if fold_spaces(s) in fold_spaces(parts.page_text)]
        assert visible, name
        for snippet in visible:
            assert fold_spaces(snippet) in furniture, f"{name}: {snippet}"
        # ... and no body paragraph is.
        for paragraph in parts.body.split("\n\n"):
            assert paragraph not in parts.furniture.split("\n"), f"{name}: {paragraph[:60]}"


def test_body_is_paragraphs_with_blank_lines(extracted: dict[str, HtmlParts]) -> None:
    for name, parts in extracted.items():
        paragraphs = parts.body.split("\n\n")
        assert len(paragraphs) >= 3, name
        assert all(p.strip() == p and p and "\n" not in p for p in paragraphs), name
        assert not parts.body.startswith(GOLD[name]["title"]), f"{name}: headline left in body"


def test_windows_1251_page_is_decoded(extracted: dict[str, HtmlParts]) -> None:
    raw = (HTML_DIR / "05_windows1251_russian.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b'charset="windows-1251"' in raw
    parts = extracted["05_windows1251_russian.html"]
    assert "мосту через Обь" in parts.body
    assert parts.sitename == "Сибирский вестник"


def test_site_names_and_authors(extracted: dict[str, HtmlParts]) -> None:
    assert extracted["01_wordpress_comments.html"].sitename == "Harbour Line Weekly"  # from <title>
    assert extracted["02_jsonld_cookie_banner.html"].sitename == "The Continental Ledger"
    assert extracted["08_table_layout.html"].sitename == "The Valley Courier"
    assert extracted["14_bad_author_meta.html"].author == "Reuters"  # meta said "Reuters; Feb"
    assert extracted["04_facebook_comments.html"].author == "Sam Whitfield"
    assert extracted["22_paywall_author_bio.html"].author == "Priya Raman"
    assert (
        extracted["07_amp_page.html"].url
        == "https://meridian-news.example/world/drought-rationing-southern-provinces"
    )
