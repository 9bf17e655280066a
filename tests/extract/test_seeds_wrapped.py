"""The sample articles wrapped in plain HTML and in a WARC: the same bodies as the text pages.

Each seed (examples/seeds/*.txt, a text page with its outlet's furniture) is wrapped
here, in tmp_path, the way a user would: the headline as ``<title>`` and ``<h1>``, every
other line or paragraph as ``<p>``.  Through the path ingest takes (``iter_pages`` and
``extract_page``) the wrapped copies must give the text page's body, furniture (the
donation banner, appeals, captions, related lists, comments) removed alike, and an
ingest of all three must store each copy as a duplicate of its text page.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path
from typing import Literal

import pytest

import newsgraph
from newsgraph.extract import extract_page
from newsgraph.extract.text import line_key
from newsgraph.ingest.pipeline import ingest
from newsgraph.records import Article
from newsgraph.settings import Settings
from newsgraph.sources import iter_pages

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
GOLD = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "seeds_gold.json").read_text(encoding="utf-8")
)
TITLES = {a["file"]: a["title"] for a in GOLD["articles"]}
BANNER = "Since July 1, 2024, we have disabled all ads"

Layout = Literal["lines", "blocks"]


def wrap(text: str, title: str, layout: Layout) -> str:
    """A plain HTML page of a text page: the headline (its first line) as <h1>, every
    other line as a <p> ("lines") or every blank-line paragraph as a <p> with <br>s
    ("blocks")."""
    parts: list[str] = []
    headline_left = True
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        paragraph: list[str] = []
        for line in lines:
            if headline_left and line_key(line) == line_key(title):
                headline_left = False
                if paragraph:
                    parts.append(_p(paragraph))
                    paragraph = []
                parts.append(f"<h1>{html.escape(line)}</h1>")
            elif layout == "lines":
                parts.append(_p([line]))
            else:
                paragraph.append(line)
        if paragraph:
            parts.append(_p(paragraph))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


def _p(lines: list[str]) -> str:
    return "<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>"


def write_warc(path: Path, pages: dict[str, str]) -> None:
    """One HTTP response record per page (as bench/make_corpus.py writes them)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for name, page in pages.items():
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://seeds.example/{name}",
                "response",
                payload=io.BytesIO(page.encode("utf-8")),
                http_headers=headers,
            )
            writer.write_record(record)


def _wrapped(folder: Path, layout: Layout) -> tuple[Path, Path]:
    """The seeds as .html files in ``folder/html`` and as one ``folder/seeds.warc.gz``."""
    pages = {
        p.stem: wrap(p.read_text(encoding="utf-8"), TITLES[p.name], layout) for p in SEED_FILES
    }
    html_dir = folder / "html"
    html_dir.mkdir(parents=True)
    for stem, page in pages.items():
        (html_dir / f"{stem}.html").write_text(page, encoding="utf-8")
    warc = folder / "seeds.warc.gz"
    write_warc(warc, pages)
    return html_dir, warc


def _stem(location: str) -> str:
    """Seed stem of a location: a file path, or a WARC record's target URI."""
    return location.rstrip("/").rsplit("/", 1)[-1].split(".")[0]


@pytest.fixture(scope="module")
def text_bodies() -> dict[str, str]:
    settings = Settings()
    bodies = {}
    for page in iter_pages(SEED_FILES, settings):
        result = extract_page(page, settings)
        assert isinstance(result, Article), result
        bodies[_stem(page.location)] = result.body
    assert BANNER in SEEDS.joinpath(SEED_FILES[0].name).read_text(encoding="utf-8")
    assert all(BANNER not in body for body in bodies.values())
    return bodies


@pytest.mark.parametrize("layout", ["lines", "blocks"])
def test_wrapped_seeds_give_the_text_pages_bodies(
    layout: Layout, tmp_path: Path, text_bodies: dict[str, str]
) -> None:
    html_dir, warc = _wrapped(tmp_path, layout)
    settings = Settings()
    for source in (html_dir, warc):
        pages = list(iter_pages([source], settings))
        assert len(pages) == len(SEED_FILES), [p.error for p in pages]
        for page in pages:
            assert page.content_type == "html" and page.error is None
            result = extract_page(page, settings)
            assert isinstance(result, Article), f"{page.location}: {result}"
            stem = _stem(page.meta.url or page.location)
            assert BANNER not in result.body, f"{page.location}: donation banner kept"
            assert result.body == text_bodies[stem], f"{page.location}: body differs"
            assert result.title is not None
            assert line_key(result.title) == line_key(TITLES[f"{stem}.txt"])


def test_the_banner_is_kept_as_furniture_not_lost(tmp_path: Path) -> None:
    html_dir, _ = _wrapped(tmp_path, "lines")
    [page] = iter_pages([html_dir / f"{SEED_FILES[0].stem}.html"], Settings())
    result = extract_page(page, Settings())
    assert isinstance(result, Article)
    assert BANNER in result.furniture


def test_wrapped_copies_are_stored_as_duplicates_of_the_text_pages(tmp_path: Path) -> None:
    html_dir, warc = _wrapped(tmp_path / "wrapped", "lines")
    settings = Settings(db=str(tmp_path / "store.duckdb"), code_events=False)
    report = ingest([*SEED_FILES, html_dir, warc], settings)
    n = len(SEED_FILES)
    assert (report.pages, report.articles, report.duplicates, report.failed) == (3 * n, n, 2 * n, 0)
    with newsgraph.open(settings.db) as store:
        for seed in SEED_FILES:
            article = store.article(str(seed))
            assert article is not None, f"{seed.name} is not the stored article"
            copies = sorted(_stem(c["url"] or c["location"]) for c in article["copies"])
            assert copies == [seed.stem, seed.stem], f"{seed.name}: copies {article['copies']}"
            assert {c["kind"] for c in article["copies"]} == {"exact"}
