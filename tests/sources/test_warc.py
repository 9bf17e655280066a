"""WARC and WARC.gz: pages from response records, and archives cut short."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsgraph.records import Page
from newsgraph.settings import Settings
from newsgraph.sources import iter_pages

from .conftest import WarcFactory, WarcRecord

RUSSIAN = "Министр заявил в четверг, что переговоры продолжатся."


def _records() -> list[WarcRecord]:
    return [
        WarcRecord(
            "https://wire.example/ru/talks",
            f"<html><body><p>{RUSSIAN}</p></body></html>".encode("cp1251"),
            mime="text/html; charset=windows-1251",
        ),
        WarcRecord("https://wire.example/logo.png", b"\x89PNG\r\n\x1a\n", mime="image/png"),
        WarcRecord(
            "https://wire.example/plain",
            "Ports\u00a0reopen  on Monday.\r\n".encode(),
            mime="text/plain",
        ),
        WarcRecord(
            "https://wire.example/gone",
            b"<html><body>Not found</body></html>",
            status="404 Not Found",
        ),
        WarcRecord("https://wire.example/old", b"", status="301 Moved Permanently"),
        WarcRecord(
            "https://wire.example/req",
            b"GET / HTTP/1.1\r\n\r\n",
            mime="application/http",
            kind="request",
        ),
        WarcRecord(
            "https://wire.example/res",
            b"<p>Resource page body.</p>",
            mime="text/html",
            kind="resource",
        ),
    ]


def _by_url(pages: list[Page]) -> dict[str | None, Page]:
    return {page.meta.url: page for page in pages}


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_response_records_become_pages(
    make_warc: WarcFactory, settings: Settings, name: str
) -> None:
    path, _ = make_warc(name, _records())
    pages = list(iter_pages([path], settings))
    assert [p.meta.url for p in pages] == [
        "https://wire.example/ru/talks",
        "https://wire.example/plain",
        "https://wire.example/gone",
        "https://wire.example/res",
    ]
    by_url = _by_url(pages)
    russian = by_url["https://wire.example/ru/talks"]
    assert russian.error is None and russian.content_type == "html"
    assert RUSSIAN in russian.content and russian.encoding == "cp1251"
    assert russian.location.startswith(f"{path}#urn:uuid:")
    plain = by_url["https://wire.example/plain"]
    assert (plain.content_type, plain.content) == ("text", "Ports reopen on Monday.")
    assert by_url["https://wire.example/gone"].error == "HTTP status 404 in the WARC record"
    assert by_url["https://wire.example/res"].content == "<p>Resource page body.</p>"
    # The WARC-Date is the crawl date: never a publication date.
    assert all(p.meta.published is None and p.meta.published_source is None for p in pages)
    assert len({p.location for p in pages}) == len(pages)


def test_oversize_record_is_an_error_page_and_reading_goes_on(
    make_warc: WarcFactory, settings: Settings
) -> None:
    path, _ = make_warc(
        "big.warc.gz",
        [
            WarcRecord("https://wire.example/big", b"<p>" + b"word " * 400 + b"</p>"),
            WarcRecord("https://wire.example/small", b"<p>Short item.</p>"),
        ],
    )
    tiny = dataclasses.replace(settings, max_page_bytes=500)
    big, small = iter_pages([path], tiny)
    assert big.error == (
        "the record's payload is over the max_page_bytes limit of 500 "
        "(raise the setting max_page_bytes to accept it)"
    )
    assert small.error is None and small.content == "<p>Short item.</p>"


def _story(index: int) -> WarcRecord:
    body = f"<html><body><p>Story {index}: " + "the talks went on " * 30 + "</p></body></html>"
    return WarcRecord(f"https://wire.example/{index}", body.encode())


def test_truncated_warc_gz_keeps_the_records_before_the_cut(
    make_warc: WarcFactory, settings: Settings
) -> None:
    path, ends = make_warc("cut.warc.gz", [_story(i) for i in range(4)])
    path.write_bytes(path.read_bytes()[: (ends[2] + ends[3]) // 2])
    pages = list(iter_pages([path], settings))
    assert [p.meta.url for p in pages[:3]] == [f"https://wire.example/{i}" for i in range(3)]
    assert all(p.error is None and p.content.endswith("</html>") for p in pages[:3])
    assert len(pages) == 4
    error = pages[3].error
    assert error is not None and error.startswith("truncated WARC after 3 records: ")
    assert pages[3].location == f"{path}#truncated" and "\n" not in error


@pytest.mark.parametrize("name", ["every.warc.gz", "every.warc"])
def test_every_cut_point(make_warc: WarcFactory, settings: Settings, name: str) -> None:
    """Wherever the file is cut, whole records are pages and the break is reported once."""
    path, ends = make_warc(name, [_story(i) for i in range(3)])
    whole = path.read_bytes()
    for cut in range(1, len(whole), max(5, len(whole) // 200)):
        path.write_bytes(whole[:cut])
        pages = list(iter_pages([path], settings))
        good = [p for p in pages if p.error is None]
        errors = [p.error or "" for p in pages if p.error]
        before = sum(1 for end in ends if end <= cut)
        # A record missing only its last few bytes (gzip trailer, closing CRLFs) still reads whole.
        assert len(good) in (before, before + 1), cut
        if len(good) == before + 1:
            assert ends[before] - cut <= 12, cut
        assert all(p.content.endswith("</html>") for p in good), cut
        if cut not in ends and not (name.endswith(".warc") and ends[before] - cut <= 4):
            assert len(errors) == 1 and errors[0].startswith("truncated WARC after "), cut
            assert pages[-1].error == errors[0]


def test_not_a_warc(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are my notes, not an archive.\n", encoding="utf-8")
    [page] = iter_pages([path], settings)
    assert page.error is not None and page.error.startswith("not a WARC file: ")


def test_empty_warc_gz(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    [page] = iter_pages([path], settings)
    assert (page.location, page.error) == (str(path), "empty file")
