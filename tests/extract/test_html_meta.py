"""page_metadata gives the fields trafilatura's full metadata pass gives, on every HTML fixture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from newsgraph.extract import html as H
from newsgraph.extract.html_meta import page_metadata
from newsgraph.settings import Settings
from newsgraph.sources import read_page

FIXTURES = sorted((Path(__file__).resolve().parents[2] / "tests/data/html").glob("*.html"))
PARAMS = {"extensive_search": False, "original_date": True, "max_date": date.today().isoformat()}


def _prepared(path: Path) -> object:
    page = read_page(path, Settings())
    tree = load_html(H._HEADING_MISMATCH.sub(H._fix_heading, page.content))
    H._prune_furniture(tree)
    H._prune_link_lines(tree)
    H._unwrap_layout_tables(tree)
    H._reopen_swallowing_labels(tree)
    return tree


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fields_equal_trafilatura_metadata_pass(path: Path) -> None:
    full = bare_extraction(
        _prepared(path), with_metadata=True, include_comments=False, date_extraction_params=PARAMS
    )
    ours = page_metadata(_prepared(path))
    assert full is not None
    expected = (full.title, full.author, full.url, full.sitename)
    assert (ours.title, ours.author, ours.url, ours.sitename) == expected


def test_a_page_without_metadata_gets_nones_not_guesses() -> None:
    tree = load_html("<html><body><p>Plain words and nothing else on this page.</p></body></html>")
    found = page_metadata(tree)
    assert (found.author, found.url) == (None, None)
