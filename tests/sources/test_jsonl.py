"""JSON Lines input: one page per line, bad lines as error pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from newsgraph.records import PageMeta
from newsgraph.settings import Settings
from newsgraph.sources import iter_pages


def test_jsonl_pages(data: Path, settings: Settings) -> None:
    path = data / "pages.jsonl"
    pages = list(iter_pages([path], settings))
    assert [p.location for p in pages] == [f"{path}#L{n}" for n in (1, 3, 4, 5, 6)]
    first, second, third, fourth, fifth = pages
    assert first.content_type == "text"
    assert first.content.startswith("Lintavia and Ostmark agreed on Thursday")  # NBSP folded
    assert first.meta == PageMeta(
        url="https://meridian.example/a",
        outlet="Daily Meridian",
        published="2024-02-29",
        published_source="jsonl",
        title="Rail link to reopen",
    )
    assert second.content_type == "html" and second.content.startswith(
        "<html><body><p>The Valdorian"
    )
    assert (second.meta.published, second.meta.published_source) == ("2024-03", "jsonl")
    assert third.error == "JSONL line has no 'text' or 'html' field (its fields: title, url)"
    assert third.meta.title == "No body here"
    assert fourth.error is not None and fourth.error.startswith("invalid JSON: ")
    # an unreadable date is dropped, the page is kept
    assert (
        fifth.error is None and fifth.meta.published is None and fifth.meta.published_source is None
    )


def test_jsonl_bad_lines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_bytes(
        b'["a list"]\n'
        b'{"text": 42}\n'
        b'{"text": "caf\xe9"}\n'
        b'{"text": "   "}\n'
        b'{"text": "Valid line at the end."}'
    )
    pages = list(iter_pages([path], settings))
    assert [p.error for p in pages] == [
        "JSONL line is a JSON array, expected an object",
        "JSONL field 'text' is a JSON number, expected a string",
        "undecodable bytes: JSONL must be UTF-8 (invalid continuation byte at byte 13)",
        "JSONL line has no 'text' or 'html' field (its fields: text)",
        None,
    ]
    assert pages[-1].content == "Valid line at the end."


def test_jsonl_oversize_line_is_skipped(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "big.jsonl"
    big = '{"text": "' + "word " * 100 + '"}\n'
    path.write_text(big + '{"text": "Short line."}\n', encoding="utf-8")
    tiny = dataclasses.replace(settings, max_page_bytes=200)
    first, second = iter_pages([path], tiny)
    assert first.error == (
        f"the JSONL line is {len(big)} bytes, over the max_page_bytes limit of 200 "
        "(raise the setting max_page_bytes to accept it)"
    )
    assert second.location == f"{path}#L2" and second.content == "Short line."


def test_empty_jsonl_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "none.jsonl"
    path.write_bytes(b"")
    [page] = iter_pages([path], settings)
    assert page.error == "empty file"


def test_a_control_character_is_named_once(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "control.jsonl"
    path.write_bytes(b'{"text": "a line\tbroken"}\n')
    (page,) = iter_pages([path], settings)
    assert page.error == "invalid JSON: Invalid control character at column 17"
