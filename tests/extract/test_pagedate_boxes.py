"""Publication dates, issue 14 seventh and eighth passes: a box of links set inside the
article's text, a headline found by a title shown whole, a month's name glued to a byline.
Every page and line here is written for the test.
"""

from __future__ import annotations

from datetime import date

from dated_pages import PARAGRAPHS, TODAY, dated
from trafilatura.utils import load_html

from newsgraph.extract.headline import headline_line
from newsgraph.extract.html import _visible_lines
from newsgraph.extract.printed_dates import printed_days


def article(box: str, author: str) -> str:
    first, *rest = (f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Hafen vergibt neue Liegeplätze</title></head><body>"
        "<article><h1>Hafen vergibt neue Liegeplätze</h1>"
        f"{first}{box}{''.join(rest)}{author}</article></body></html>"
    )


AUTHOR = "<div class='author'><p>Text: Ann Lee</p><p>14.03.2022, 09:15</p></div>"


def test_a_read_also_box_inside_the_text_does_not_end_it() -> None:
    box = (
        "<aside><h4>Lesen Sie auch</h4><p>14.03.2021</p>"
        "<p><a href='/alt'>Der alte Steg wird abgerissen</a></p></aside>"
    )
    # the author block after the text's last paragraph, not the teaser's day
    assert dated(article(box, AUTHOR)) == ("2022-03-14", "after")
    # a heading over links that no paragraph follows still ends the text
    links = (
        "<h4>Lesen Sie auch</h4><p>14.03.2021</p>"
        "<p><a href='/alt'>Der alte Steg wird abgerissen</a></p>"
    )
    ended = (
        "<html><head><title>Hafen vergibt neue Liegeplätze</title></head><body>"
        "<article><h1>Hafen vergibt neue Liegeplätze</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f"{links}{AUTHOR}</article></body></html>"
    )
    assert dated(ended) == (None, None)


def test_a_title_shown_whole_is_the_headline_before_a_part_of_a_title() -> None:
    # no <h1>: "<title> - Site" and an og:title without the site's name; the site's name
    # is shown in the footer, the og:title over the article
    headline = "Winterspaziergang – mit dem Hund im Schnee"
    content = (
        f"<html><head><title>{headline} - Hundeschule Nord</title>"
        f"<meta property='og:title' content='{headline}'></head><body>"
        f"<div class='title'>{headline}</div><div>27.01.2022</div>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<footer><div>Hundeschule Nord</div><div>Impressum</div></footer></body></html>"
    )
    tree = load_html(content)
    visible = _visible_lines(tree)
    assert headline_line(tree, visible) == visible.index(headline)
    assert dated(content) == ("2022-01-27", "headline")


def test_a_months_name_glued_to_a_bylines_name_is_read() -> None:
    assert list(printed_days("Ann LeeNovember 6, 2023", TODAY)) == [date(2023, 11, 6)]
    assert list(printed_days("remember 6, 2023", TODAY)) == []  # no month inside a word
