"""RSS 2.0, Atom and RSS 1.0 feeds: one page per entry with its link, title and date."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsgraph.records import PageMeta
from newsgraph.settings import Settings
from newsgraph.sources import iter_pages
from newsgraph.sources.dates import normalize_date


def test_rss_entries(data: Path, settings: Settings) -> None:
    path = data / "feeds" / "world.rss"
    first, second, third = iter_pages([path], settings)
    assert first.location == f"{path}#1" and first.content_type == "html"
    assert first.content.startswith("<p>Valdoria and Ostmark signed a fishing accord")
    assert first.meta == PageMeta(
        url="https://northwire.example/world/fishing-accord",
        outlet="Northwire World",
        published="2024-03-05",
        published_source="feed",
        title="Valdoria and Ostmark sign fishing accord",
        author="Mara Lindqvist",
    )
    # description (escaped HTML) when there is no content:encoded; a permalink guid as link;
    # the date is the publisher's own calendar day (23:45 at UTC-5 stays the 6th).
    assert (
        second.content
        == "<p>Lintavia recalled its ambassador to Ostmark on Wednesday in protest over a border incident.</p>"
    )
    assert second.meta.url == "https://northwire.example/world/envoy-recalled"
    assert second.meta.published == "2024-03-06"
    assert (
        third.error
        == "feed entry has no content (content:encoded, content, description or summary)"
    )
    assert third.meta.title == "Headline with no body" and third.location == f"{path}#3"


def test_atom_entries(data: Path, settings: Settings) -> None:
    path = data / "feeds" / "world.atom"
    first, second, third = iter_pages([path], settings)
    assert first.meta == PageMeta(
        url="https://meridian.example/ports-reopen",
        outlet="Daily Meridian",
        published="2024-04-01",
        published_source="feed",
        title="Ports reopen in Lintavia",
        author="Jonas Petrov",
    )
    assert (
        first.content
        == "<p>Lintavia reopened its northern ports on Monday, the transport ministry said.</p>"
    )
    # xhtml content is serialised without its namespace; "updated" stands in for "published"
    assert second.content_type == "html"
    assert "<p>Trade talks between Ostmark and Valdoria stalled on <b>Tuesday</b>" in second.content
    assert "xmlns" not in second.content and "html:" not in second.content
    assert (second.meta.url, second.meta.published) == (
        "https://meridian.example/tariffs",
        "2024-04-02",
    )
    # a plain-text summary is a text page
    assert (third.content_type, third.content) == (
        "text",
        "Officials in Port Elsin said the curfew would end at dawn.",
    )
    assert third.meta.published is None and third.meta.published_source is None


def test_xml_file_with_rss_root_and_latin1_declaration(data: Path, settings: Settings) -> None:
    [page] = iter_pages([data / "feeds" / "world_feed.xml"], settings)
    assert page.error is None
    assert page.meta.title == "Accord signé" and page.meta.outlet == "Courrier du Nord"
    assert page.content == "<p>Le ministre a signé l'accord à Port Elsin.</p>"
    assert page.meta.published == "2024-03-07"


def test_xml_that_is_not_a_feed(data: Path, settings: Settings) -> None:
    path = data / "feeds" / "sitemap.xml"
    [page] = iter_pages([path], settings)
    assert page.location == str(path)
    assert (
        page.error
        == "not a feed: the XML root is <urlset>; expected an RSS <rss> or an Atom <feed>"
    )


def test_rss1_rdf_feed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(
        '<?xml version="1.0"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://wire.example/"><title>Wire One</title></channel>'
        '<item rdf:about="https://wire.example/1"><title>Strike ends</title>'
        "<link>https://wire.example/1</link><dc:date>2023-11-30T08:00:00Z</dc:date>"
        "<description>Dock workers in Port Elsin ended their strike.</description></item>"
        "</rdf:RDF>\n",
        encoding="utf-8",
    )
    [page] = iter_pages([path], settings)
    assert page.meta == PageMeta(
        url="https://wire.example/1",
        outlet="Wire One",
        published="2023-11-30",
        published_source="feed",
        title="Strike ends",
    )
    assert page.content == "Dock workers in Port Elsin ended their strike."


def test_malformed_feed_keeps_entries_before_the_break(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>W</title>'
        "<item><title>One</title><description>First story body.</description></item>"
        "<item><title>Two</title><description>Second <b>story</description>",
        encoding="utf-8",
    )
    first, second = iter_pages([path], settings)
    assert first.content == "First story body." and first.error is None
    assert second.error is not None and second.error.startswith(
        "malformed feed XML after 1 entries: "
    )
    assert "\n" not in second.error


def test_oversize_entry(data: Path, settings: Settings) -> None:
    tiny = dataclasses.replace(settings, max_page_bytes=120)
    pages = list(iter_pages([data / "feeds" / "world.rss"], tiny))
    assert pages[0].error is not None and "over the max_page_bytes limit of 120" in pages[0].error
    assert pages[1].error is None  # about 100 bytes: under the limit
    assert pages[0].meta.url == "https://northwire.example/world/fishing-accord"


def test_external_entities_are_not_resolved(tmp_path: Path, settings: Settings) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "evil.rss"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>t</title><description>before &x; after</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    pages = list(iter_pages([path], settings))
    assert [p.content for p in pages] == ["before  after"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 05 Mar 2024 18:30:00 +0100", "2024-03-05"),
        ("Wed, 06 Mar 2024 23:45:00 GMT", "2024-03-06"),
        ("2024-04-01T22:10:00-03:00", "2024-04-01"),
        ("2024-04-01", "2024-04-01"),
        ("2016-08", "2016-08"),
        ("2016", "2016"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("2024-02-30", None),
        ("2016-13", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value: str | None, expected: str | None) -> None:
    assert normalize_date(value) == expected
