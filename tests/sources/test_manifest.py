"""Manifests (JSONL and CSV): matching by location, relative path, name and URL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.records import Page, PageMeta
from newsgraph.settings import Settings
from newsgraph.sources import iter_pages, load_manifest

SEEDS = Path(__file__).resolve().parent.parent.parent / "examples" / "seeds"


def test_seeds_with_manifest_give_five_pages(settings: Settings) -> None:
    manifest = load_manifest(SEEDS / "manifest.jsonl")
    pages = list(iter_pages([SEEDS], settings, manifest))
    assert len(pages) == 5
    assert all(p.error is None and p.content_type == "text" for p in pages)
    assert all("manifest" not in p.location for p in pages)
    got = {Path(p.location).name: (p.meta.outlet, p.meta.published) for p in pages}
    assert got == {
        "000_e6c350a121f355aa.txt": ("The Moscow Times", "2012-11-22"),
        "001_ef909ba886559b65.txt": ("Tsarizm", "2020-02-19"),
        "002_caba7b9c3f013d6f.txt": ("Press TV", "2016-02-20"),
        "003_267f2ca69a1884cd.txt": ("The Moscow Times", "2020-02-20"),
        "004_7806e76ff1cb686e.txt": ("SouthFront", "2016-08"),
    }
    assert {p.meta.published_source for p in pages} == {"manifest"}


def test_seeds_manifest_given_as_input_is_skipped_too(settings: Settings) -> None:
    manifest = load_manifest(SEEDS / "manifest.jsonl")
    pages = list(iter_pages([SEEDS / "manifest.jsonl", SEEDS], settings, manifest))
    assert len(pages) == 5


def test_seeds_from_another_working_folder(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SEEDS.parent)
    manifest = load_manifest("seeds/manifest.jsonl")
    pages = list(iter_pages(["seeds"], settings, manifest))
    assert [p.meta.outlet for p in pages][:2] == ["The Moscow Times", "Tsarizm"]


def test_jsonl_manifest_by_relative_path_name_and_url(data: Path, settings: Settings) -> None:
    manifest = load_manifest(data / "manifest.jsonl")
    assert len(manifest) == 3 and manifest.path == data / "manifest.jsonl"
    corpus = data / "corpus"
    # relative path from the manifest's folder
    meta = manifest.lookup(str(corpus / "sub" / "c_story.txt"))
    assert meta == PageMeta(
        outlet="Lintavia Herald",
        published="2024-05-12",
        published_source="manifest",
        author="R. Okafor",
    )
    # file name only (the row's path does not resolve to the page, the name does)
    meta = manifest.lookup(str(corpus / "b_story.html"))
    assert meta is not None and meta.outlet == "Daily Meridian"
    assert meta.published == "2024-05-10"  # an RFC 822 date normalised to ISO
    # URL (trailing slash, case of the host and a fragment do not matter)
    meta = manifest.lookup(
        "elsewhere.warc#urn:uuid:1", "https://NorthWire.example/harbour-talks#top"
    )
    assert meta is not None and meta.title == "Harbour talks resume"
    assert manifest.lookup(str(corpus / "a_story.txt")) is None


def test_csv_manifest_inside_the_folder(data: Path, settings: Settings) -> None:
    corpus = data / "corpus"
    manifest = load_manifest(corpus / "manifest.csv")
    pages = list(iter_pages([corpus], settings, manifest))
    assert [Path(p.location).name for p in pages] == ["a_story.txt", "b_story.html", "c_story.txt"]
    first, second, third = pages
    assert first.meta == PageMeta(
        url="https://northwire.example/harbour-talks",
        outlet="Northwire",
        published="2024-03-03",
        published_source="manifest",
        title="Harbour talks resume",
    )
    assert second.meta == PageMeta()
    assert (third.meta.outlet, third.meta.published) == ("Lintavia Herald", "2024-05")


def test_exact_location_match(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text('{"path": "feed.rss#2", "outlet": "Wire"}\n', encoding="utf-8")
    manifest = load_manifest(path)
    found = manifest.lookup("feed.rss#2")
    assert found is not None and found.outlet == "Wire"
    assert manifest.lookup("feed.rss#3") is None


def test_name_shared_by_two_rows_does_not_match_by_name(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("path,outlet\nus/story.txt,Alpha\nuk/story.txt,Beta\n", encoding="utf-8")
    manifest = load_manifest(path)
    assert manifest.lookup(str(tmp_path / "elsewhere" / "story.txt")) is None
    found = manifest.lookup(str(tmp_path / "uk" / "story.txt"))
    assert found is not None and found.outlet == "Beta"


def test_relative_location_resolves_from_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "m.jsonl"
    path.write_text('{"path": "x/story.txt", "outlet": "Alpha"}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = load_manifest(path).lookup(os.path.join("in", "x", "story.txt"))
    assert found is not None and found.outlet == "Alpha"


def test_manifest_overrides_page_meta(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text(
        '{"url": "https://wire.example/a", "published": "2024-01-02", "outlet": "Wire"}\n',
        encoding="utf-8",
    )
    manifest = load_manifest(path)
    page = Page(
        location="feed.rss#1",
        content="<p>x</p>",
        content_type="html",
        meta=PageMeta(
            url="https://wire.example/a",
            published="2023-12-31",
            published_source="feed",
            title="Feed title",
        ),
    )
    applied = manifest.apply(page)
    assert applied is not page and page.meta.published == "2023-12-31"
    assert applied.meta == PageMeta(
        url="https://wire.example/a",
        outlet="Wire",
        published="2024-01-02",
        published_source="manifest",
        title="Feed title",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"path": "a.txt"}\n{"path": \n', "line 2: invalid JSON"),
        ('{"outlet": "Wire"}\n', "line 1: no 'path' or 'url'"),
        ('["a.txt"]\n', "line 1: a JSON list"),
        ('{"path": "a.txt", "published": "yesterday"}\n', "published 'yesterday' is not a date"),
        ('{"path": "a.txt", "outlet": 7}\n', "'outlet' is 7; expected a string"),
    ],
)
def test_malformed_jsonl_manifest(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "manifest.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_manifest(path)


def test_csv_without_path_or_url_column(tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text("file,outlet\na.txt,Wire\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no 'path' or 'url' column"):
        load_manifest(path)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_manifest(tmp_path / "none.jsonl")
