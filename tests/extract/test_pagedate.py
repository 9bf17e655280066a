"""Publication dates of HTML pages (``extract.pagedate``): the causes of issue 14, each a case.

Every page here is written for the test.  The three causes: a date printed only by the
headline (htmldate's free-text search was off), a short or empty body that threw the
page's date away, and furniture pruning that ran before the date search.
"""

from __future__ import annotations

from datetime import date

import pytest
from trafilatura.utils import load_html

from newsgraph.extract import extract_page
from newsgraph.extract.html import _visible_lines, extract_html
from newsgraph.extract.page_markup import read_stamp
from newsgraph.extract.pagedate import page_date
from newsgraph.extract.printed_dates import month_numbers, printed_days
from newsgraph.records import Article, Failure, Page, PageMeta
from newsgraph.settings import Settings

TODAY = date(2026, 12, 31)
TEXT = "".join(
    f"<p>{p}</p>"
    for p in (
        "The regional council voted on its budget after a long debate about the cost of the new "
        "tram line, which has doubled since the first plans were drawn up by the city engineers.",
        "Opposition members said the money would be better spent on buses, which reach the outer "
        "villages that the tram will never serve, and asked for an independent review of the figures.",
        "The council's leader said the review would be published in the spring and that work on the "
        "first section of track would begin as soon as the contracts had been signed by both parties.",
    )
)


def html(head: str = "", top: str = "", below: str = "", body: str = TEXT, after: str = "") -> str:
    return (
        f"<html><head><title>Council backs tram budget</title>{head}</head><body>"
        f"<header><a href='/'>Home</a></header><article>{top}<h1>Council backs tram budget</h1>"
        f"{below}{body}</article>{after}</body></html>"
    )


def dated(content: str, url: str | None = None) -> tuple[str | None, str | None]:
    result = extract_page(Page("mem://p.html", content, "html", meta=PageMeta(url=url)), Settings())
    return result.published, result.published_source


# Cause 1: the date is printed only in the visible text by the headline.
@pytest.mark.parametrize(
    ("top", "below", "expected"),
    [
        ("", "<p class='meta'>22/11/2020 – 04:30</p>", "2020-11-22"),
        ("<div>02.12.19</div>", "", "2019-12-02"),
        ("", "<div class='byline'>By Ann Lee | Apr 7, 2009</div>", "2009-04-07"),
        ("", "<span>Veröffentlicht am 16. März 2020</span>", "2020-03-16"),
    ],
)
def test_a_date_printed_by_the_headline_is_read(top: str, below: str, expected: str) -> None:
    assert dated(html(top=top, below=below)) == (expected, "text")


def test_a_revision_date_by_the_headline_is_not_the_publication() -> None:
    below = "<div>Updated June 13, 2019</div><div>Published June 2, 2019</div>"
    assert dated(html(below=below)) == ("2019-06-02", "text")


# Cause 2: a page too short to be an article keeps the date it states.
def test_a_short_page_is_a_failure_that_keeps_its_date() -> None:
    head = '<meta property="article:published_time" content="2021-06-14T09:00:00+02:00">'
    result = extract_page(
        Page("mem://short.html", html(head=head, body="<p>Too short.</p>"), "html"), Settings()
    )
    assert isinstance(result, Failure)
    assert result.reason.startswith("body too short (")
    assert result.reason.endswith("; the page is dated 2021-06-14 (metadata)")
    assert (result.published, result.published_source) == ("2021-06-14", "metadata")
    assert "\n" not in result.reason


def test_a_page_without_text_keeps_its_date() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2020-02-05">'
        "</head><body><script>render()</script></body></html>"
    )
    result = extract_page(Page("mem://empty.html", page, "html"), Settings())
    assert isinstance(result, Failure) and result.reason.startswith("no article text found")
    assert (result.published, result.published_source) == ("2020-02-05", "metadata")


# Cause 3: furniture pruning ran before the date search.
def test_a_date_in_a_furniture_block_is_still_read() -> None:
    below = "<div class='share-bar'><span>14.06.2021</span> <a href='/x'>Share</a></div>"
    assert dated(html(below=below)) == ("2021-06-14", "text")


def test_an_embedded_post_does_not_date_the_page() -> None:
    below = "<div class='social-share'>3. Mai 2022 · <a href='/x'>Teilen</a></div>"
    embed = (
        "<blockquote class='twitter-tweet'><p>An older post about trams.</p>"
        "<time datetime='2018-01-09'>January 9, 2018</time></blockquote>"
    )
    assert dated(html(below=below, body=TEXT + embed)) == ("2022-05-03", "text")


def test_comment_and_related_post_dates_are_never_taken() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2022-03-01T10:00:00+01:00", "comment": [{"@type": "Comment", "datePublished": '
        '"2023-01-01"}]}</script>'
    )
    related = (
        "<aside class='related-posts'><h3>More</h3><div><time datetime='2024-05-05'>May 5, 2024"
        "</time> Another story</div></aside>"
    )
    assert dated(html(head=ld, after=related)) == ("2022-03-01", "metadata")
    assert dated(html(after=related)) == (None, None)


# Beyond htmldate: the URL, JSON-LD precedence, time zones.
def test_a_day_in_the_url_dates_an_otherwise_undated_page() -> None:
    assert dated(html(), "https://example.org/2016/12/23/tram-budget/") == ("2016-12-23", "url")
    assert dated(html(), "https://example.org/20200428/tram-budget/") == ("2020-04-28", "url")
    assert dated(html(), "https://example.org/2023/10/3-questions/") == (None, None)


def test_the_articles_published_date_beats_a_generic_date_tag() -> None:
    head = (
        '<meta name="date" content="2020-06-02">'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, {"@type": '
        '"BlogPosting", "datePublished": "2020-03-31", "dateModified": "2020-06-02"}]}</script>'
    )
    # the page prints its published day (far below the headline, in its footer); a page that
    # prints neither takes the tag's later day (test_pagedate_markup: published again)
    footer = "<footer><p>Archiv</p><p>31.03.2020</p></footer>"
    assert dated(html(head=head, after=footer)) == ("2020-03-31", "metadata")
    assert dated(html(head=head.replace("2020-06-02", "2020-02-02"))) == ("2020-03-31", "metadata")


def test_a_url_month_rules_out_a_date_of_another_month() -> None:
    head = '<meta name="date" content="2010-06-01">'
    assert dated(html(head=head), "https://example.org/news/2011/12/tram/") == (None, None)


def test_a_utc_time_gives_way_to_the_local_day_printed_by_the_headline() -> None:
    head = '<meta property="article:published_time" content="2019-10-18T22:30:00Z">'
    below = "<div>19.10.2019, 00:30 Uhr</div>"
    assert dated(html(head=head, below=below)) == ("2019-10-19", "text")
    # ... but a UTC time at noon is the same day everywhere near Europe and the Americas.
    noon = '<meta property="article:published_time" content="2019-10-18T11:30:00Z">'
    assert dated(html(head=noon, below="<div>19.10.2019</div>")) == ("2019-10-18", "metadata")


def test_a_page_with_no_date_stays_undated() -> None:
    assert dated(html()) == (None, None)
    tree = load_html(html())
    assert page_date(tree, _visible_lines(tree), None, TODAY).value is None
    assert extract_html(html()).published is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-20T09:49:32+0000", (date(2020, 1, 20), 9)),
        ("2022-1-26T14:32:06+02:00", (date(2022, 1, 26), None)),
        ("Di., 25.01.2022 - 14:45", (date(2022, 1, 25), None)),
        ("2019-10-19T03:00:00.000Z", (date(2019, 10, 19), 3)),
        ("soon", None),
    ],
)
def test_read_stamp(value: str, expected: tuple[date, int | None] | None) -> None:
    stamp = read_stamp(value)
    assert (None if stamp is None else (stamp.day, stamp.utc_hour)) == expected


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("30 septembre 2018", False, [date(2018, 9, 30)]),
        ("18. März 2020, 12:01 Uhr", False, [date(2020, 3, 18)]),
        ("03/04/2016", False, [date(2016, 4, 3)]),
        ("03/04/2016", True, [date(2016, 3, 4)]),
        ("13/04/2016", True, [date(2016, 4, 13)]),
        ("12/05/19", False, []),  # two-digit years only with dots
        ("31.02.2020", False, []),
        ("01.01.2030", False, []),  # after today
        ("Aktualisiert am 05.05.2020", False, []),
        ("8.Dezember 2010 um 09:43", False, [date(2010, 12, 8)]),
    ],
)
def test_printed_days(text: str, month_first: bool, expected: list[date]) -> None:
    assert list(printed_days(text, TODAY, month_first)) == expected


def test_month_names_file_loads_and_agrees_across_languages() -> None:
    months = month_numbers()
    assert months["januar"] == months["january"] == months["janvier"] == 1
    assert months["mai"] == months["may"] == 5
    assert set(months.values()) == set(range(1, 13))


def test_an_article_still_gets_its_date() -> None:
    head = '<meta property="article:published_time" content="2021-06-14T09:00:00+02:00">'
    article = extract_page(Page("mem://ok.html", html(head=head), "html"), Settings())
    assert isinstance(article, Article)
    assert (article.published, article.published_source) == ("2021-06-14", "metadata")


# Issue 14, second pass: general causes found on the train pages.
def test_a_day_labelled_as_published_is_read_far_from_the_headline() -> None:
    footer = "<div class='info'>Written: 2021-03-09 10:15:00 / Updated: 2021-03-10 08:00:00</div>"
    assert dated(html(after=footer)) == ("2021-03-09", "text")
    prose = (
        "<p class='postmeta'>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 10:00 Uhr "
        "veröffentlicht und unter Verkehr, Stadtrat gespeichert. Sie können Kommentare zu diesem "
        "Beitrag über den RSS 2.0 Feed verfolgen.</p>"
    )
    assert dated(html(after=prose)) == ("2011-12-03", "text")


def on_markup(content: str, url: str | None = None) -> tuple[str | None, str | None]:
    """The date the unpruned page's markup, headline, URL and labels give (no htmldate)."""
    tree = load_html(content)
    found = page_date(tree, _visible_lines(tree), url, TODAY)
    return found.value, found.evidence


def test_an_unlabelled_day_far_from_the_headline_is_not_read() -> None:
    menu = "".join(f"<div><a href='/{i}'>Section {i}</a></div>" for i in range(6))
    page = html(after=menu + "<p class='info'>Seen 2021-03-09 by 10 readers</p>")
    assert on_markup(page) == (None, None)  # (just after the text, it is the ``after`` day)


def test_a_labelled_day_beats_a_generic_date_tag() -> None:
    head = '<meta name="dc.date" content="2020-03-03">'
    footer = "<div>Issue Published: 7 April 2020</div>"
    assert dated(html(head=head, after=footer)) == ("2020-04-07", "text")


def test_a_tag_day_printed_by_the_headline_beats_the_mastheads_today() -> None:
    top = (
        "<div>Mittwoch, 26.02.2020</div><div>Startseite › Kultur › Der Rat und die Straßenbahn "
        "für alle Stadtteile 01.05.2017</div>"
    )
    head = '<meta name="date" content="2017-05-01T17:05:00+0200">'
    assert dated(html(head=head, top=top)) == ("2017-05-01", "metadata")
    assert dated(html(top=top)) == ("2020-02-26", "text")  # without the tag, the dateline


def test_a_day_in_the_urls_month_is_read_anywhere_on_a_dateline() -> None:
    top = "".join(f"<div><a href='/{i}'>Section {i}</a></div>" for i in range(40))
    page = html(top="<div>19. Mai 2010</div>" + top)
    url = "https://example.org/2010/05/tram-budget/"
    assert on_markup(page, url) == ("2010-05-19", "url-month")
    assert on_markup(page) == (None, None)  # no month in the address: too far from the headline


def test_the_one_day_printed_above_a_long_header_is_read() -> None:
    menu = "".join(f"<div><a href='/{i}'>Section {i}</a></div>" for i in range(10))
    page = html(top=f"<div>Donnerstag, 9. März 2023</div><div>10:45</div>{menu}")
    assert on_markup(page) == ("2023-03-09", "above")
    posts = "".join(
        f"<div>{day}</div><div><a href='/{i}'>Another story {i}</a></div>"
        for i, day in enumerate(["March 9, 2023", "March 2, 2023"])
    )
    assert on_markup(html(top=posts + menu)) == (None, None)  # a list of posts: no one day


def test_without_a_headline_the_one_day_above_the_text_is_read() -> None:
    menu = "".join(f"<div><a href='/{i}'>Section {i}</a></div>" for i in range(5))
    page = (
        f"<html><head><title>Evening edition</title></head><body>{menu}<div>12.05.2021</div>"
        f"<div>Ann Lee</div>{TEXT}</body></html>"
    )
    assert on_markup(page) == ("2021-05-12", "above")


def test_the_day_of_an_author_block_after_the_text_is_read() -> None:
    author = "<div class='author'><p>Text: Ann Lee</p><p>14.03.2022, 09:15</p></div>"
    assert on_markup(html(after=author)) == ("2022-03-14", "after")
    links = "<h3>Read also</h3><div>14.03.2021</div><div><a href='/old'>Older story</a></div>"
    assert on_markup(html(after=links)) == (None, None)  # a day under a heading over links
    menu = "".join(f"<div><a href='/{i}'>Section {i}</a></div>" for i in range(6))
    assert on_markup(html(after=menu + "<p>14.03.2022</p>")) == (None, None)  # too far


def test_the_one_day_a_page_says_it_was_updated_dates_it_when_it_states_no_other() -> None:
    menu = "".join(f"<div><a href='/{i}'>Section {i}</a></div>" for i in range(6))
    footer = menu + "<div class='info'>Zuletzt aktualisiert: 28.01.2022</div>"
    assert on_markup(html(after=footer)) == ("2022-01-28", "updated")
    two = "<div class='info'>Updated March 2, 2022</div><div>Updated March 9, 2022</div>"
    assert on_markup(html(after=two)) == (None, None)  # which of them: none


def test_a_url_month_admits_the_next_month() -> None:
    below = "<div>10.11.2021</div>"
    url = "https://example.org/meldungen/2021/10/tram-budget.html"
    assert dated(html(below=below), url) == ("2021-11-10", "text")
    assert dated(html(below="<div>10.01.2022</div>"), url) == (None, None)


def test_labelled_days() -> None:
    from newsgraph.extract.printed_dates import labelled_days

    assert list(labelled_days("Posted on March 3, 2011 by Ann", TODAY)) == [date(2011, 3, 3)]
    assert list(labelled_days("Updated March 4, 2011", TODAY)) == []
    assert list(labelled_days("The vote of March 3, 2011 was close", TODAY)) == []
