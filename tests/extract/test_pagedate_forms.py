"""Publication dates, issue 14 third pass: printed forms and page layouts that the earlier
rules missed (``extract.printed_dates``, ``extract.pagedate``).

Every page and line here is written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from trafilatura.utils import load_html

from newsgraph.extract.html import _visible_lines
from newsgraph.extract.page_markup import read_stamp
from newsgraph.extract.pagedate import page_date
from newsgraph.extract.printed_dates import labelled_days, printed_days, shows_day
from newsgraph.extract.urldates import url_day

TODAY = date(2026, 12, 31)
PROSE = "".join(
    f"<p>{p}</p>"
    for p in (
        "The allotment society met on Tuesday to decide how the new plots by the river should be "
        "shared out, after more than forty families had asked for one over the last two years.",
        "Members agreed that the plots would be drawn by lot, with two of them kept for the primary "
        "school, whose pupils have grown beans and potatoes on a borrowed patch since the spring.",
        "The society's treasurer said that the water pipes would be laid before the winter and that "
        "the first tenants could start digging as soon as the ground had dried out in March.",
    )
)


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("Posted on12 March 2019by Ann", False, [date(2019, 3, 12)]),  # glued to its words
        ("Veröffentlicht am 10. Februar 20199. Februar 2019 von Ann", False, [date(2019, 2, 10)]),
        ("17/11/201917/11/2019 ~ Ann", False, [date(2019, 11, 17)]),  # published, updated
        ("26 | 01 | 2022", False, [date(2022, 1, 26)]),
        ("Blog entry 01/23/2020", False, [date(2020, 1, 23)]),  # month first, day past 12
        ("12/25/2019", True, [date(2019, 12, 25)]),
        ("My visit to the coast Jan.25, 2017", False, [date(2017, 1, 25)]),
        ("2017年7月18日", False, [date(2017, 7, 18)]),
        ("© Ann's kitchen 2020 · WordPress 4.8.12", False, []),  # a version, not a day
        ("02.12.19", False, [date(2019, 12, 2)]),  # a padded two-digit year still is one
        ("Nr. 20191234 5. Mai", False, []),
    ],
)
def test_printed_forms(text: str, month_first: bool, expected: list[date]) -> None:
    assert list(printed_days(text, TODAY, month_first)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stand: 07.11.2023, 07:30 Uhr", [date(2023, 11, 7)]),
        ("Datum: 18.10.2021", [date(2021, 10, 18)]),
        ("Date: 2020-01-02", [date(2020, 1, 2)]),
        ("The date of the vote, 2020-01-02, was moved", []),  # "date" labels only with a colon
    ],
)
def test_more_words_label_a_day(text: str, expected: list[date]) -> None:
    assert list(labelled_days(text, TODAY)) == expected


def on_markup(content: str) -> tuple[str | None, str | None]:
    tree = load_html(content)
    found = page_date(tree, _visible_lines(tree), None, TODAY)
    return found.value, found.evidence


def blog(title: str) -> str:
    """A blog whose ``<h1>`` is its own name with the masthead's day under it; the post's
    title is an ``<h2>`` further down, its day under it."""
    menu = "".join(f"<li><a href='/c{i}'>Category {i}</a></li>" for i in range(16))
    return (
        f"<html><head><title>{title}</title></head><body>"
        "<header><h1>Ann's kitchen notes</h1><div>1. März 2015</div></header>"
        f"<nav><ul>{menu}</ul></nav>"
        "<article><h2>Beef stew with apples and onions</h2><div>8. Dezember 2010 um 09:43</div>"
        f"{PROSE}</article></body></html>"
    )


def test_a_blogs_name_in_its_h1_is_not_the_headline() -> None:
    page = blog("Beef stew with apples and onions | Ann's kitchen notes")
    assert on_markup(page) == ("2010-12-08", "headline")


def test_a_heading_the_title_names_alone_is_still_the_headline() -> None:
    page = blog("Ann's kitchen notes")  # no other part: the h1 may be the headline
    assert on_markup(page) == ("2015-03-01", "headline")


def test_a_headline_shown_before_in_a_list_of_posts_is_placed_at_its_heading() -> None:
    posts = "".join(
        f"<li><a href='/p{i}'>{name}</a></li>"
        for i, name in enumerate(["Plots by the river", "Seed swap in the hall", "Frost again"])
    )
    side = f"<aside><h3>Recent posts</h3><div>Mittwoch, 1. März 2015</div><ul>{posts}</ul></aside>"
    menu = "".join(f"<div><a href='/c{i}'>Category {i}</a></div>" for i in range(16))
    page = (
        "<html><head><title>Plots by the river</title></head><body>"
        f"{side}{menu}<article><h2>Plots by the river</h2><div>8. Dezember 2010 um 09:43</div>"
        f"{PROSE}</article></body></html>"
    )
    assert on_markup(page) == ("2010-12-08", "headline")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 мая 2018 г.", date(2018, 5, 16)),
        ("3 października 2019", date(2019, 10, 3)),
        ("5. května 2020", date(2020, 5, 5)),
        ("12. marraskuuta 2023", date(2023, 11, 12)),
        ("den 4 maj 2019", date(2019, 5, 4)),
        ("2. desember 2021", date(2021, 12, 2)),
    ],
)
def test_month_names_of_more_languages(text: str, expected: date) -> None:
    assert list(printed_days(text, TODAY)) == [expected]


def test_the_heading_that_is_the_title_without_the_sites_name_is_the_headline() -> None:
    menu = "".join(f"<div><a href='/c{i}'>Category {i}</a></div>" for i in range(16))
    page = (
        "<html><head><title>Plots by the river | Allotment News</title>"
        "<meta property='og:title' content='Plots by the river'></head><body>"
        "<header><h1>Plots by the river | Allotment News</h1><div>1. März 2015</div></header>"
        f"{menu}<article><h2>Plots by the river</h2><p>Photo: the society</p>"
        f"<div>25.01.2022 13</div>{PROSE}</article></body></html>"
    )
    assert on_markup(page) == ("2022-01-25", "headline")


@pytest.mark.parametrize(
    "text",
    ["Letzte Änderung: 12.03.2020", "Article modifié le 3 mars 2020", "Last changed 2 May 2020"],
)
def test_more_words_mark_a_revision(text: str) -> None:
    assert list(printed_days(text, TODAY)) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/Meldung/2022/20220124-plots-by-the-river.html", date(2022, 1, 24)),
        ("https://example.org/detail/307_3_r_20231102_1698920402044235", date(2023, 11, 2)),
        ("https://example.org/reden/20030331_Rede2.html", date(2003, 3, 31)),
        ("https://example.org/news/k10011959621000.html", None),  # an id, not a day
        ("https://example.org/a/201913450-plots", None),
        ("https://web.archive.org/web/20160820205919/http://example.org/plots", None),
    ],
)
def test_a_compact_day_in_the_address(url: str, expected: date | None) -> None:
    assert url_day(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/news/2023/nov/8/plots-by-the-river/", date(2023, 11, 8)),
        ("https://example.org/world/2019/Oct/16/plots", date(2019, 10, 16)),
        ("https://example.org/2019/oct/plots", None),
    ],
)
def test_a_day_with_a_month_name_in_the_address(url: str, expected: date | None) -> None:
    assert url_day(url) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue Jan 28 15:28:56 CET 2020", date(2020, 1, 28)),
        ("Mon Oct 11 14:57:21 CEST 2021", date(2021, 10, 11)),
    ],
)
def test_a_java_printed_date_in_markup(value: str, expected: date) -> None:
    stamp = read_stamp(value)
    assert stamp is not None and stamp.day == expected


def article(head: str, below: str, after: str = "") -> str:
    return (
        f"<html><head><title>Plots by the river</title>{head}</head><body><article>"
        f"<h1>Plots by the river</h1>{below}{PROSE}{after}</article></body></html>"
    )


PUBLISHED = '<meta property="article:published_time" content="2017-08-21T13:09:00+02:00">'


def test_a_day_by_the_headline_beats_a_published_tag_the_page_never_shows() -> None:
    assert on_markup(article(PUBLISHED, "<div>03.04.2019</div>")) == ("2019-04-03", "headline")


def test_a_published_tag_the_page_shows_beats_the_day_by_the_headline() -> None:
    page = article(PUBLISHED, "<div>03.04.2019</div>", "<p>Erstellt am 21.08.2017</p>")
    assert on_markup(page) == ("2017-08-21", "published")
    us = '<meta property="article:published_time" content="2021-11-01">'
    assert on_markup(article(us, "<div>11/01/2021</div>")) == ("2021-11-01", "published")
    yearless = article(PUBLISHED, "<div>03.04.2019</div>", "<p>Erstellt am 21. August</p>")
    assert on_markup(yearless) == ("2017-08-21", "published")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Erstellt am 21. August", True),
        ("Aug 21 | 5 min read", True),
        ("21.08. 14:30 Uhr", True),
        ("21.08.2017", True),
        ("08/21/2017", True),
        ("August 2017", False),
        ("21.09. 14:30 Uhr", False),
        ("121. August", False),
    ],
)
def test_shows_day(text: str, shown: bool) -> None:
    assert shows_day(text, date(2017, 8, 21)) is shown


def test_of_disagreeing_published_tags_the_one_the_page_shows_wins() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2022-01-04T07:00:00Z"}</script>'
        '<meta property="article:published_time" content="2022-01-06T09:00:00+01:00">'
    )
    page = article(head, "", "<footer><p>Erstellt: 6. Januar 2022</p></footer>")
    assert on_markup(page) == ("2022-01-06", "published")


def test_a_page_that_shows_only_its_update_is_dated_by_it_over_a_hidden_tag() -> None:
    tag = '<meta property="article:published_time" content="2016-08-29T21:54:39Z">'
    below = "<div>By Ann Lee</div><div>Updated May 06, 2019</div>"
    assert on_markup(article(tag, below)) == ("2019-05-06", "updated")
    shown = article(tag, below, "<p>First published August 29, 2016</p>")
    assert on_markup(shown) == ("2016-08-29", "published")
    # no tag: the one day it says it was updated, the day its readers are shown
    assert on_markup(article("", below)) == ("2019-05-06", "updated")


def test_revised_days() -> None:
    from newsgraph.extract.printed_dates import revised_days

    assert list(revised_days("Updated May 06, 2019 / Published May 2, 2019", TODAY)) == [
        date(2019, 5, 6)
    ]


def test_a_generic_date_tag_is_not_overridden_by_a_shown_update() -> None:
    # An update says when the page changed; a generic tag is weak, but no weaker than that
    # (the override gained on neither train half, A nor B, and was removed).
    tag = '<meta name="date" content="2017-10-01">'
    below = "<div>By Ann Lee</div><div>Updated June 13, 2019</div>"
    assert on_markup(article(tag, below)) == ("2017-10-01", "markup")
    assert on_markup(article(tag, "")) == ("2017-10-01", "markup")


def test_the_json_ld_of_the_page_itself_states_its_publication() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage", '
        '"datePublished": "2019-06-11T09:41:55+00:00"}]}</script>'
    )
    assert on_markup(article(head, "")) == ("2019-06-11", "published")
    listed = (
        '<script type="application/ld+json">{"@type": "ItemList", "datePublished": "2019-06-11"}'
    )
    assert on_markup(article(listed + "</script>", "")) == (None, None)


def test_a_machine_timestamp_left_in_the_text_does_not_show_the_published_day() -> None:
    tag = '<meta property="article:published_time" content="2021-10-27T20:35:36+01:00">'
    below = "<div>Berlin, 28.10.2021, 058/21</div>"
    stamp = "<footer><time>2021-10-27T20:35:36+01:00</time></footer>"
    assert on_markup(article(tag, below, stamp)) == ("2021-10-28", "headline")
    shown = "<footer><p>Erstellt 27.10.2021</p></footer>"
    assert on_markup(article(tag, below, shown)) == ("2021-10-27", "published")
