"""Publication dates, issue 14 eighth pass: datelines that are long, glued or labelled from
afar.  Every page and line here is written for the test.
"""

from __future__ import annotations

from datetime import date

from trafilatura.utils import load_html

from newsgraph.extract.datelines import FarDays, without_headline
from newsgraph.extract.html import _visible_lines
from newsgraph.extract.pagedate import page_date
from newsgraph.extract.printed_dates import labelled_days, printed_days, revised_days

TODAY = date(2026, 12, 31)
PARAGRAPHS = [
    "The harbour board decided on Monday to draw lots for the new berths at the old fish "
    "market, after more than sixty owners applied for them over the last three years.",
    "Four berths are kept for the sailing club, whose young members have trained at a "
    "borrowed jetty since the spring and are now to get one of their own, the board said.",
    "The board's secretary said the new lamps would be fitted before the winter and the "
    "first boats could moor as soon as divers had checked the chains in March.",
]
TEXT = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def dated(content: str) -> tuple[str | None, str | None]:
    tree = load_html(content)
    found = page_date(tree, _visible_lines(tree), None, TODAY)
    return found.value, found.evidence


def test_a_short_line_opened_by_a_word_of_publication_labels_a_day_far_from_it() -> None:
    line = "Created late in the quiet afternoon of Sunday, October 18th, 2020."
    assert list(labelled_days(line, TODAY)) == [date(2020, 10, 18)]
    # in prose, the word still labels only a day within its reach
    prose = (
        "Created by a committee of four harbour masters, the plan dates from October 18th, 2020."
    )
    assert list(labelled_days(prose, TODAY)) == []
    page = (
        "<html><head><title>New berths</title></head><body><h1>The harbour draws lots for "
        f"its new berths</h1>{TEXT}<div>Share this page</div><div>Tags</div>"
        f"<div class='meta'>{line}</div><div>Edited on Monday, November 2nd, 2020.</div>"
        "</body></html>"
    )
    assert dated(page) == ("2020-10-18", "label")


def test_a_long_byline_line_is_read_by_its_first_piece() -> None:
    byline = (
        "By Ela on 31. October, 2023 | 18 Comments. This post may contain affiliate links, "
        "and as an associate of several shops the author earns from the purchases made "
        "through them, at no cost to you."
    )
    page = (
        "<html><head><title>Peanut truffles</title></head><body><div>Home » Desserts</div>"
        f"<h1>Peanut butter truffles for the winter</h1><p>{byline}</p>{TEXT}</body></html>"
    )
    assert dated(page) == ("2023-10-31", "headline")
    # a long line whose first piece is prose gives no day
    prose = byline.replace("By Ela on", "We made these again with the children on a day of")
    assert dated(page.replace(byline, prose)) == (None, None)


def test_a_breadcrumb_that_repeats_the_headline_is_read_as_a_dateline() -> None:
    title = '"We are rearranging the deck chairs on the Titanic"'
    page = (
        "<html><head><title>Future of work</title></head><body><div>Radio Nord</div>"
        "<div>Wednesday, 26.02.2020</div><div>LIVE</div>"
        f"<div><a>Home</a><a>Culture</a><span>{title}</span><span>01.05.2017</span></div>"
        f"<h1>The future of work{title}</h1>{TEXT}</body></html>"
    )
    # the breadcrumb's day, not the masthead's "today" above it
    assert dated(page) == ("2017-05-01", "headline")
    tree = load_html(page)
    line = next(line for line in _visible_lines(tree) if line.endswith("01.05.2017"))
    assert without_headline(line, "The future of work" + title) == "HomeCulture 01.05.2017"
    assert without_headline(line, "The harbour draws lots for its new berths") == ""


def test_of_two_days_on_a_dateline_the_earlier_is_the_publication() -> None:
    # a theme that prints when the page was modified, then when it was published
    line = "2018-08-29 14:15:57 2018-06-22 10:20:0022.06.2018 10:20"
    page = (
        "<html><head><title>Berths</title></head><body><div>Home</div><div>News</div>"
        f"<h1>The harbour draws lots for its new berths</h1><div>{line}</div>{TEXT}"
        "</body></html>"
    )
    assert dated(page) == ("2018-06-22", "headline")


def test_a_day_glued_to_its_words_above_a_text_far_below_the_headline_is_read() -> None:
    # the only heading is the site's name, over a long menu; the day sits on the line
    # above the text's first paragraph, glued to the words after it
    menu = "".join(f"<li><a href='/m{i}'>Service {i}</a></li>" for i in range(40))
    page = (
        "<html><head><title>Harbour Office</title></head><body><h1>Harbour Office</h1>"
        f"<ul>{menu}</ul><div>27.01.2022BerthINFO November 2021 (berths let)</div>{TEXT}"
        "</body></html>"
    )
    assert dated(page) == ("2022-01-27", "above")
    # searched only from a text that starts below the headline
    lines = ["Harbour Office", "27.01.2022", PARAGRAPHS[0], "The harbour draws lots"]
    far = FarDays(lines, TODAY, lambda day: True, False, lambda line: False)
    assert far.above_text(0) == date(2022, 1, 27)
    assert far.above_text(3) is None


def test_a_byline_alone_on_its_line_labels_the_day_below_it() -> None:
    page = (
        "<html><head><title>Berths</title></head><body>"
        f"<h1>The harbour draws lots for its new berths</h1>{TEXT}"
        "<h3>You may be interested in these too:</h3><p><a href='/a'>A storm on the coast</a>"
        "</p><p><a href='/b'>The ferry's new timetable</a></p><div>Topics</div>"
        "<div class='related-tags'><a href='/t'>Harbour</a></div>"
        "<div class='author'><div>by Ulrike</div><div>18.10.2019 16:06</div></div>"
        "</body></html>"
    )
    assert dated(page) == ("2019-10-18", "label")
    # a day below a line that is no byline alone stays unlabelled
    assert dated(page.replace("by Ulrike", "by the harbour board's press office")) == (None, None)


def test_a_count_glued_to_the_year_after_a_months_name_is_read_off() -> None:
    # "Interviews" + the site's name + the day + "0" comments, glued by the theme
    assert list(printed_days("Interviewsharbourfish7. Januar 20220", TODAY)) == [date(2022, 1, 7)]
    assert list(printed_days("November 6, 20231", TODAY)) == [date(2023, 11, 6)]
    # only at the end of the line, never a year with words after its digits
    assert list(printed_days("7. Januar 2022123 Kommentare", TODAY)) == []
    assert list(printed_days("Januar 7, 20221234", TODAY)) == []  # four digits: no count


def test_the_noun_aktualisierung_says_a_day_of_revision() -> None:
    line = "Letzte Aktualisierung: 28.01.2022"
    assert list(revised_days(line, TODAY)) == [date(2022, 1, 28)]
    assert list(printed_days(line, TODAY)) == []
    page = (
        "<html><head><title>Paxlovid</title></head><body>"
        f"<h1>A new medicine is approved</h1>{TEXT}<div>{line}</div><div>Autor*in</div>"
        "</body></html>"
    )
    assert dated(page) == ("2022-01-28", "updated")


def test_a_sentence_broken_over_short_lines_labels_its_day() -> None:
    about = (
        "<div>About this article</div><div>The harbour report was</div><div>19 May 2010</div>"
        "<div>at</div><div>23:03</div><div>posted and filed under News, Harbour.</div>"
    )
    page = (
        "<html><head><title>Berths</title></head><body>"
        f"<h1>The harbour draws lots for its new berths</h1>{TEXT}"
        "<div>Share</div><div>Print</div><div>Mail</div><div>Latest</div><div>Links</div>"
        f"{about}</body></html>"
    )
    assert dated(page) == ("2010-05-19", "label")
    # a weak label (a byline's "by Name") counts on one line only, never across lines
    teaser = "<div>Tides and storms</div><div>8 April, 2009</div><div>By Rule And Habit</div>"
    assert dated(page.replace(about, teaser))[1] != "label"


def test_a_year_cut_to_two_digits_after_an_apostrophe_is_read() -> None:
    assert list(printed_days("veröffentlicht am 14 Feb ’20 | Kategorien", TODAY)) == [
        date(2020, 2, 14)
    ]
    assert list(printed_days("Feb 14 '20", TODAY)) == [date(2020, 2, 14)]
    assert list(printed_days("Rock 'n' Roll, Feb '20", TODAY)) == []  # no day, no date
