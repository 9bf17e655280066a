"""The latest absolute date a body mentions (``published_not_before``), and the seed checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract import extract_page
from newsgraph.extract.dates import find_dates, latest_absolute_date
from newsgraph.records import Article, Page
from newsgraph.settings import Settings
from newsgraph.sources import load_manifest, read_page

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day precision, in the usual English and numeric forms
        ("The meeting on February 19, 2016 ended without a deal.", "2016-02-19"),
        ("Troops moved in on 19 February 2016, officials said.", "2016-02-19"),
        ("He spoke on Feb. 19, 2016, in Munich.", "2016-02-19"),
        ("It was signed on the 3rd of March, 2015.", "2015-03-03"),
        ("The filing, dated 2014-11-05, was published later.", "2014-11-05"),
        ("Records from 28/02/2019 show the payment.", "2019-02-28"),
        ("Sept. 11, 2001 changed the region.", "2001-09-11"),
        # month and year precision
        ("The uprising began in March 2011.", "2011-03"),
        ("The offensive started in November 2019, beginning in January 2020.", "2020-01"),
        ("A jet was downed by a Turkish F-16 in 2015.", "2015"),
        ("Prices have doubled since 2008.", "2008"),
        ("Growth slowed in mid-2019.", "2019"),
        ("Talks held in the summer of 2014 failed.", "2014"),
        # the latest wins, and a day beats its own month
        ("On March 5, 2016 and in March 2016 and in 2015 things happened.", "2016-03-05"),
        ("First in 2010, then on January 2, 2012, and finally in May 2013.", "2013-05"),
        # not absolute: relative days, months without a year, counts, decades
        ("On Thursday the ministry said it would meet again in November.", None),
        ("More than 2015 people signed; 38,000 have been killed.", None),
        ("Fighting has raged since the 1990s.", None),
        ("Prices rose 2015 percent, a 900-kilometer border.", None),
        ("03/04/2016 is ambiguous between March and April.", "2016"),
        ("The 31 February 2016 date does not exist.", None),
        # forward-looking sentences say nothing about when the page was written
        ("Elections will be held on May 4, 2030.", None),
        ("The target is to cut emissions by 2030.", None),
        ("The ban stays until March 2031. It was imposed in June 2019.", "2019-06"),
        ("", None),
    ],
)
def test_latest_absolute_date(text: str, expected: str | None) -> None:
    assert latest_absolute_date(text) == expected


def test_find_dates_reports_spans_and_precision() -> None:
    text = "Born on July 4, 1990, he moved in May 2001 and left in 2010."
    found = find_dates(text)
    assert [(d.value, d.precision) for d in found] == [
        ("1990-07-04", "day"),
        ("2001-05", "month"),
        ("2010", "year"),
    ]
    assert [text[d.start : d.end] for d in found] == ["July 4, 1990", "May 2001", "2010"]


def _seed_articles(manifest: bool) -> dict[str, Article]:
    settings = Settings()
    rows = load_manifest(SEEDS / "manifest.jsonl") if manifest else None
    articles = {}
    for path in sorted(SEEDS.glob("*.txt")):
        page: Page = read_page(path, settings)
        if rows is not None:
            page = rows.apply(page)
        result = extract_page(page, settings)
        assert isinstance(result, Article), result
        articles[path.name] = result
    return articles


@pytest.fixture(scope="module")
def seeds_without_manifest() -> dict[str, Article]:
    return _seed_articles(manifest=False)


@pytest.fixture(scope="module")
def seeds_with_manifest() -> dict[str, Article]:
    return _seed_articles(manifest=True)


def test_seeds_without_manifest_never_invent_a_date(
    seeds_without_manifest: dict[str, Article], seeds_gold: dict[str, Any]
) -> None:
    for gold in seeds_gold["articles"]:
        article = seeds_without_manifest[gold["file"]]
        assert article.published is None and article.published_source is None, gold["file"]
        bound = article.published_not_before
        if bound is not None:
            # A lower bound: never after the real date (compared at the bound's precision).
            assert bound <= gold["published"][: len(bound)], (gold["file"], bound)
            assert not bound.startswith("2024"), gold["file"]  # seed 000's banner year


def test_seed_000_banner_date_is_furniture(seeds_without_manifest: dict[str, Article]) -> None:
    article = seeds_without_manifest["000_e6c350a121f355aa.txt"]
    assert "Since July 1, 2024" not in article.body
    assert article.published_not_before == "2011-03"


def test_seed_002_bound_from_the_text(
    seeds_without_manifest: dict[str, Article], seeds_gold: dict[str, Any]
) -> None:
    gold = next(g for g in seeds_gold["articles"] if g["file"].startswith("002_"))
    assert (
        seeds_without_manifest[gold["file"]].published_not_before
        == gold["published_not_before_from_text"]
    )
    assert gold["published_not_before_from_text"] == "2016-02-19"


def test_seeds_with_manifest(
    seeds_with_manifest: dict[str, Article], seeds_gold: dict[str, Any]
) -> None:
    for gold in seeds_gold["articles"]:
        article = seeds_with_manifest[gold["file"]]
        assert article.published == gold["published"], gold["file"]
        assert article.published_source == "manifest"
        assert article.published_not_before is None  # only when published is unknown
        assert article.outlet == gold["outlet"]


def _find_dates_whole(text: str) -> list[Any]:
    """find_dates as a search of the whole text (the windows must find the same)."""
    from newsgraph.extract import dates as d

    taken: list[tuple[int, int]] = []
    found = []
    for precision, pattern in d._PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("year") if precision == "year" else match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            value = d._to_iso(match, precision)
            if value is not None:
                found.append(d.TextDate(value, d._precision_of(value), start, end))
    return sorted(found, key=lambda x: x.start)


def test_searching_windows_around_years_finds_what_the_whole_text_holds() -> None:
    import random

    rng = random.Random(3)
    pieces = [
        "March", "Sept.", "19th", "of", "2015", "2015,000", "1990s", "20151", "-", "--", "in",
        "mid", "early-", "summer of", "2016-02-19", "3/4/2019", "12/25/2019", "since", "by",
        "\u00a0", "\u0663\u0664", "2020-13-01", "31", "February", "29", "1899", "s", "\n\n",
    ]  # fmt: skip
    texts = [
        "".join(rng.choice(pieces) + rng.choice(["", " ", "   ", "\n", "-"]) for _ in range(12))
        for _ in range(3000)
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("On March" + " " * 200 + "3, 2015 and in" + "-" * 80 + "2016 it rained.")
    for text in texts:
        assert find_dates(text) == _find_dates_whole(text), text
