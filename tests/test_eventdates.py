"""Event dates: time expressions resolved against the publication date (table-driven)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.eventdates import find_time_expressions, parse_published, resolve_event_date

FRI = "2019-05-03"  # a Friday

CASES: list[tuple[str, str | None, tuple[str | None, str]]] = [
    # weekdays: the most recent one on or before publication (news convention)
    ("Turkish troops shelled the town on Wednesday.", FRI, ("2019-05-01", "day")),
    ("Talks ended Thursday without a deal.", FRI, ("2019-05-02", "day")),
    ("The minister resigned on Friday.", FRI, ("2019-05-03", "day")),
    ("On Saturday, rebels seized the airport.", FRI, ("2019-04-27", "day")),
    ("Police arrested the mayor last Friday.", FRI, ("2019-04-26", "day")),
    ("The envoy will visit Kabul next Friday.", FRI, ("2019-05-10", "day")),
    ("The talks will resume on Friday.", "2019-05-01", ("2019-05-03", "day")),
    # deictic words
    ("Israel struck Gaza yesterday.", FRI, ("2019-05-02", "day")),
    ("Today the army withdrew from the town.", FRI, ("2019-05-03", "day")),
    ("The vote takes place tomorrow.", FRI, ("2019-05-04", "day")),
    ("Rockets hit the city last night.", FRI, ("2019-05-02", "day")),
    # periods relative to publication
    ("The two leaders met last week.", FRI, ("2019-04", "month")),
    ("The two leaders met last week.", "2019-05-10", ("2019-05", "month")),
    ("They will meet again next week.", "2019-05-28", ("2019-06", "month")),
    ("Protests began last month.", FRI, ("2019-04", "month")),
    ("Fighting intensified earlier this month.", FRI, ("2019-05", "month")),
    ("The envoy arrives early next month.", FRI, ("2019-06", "month")),
    ("Talks are due to start next month.", "2019-12-10", ("2020-01", "month")),
    ("The army was deployed last year.", FRI, ("2018", "year")),
    ("Exports fell sharply late last year.", FRI, ("2018", "year")),
    ("Elections are planned this year.", FRI, ("2019", "year")),
    # ago
    ("The convoy was attacked two days ago.", FRI, ("2019-05-01", "day")),
    ("The border was closed three weeks ago.", FRI, ("2019-04-12", "day")),
    ("A year ago, the two sides signed a truce.", FRI, ("2018", "year")),
    ("The rebels took the city a decade ago.", FRI, ("2009", "year")),
    ("Six months ago the talks collapsed.", FRI, ("2018-11", "month")),
    # absolute dates
    ("The accord was signed on February 11, 2016.", FRI, ("2016-02-11", "day")),
    ("The accord was signed on 11 February 2016.", FRI, ("2016-02-11", "day")),
    ("The accord was signed on Monday, March 4, 2019.", FRI, ("2019-03-04", "day")),
    ("The ruling of 2016-02-11 was upheld.", FRI, ("2016-02-11", "day")),
    ("The accord was signed on February 11, 2016.", None, ("2016-02-11", "day")),
    # day and month without a year: the most recent one not after publication
    ("The talks collapsed on February 11.", FRI, ("2019-02-11", "day")),
    ("Troops crossed the border on Feb. 11.", FRI, ("2019-02-11", "day")),
    ("The strike began on December 28.", "2020-01-05", ("2019-12-28", "day")),
    ("Voters will go to the polls on 7 July.", FRI, ("2019-07-07", "day")),
    # months and years
    ("The war has raged since March 2011.", FRI, ("2011-03", "month")),
    ("Turkey shot down a Russian jet in November 2015.", "2020-06-01", ("2015-11", "month")),
    ("Turkey shot down a Russian jet in 2015.", "2020-06-01", ("2015", "year")),
    ("The two countries have been at odds since 2011.", FRI, ("2011", "year")),
    ("The accord (2015) was hailed as historic.", FRI, ("2015", "year")),
    ("Clashes erupted in November.", FRI, ("2018-11", "month")),
    ("Elections will be held in November.", FRI, ("2019-11", "month")),
    ("In May, the army took the town.", FRI, ("2019-05", "month")),
    ("The ceasefire collapsed last November.", FRI, ("2018-11", "month")),
    ("Fighting resumed in mid-March.", FRI, ("2019-03", "month")),
    ("Talks were held in March last year.", FRI, ("2018-03", "month")),
    ("The plant reopened in early 2017.", FRI, ("2017", "year")),
    # nothing to resolve
    ("Turkey may close the border crossing.", FRI, (None, "unknown")),
    ("Iran was accused of violating the 2015 nuclear deal.", FRI, (None, "unknown")),
    ("Protesters march through the capital.", FRI, (None, "unknown")),
    ("The militants killed 1950 soldiers, the army said.", FRI, (None, "unknown")),
    ("Russia attacked Kyiv on Wednesday.", None, (None, "unknown")),
    ("Russia attacked Kyiv two days ago.", None, (None, "unknown")),
    # a relative expression finer than the publication date keeps that date's precision
    ("Israel struck Gaza yesterday.", "2019-05", ("2019-05", "month")),
    ("Israel struck Gaza last year.", "2019-05", ("2018", "year")),
    ("Talks were held in March last year.", "2019", ("2018-03", "month")),
    ("Israel struck Gaza on Wednesday.", "2019-05-03T14:20:00Z", ("2019-05-01", "day")),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_resolve_event_date(
    text: str, published: str | None, expected: tuple[str | None, str]
) -> None:
    assert resolve_event_date(text, published) == expected


ANCHORED: list[tuple[str, str, tuple[str | None, str]]] = [
    ("The accord signed in 2015 collapsed on Monday.", "signed", ("2015", "year")),
    ("The accord, signed in 2015, collapsed on Monday.", "collapsed", ("2019-04-29", "day")),
    ("The accord, signed in 2015, collapsed on Monday.", "signed", ("2015", "year")),
    (
        "Russia on Wednesday attacked Kyiv, months after the talks in March.",
        "attacked",
        ("2019-05-01", "day"),
    ),
    (
        "On Thursday, the minister said troops had entered the town.",
        "entered",
        ("2019-05-02", "day"),
    ),
    (
        "Russia attacked Kyiv on Tuesday, a year after the talks of February 2018.",
        "attacked",
        ("2019-04-30", "day"),
    ),
    (
        "On Thursday the minister said troops had entered the town in March.",
        "entered",
        ("2019-03", "month"),
    ),
    (
        "On Thursday the minister said troops had entered the town in March.",
        "said",
        ("2019-05-02", "day"),
    ),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), ANCHORED)
def test_anchor_picks_closest_expression(
    text: str, trigger: str, expected: tuple[str | None, str]
) -> None:
    assert resolve_event_date(text, FRI, anchor=text.index(trigger)) == expected


def test_without_anchor_the_first_expression_governs() -> None:
    text = "The accord signed in 2015 collapsed on Monday."
    assert resolve_event_date(text, FRI) == ("2015", "year")


def test_overlapping_expressions_keep_the_longest() -> None:
    spans = [m.group(0).strip() for _, m in find_time_expressions("since March 2011 and on May 5")]
    assert spans == ["since March 2011", "on May 5"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2019-05-03", ("2019-05-03", "day")),
        ("2019-05", ("2019-05-01", "month")),
        ("2019", ("2019-01-01", "year")),
        ("2019-05-03T10:00:00+02:00", ("2019-05-03", "day")),
        ("yesterday", None),
        (None, None),
        ("2019-13-40", None),
    ],
)
def test_parse_published(published: str | None, expected: tuple[str, str] | None) -> None:
    parsed = parse_published(published)
    assert (None if parsed is None else (parsed[0].isoformat(), parsed[1])) == expected


def _every_pattern(text: str) -> list[tuple[str, tuple[int, int], dict[str, str | None]]]:
    """``find_time_expressions`` without its pre-checks: every pattern run on the text."""
    from newsgraph import eventdates

    found = []
    for name, pattern in eventdates._PATTERNS:
        found += [(name, m) for m in pattern.finditer(text) if eventdates._plausible(name, m)]
    found.sort(key=lambda nm: (-(nm[1].end() - nm[1].start()), nm[1].start()))
    kept: list[tuple[str, Any]] = []
    for name, m in found:
        if all(m.end() <= k.start() or m.start() >= k.end() for _, k in kept):
            kept.append((name, m))
    return [(n, m.span(), m.groupdict()) for n, m in sorted(kept, key=lambda nm: nm[1].start())]


@pytest.mark.parametrize(
    "text",
    [text for text, _, _ in CASES]
    + [
        "The ceasefire signed on 2019-04-30 held until early May 2019, officials said.",
        "Three weeks ago the envoy, who arrived Sunday, met rebels (2018) in Doha.",
        "In the 1990s some 2,000 people fled; by 2015 about 40 percent had returned.",
        "Late last year the talks stalled; they resume next month, the ministry said.",
        "The strike began in mid-September and ended on the 3rd of October last year.",
    ],
)
def test_the_pre_checks_skip_only_patterns_that_find_nothing(text: str) -> None:
    found = [(n, m.span(), m.groupdict()) for n, m in find_time_expressions(text)]
    assert found == _every_pattern(text)
