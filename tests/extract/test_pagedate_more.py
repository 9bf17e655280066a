"""Publication dates, issue 14 fourth pass: rules checked on two halves of the train pages
(``extract.printed_dates``, ``extract.pagedate``).

Every page and line here is written for the test.
"""

from __future__ import annotations

from datetime import date

from newsgraph.extract import extract_page
from newsgraph.extract.printed_dates import labelled_days, printed_days
from newsgraph.records import Page, PageMeta
from newsgraph.settings import Settings

TODAY = date(2026, 12, 31)
PROSE = "".join(
    f"<p>{p}</p>"
    for p in (
        "The harbour board met on Monday to decide how the new moorings by the old fish market "
        "should be let, after more than sixty owners had asked for one over the last three years.",
        "Members agreed that the moorings would be drawn by lot, with four of them kept for the "
        "sailing club, whose young members have trained on a borrowed pontoon since the spring.",
        "The board's secretary said that the new lights would be fitted before the winter and that "
        "the first boats could tie up as soon as the divers had checked the chains in March.",
    )
)


def page(head: str = "", below: str = "", after: str = "") -> str:
    return (
        f"<html><head><title>Harbour lets new moorings</title>{head}</head><body>"
        f"<header><a href='/'>Home</a></header><article><h1>Harbour lets new moorings</h1>"
        f"{below}{PROSE}</article>{after}</body></html>"
    )


def dated(content: str, url: str | None = None) -> tuple[str | None, str | None]:
    result = extract_page(Page("mem://p.html", content, "html", meta=PageMeta(url=url)), Settings())
    return result.published, result.published_source


def test_a_two_digit_year_glued_to_its_clock() -> None:
    # Forum software prints the poster's name, the day and the clock run together.
    assert list(printed_days("annaB28.09.1912:44", TODAY)) == [date(2019, 9, 28)]
    assert list(printed_days("Antwort 03.11.2107:05", TODAY)) == [date(2021, 11, 3)]
    # ... a four-digit year before a clock stays one, and "4.8.12" is still a version.
    assert list(printed_days("28.09.2019 12:44", TODAY)) == [date(2019, 9, 28)]
    assert list(printed_days("Version 4.8.1212:00", TODAY)) == []


def test_a_forum_thread_is_dated_by_its_first_post() -> None:
    below = "<div class='post'><span>annaB</span>28.09.1912:44</div>"
    assert dated(page(below=below)) == ("2019-09-28", "text")


def test_the_day_in_the_address_beats_a_published_statement_of_another_day() -> None:
    # The address names the day the publisher filed the page under, in its own time zone.
    head = '<meta property="article:published_time" content="2016-12-22T23:40:00-05:00">'
    url = "https://example.org/2016/12/23/harbour-moorings/"
    assert dated(page(head=head), url) == ("2016-12-23", "url")
    same = '<meta property="article:published_time" content="2016-12-23T09:40:00+01:00">'
    assert dated(page(head=same), url) == ("2016-12-23", "metadata")


def test_a_month_name_between_hyphens_and_a_year_after_a_bare_comma() -> None:
    assert list(printed_days("Posted 05-Mar-2012 by Ann", TODAY)) == [date(2012, 3, 5)]
    assert list(printed_days("2012-Mar-05 10:14", TODAY)) == [date(2012, 3, 5)]
    assert list(printed_days("March 05,2012", TODAY)) == [date(2012, 3, 5)]
    # ... a two-digit year stays unread in this form: "12-Mar-12" is too often a code.
    assert list(printed_days("12-Mar-12", TODAY)) == []


def test_a_labelled_day_on_a_long_line_by_the_headline() -> None:
    below = (
        "<div class='meta'>PUBLISHED: November 8, 2023 at 5:49 p.m. | UPDATED: November 9, 2023"
        " at 6:17 a.m. | Bay Area News Group</div>"
    )
    # The markup's UTC time is the next day; the page prints its own (Pacific) day.
    head = '<meta property="article:published_time" content="2023-11-09T01:49:09+00:00">'
    assert dated(page(head=head, below=below)) == ("2023-11-08", "text")


def test_a_day_in_the_headline_itself_gives_way_to_its_dateline() -> None:
    # "Results of the county meeting, 19.5.2007": the headline tells of the day of its story.
    content = page(below="<p class='byline'>by Ann Lee | 20. Mai 2007 | Results</p>").replace(
        "Harbour lets new moorings</h1>", "Harbour board results, 19.5.2007</h1>"
    )
    content = content.replace(
        "<title>Harbour lets new moorings", "<title>Harbour board results, 19.5.2007"
    )
    assert dated(content) == ("2007-05-20", "text")
    # ... and dates the page when nothing else does.
    alone = content.replace("20. Mai 2007 | ", "")
    assert dated(alone) == ("2007-05-19", "text")


def test_the_day_of_an_announced_event_is_not_the_pages() -> None:
    assert list(printed_days("Termin: 21.02.2020, 19 Uhr", TODAY)) == []
    assert list(printed_days("When: March 5, 2012 at the town hall", TODAY)) == []
    assert list(printed_days("Am 21.02.2020 um 19 Uhr", TODAY)) == [date(2020, 2, 21)]
    below = "<p>Termin: 21.02.2020, 19 Uhr</p><p>Ort: Hafenbar</p>"
    after = "<footer><p>Dieser Beitrag wurde am 27. November 2019 veröffentlicht.</p></footer>"
    assert dated(page(below=below, after=after)) == ("2019-11-27", "text")


COMMENTS = (
    "<div id='comments'><h3>2 thoughts on “Harbour lets new moorings”</h3><ol class='commentlist'>"
    "<li><p>Ann</p><p>13 December, 2015 at 01:10</p><p>Good news for the club.</p></li>"
    "<li><p>Bob</p><p>Posted on 14 December 2015</p><p>About time too.</p></li></ol></div>"
)


def test_a_comments_day_never_dates_the_page() -> None:
    url = "https://example.org/2015/12/harbour-moorings/"
    footer = "<footer><p>12 December, 2015</p></footer>"
    assert dated(page(after=COMMENTS + footer), url) == ("2015-12-12", "text")
    # ... nor does a comment's "Posted on" when the page labels none of its own.
    assert dated(page(after=COMMENTS)) == (None, None)


def test_an_embedded_posts_day_is_not_the_pages() -> None:
    line = "— Harbour Club (@harbourclub) November 1, 2023"
    assert list(printed_days(line, TODAY)) == []
    assert list(printed_days("A post shared by Ann (@ann_b) on Nov 1, 2023", TODAY)) == []
    tweet = f"<blockquote><p>New moorings at last!</p>{line}</blockquote>"
    head = '<meta name="date" content="2023-11-03">'
    assert dated(page(head=head, below=tweet)) == ("2023-11-03", "metadata")


def test_the_days_below_a_read_also_heading_are_other_pages() -> None:
    below = (
        "<p class='teaser'>The board met on Sunday (14 August).</p><h4>Read also</h4>"
        "<div>14/08/2021</div><p>Harbour board elects a new chair</p>"
    )
    head = '<meta name="date" content="2022-08-14">'
    assert dated(page(head=head, below=below)) == ("2022-08-14", "metadata")


def test_the_headline_is_placed_at_its_h1_not_at_a_listed_post_of_the_same_title() -> None:
    latest = (
        "<aside><h2>Latest</h2><ul>"
        "<li><h3>Ferry timetable changes</h3><p>October 16, 2023</p></li>"
        "<li><h3>Harbour lets new moorings</h3><p>October 12, 2023</p></li>"
        "<li><h3>Lifeboat crew honoured</h3><p>November 3, 2023</p></li></ul></aside>"
    )
    content = page(below="<p class='byline'>Ann Lee, November 6, 2023</p>").replace(
        "<article>", latest + "<article>"
    )
    assert dated(content) == ("2023-11-06", "text")


def test_stand_and_datum_label_a_day_only_on_a_short_line() -> None:
    assert list(labelled_days("Stand: 12.03.2020", TODAY)) == [date(2020, 3, 12)]
    assert list(labelled_days("Datum 3.5.2021", TODAY)) == [date(2021, 5, 3)]
    source = (
        "Harbour board: minutes of the meeting on the new moorings, "
        "https://example.org/board/minutes-2022.html (Stand: 27.1.2022)"
    )
    assert list(labelled_days(source, TODAY)) == []
    prose = (
        "Die Zahlen wurden im Bulletin des Hafenamts am 15. April 2020 genannt; das Amt "
        "berechnet die Belegung ausgehend vom Datum der Anmeldung."
    )
    assert list(labelled_days(prose, TODAY)) == []
    # ... a word of publication labels a day on any line.
    assert list(labelled_days(prose.replace("genannt", "veröffentlicht"), TODAY)) == [
        date(2020, 4, 15)
    ]


def test_the_text_after_a_heading_is_read_as_xpath_reads_it() -> None:
    from itertools import islice

    from trafilatura.utils import load_html

    from newsgraph.extract.headline import _following_texts

    content = (
        "<html><body><div><h1>Harbour <b>lets</b> moorings</h1>tail one<!-- a note -->"
        "<p>By <a href='/ann'>Ann</a> \n </p><script>var x = 1;</script></div>"
        "<section><h2>Lifeboat</h2><p>crew <i>honoured</i> again</p></section>"
        "<footer>end</footer></body></html>"
    )
    tree = load_html(content)
    for heading in tree.iter("h1", "h2"):
        for n in (1, 3, 8):
            xpath = heading.xpath(f"following::text()[normalize-space()][position() <= {n}]")
            assert list(islice(_following_texts(heading), n)) == [str(t) for t in xpath]
