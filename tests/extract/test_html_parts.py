"""The pieces of HTML extraction: author and title clean-up, repairs, dates not guessed."""

from __future__ import annotations

import pytest

from newsgraph.errors import ExtractionError
from newsgraph.extract.html import NO_BODY, clean_author, clean_title, extract_html

PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "The harbour authority said on Tuesday that it would close the northern quay for repairs "
        "after inspectors found cracks in the concrete supports beneath the main crane rails.",
        "Shipping lines were told to divert container vessels to the southern terminal, which has "
        "spare capacity during the winter months, according to a notice sent to agents.",
        "The repairs are expected to take about six weeks and will cost roughly four million "
        "dollars, to be paid from the authority's maintenance reserve, officials said.",
    )
)


def page(head: str = "", body: str = PARAGRAPHS, before: str = "", after: str = "") -> str:
    return (
        f"<html><head><title>Quay closed for repairs</title>{head}</head><body>{before}"
        f"<article><h1>Quay closed for repairs</h1>{body}</article>{after}</body></html>"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Reuters; Feb", "Reuters"),
        ("By Jane Smith", "Jane Smith"),
        ("Sam Whitfield; Local Democracy Reporter", "Sam Whitfield"),
        ("Priya Raman · Published", "Priya Raman"),
        ("Rebecca Tran and Omar Siddiqui", "Rebecca Tran; Omar Siddiqui"),
        ("Staff; 12 Feb 2018", None),
        ("", None),
        (None, None),
    ],
)
def test_clean_author(raw: str | None, expected: str | None) -> None:
    assert clean_author(raw) == expected


def test_clean_title_drops_the_site_name_part() -> None:
    visible = ["The Valley Courier", "Dam project wins approval"]
    assert (
        clean_title(None, "The Valley Courier :: Dam project wins approval", visible)
        == "Dam project wins approval"
    )
    # A headline that really holds a dash and stands on the page is kept whole.
    headline = "Turkey May Close Syrian Border at Russia's Request – Reports"
    assert clean_title(headline, headline, [headline]) == headline
    # Not on the page: the longest part wins over the short site name.
    assert clean_title("Rates rise again | Markets Daily", "", []) == "Rates rise again"
    assert clean_title(None, "", []) is None


def test_a_date_told_of_in_the_article_is_not_its_date() -> None:
    dated = page(head='<meta property="article:published_time" content="2019-05-06T10:00:00Z">')
    assert extract_html(dated).published == "2019-05-06"
    # A date written in a sentence of the article is not the page's date.
    text_dated = page(
        body=PARAGRAPHS + "<p>The quay was last repaired on March 3, 2011, officials said.</p>"
    )
    assert extract_html(text_dated).published is None


def test_comment_times_are_not_the_article_date() -> None:
    comments = (
        '<div id="comments" class="comments-area"><ol class="comment-list"><li class="comment">'
        '<time datetime="2021-02-03T10:00:00Z">February 3, 2021</time>'
        "<p>About time they fixed it, the cracks have been there for years.</p></li></ol></div>"
    )
    parts = extract_html(page(after=comments))
    assert parts.published is None
    assert "About time they fixed it" not in parts.body
    assert "About time they fixed it" in parts.furniture


def test_mismatched_heading_does_not_swallow_the_article() -> None:
    broken = (
        "<html><body><h1>Quay closed for repairs</h2><div class='meta'>By Ann Lee"
        f"<div class='text'>{PARAGRAPHS}</div></body></html>"
    )
    parts = extract_html(broken)
    assert parts.title == "Quay closed for repairs"
    assert "cracks in the concrete supports" in parts.body
    assert "four million dollars" in parts.body


def test_layout_table_becomes_blocks() -> None:
    table = (
        "<html><body><table><tr><td>Menu<br>Home<br>Sports</td>"
        f"<td><table><tr><td><b>Quay closed</b>{PARAGRAPHS}</td></tr></table></td></tr></table></body></html>"
    )
    parts = extract_html(table)
    assert "|" not in parts.body
    assert parts.body.count("\n\n") >= 2


def test_data_table_inside_an_article_stays_a_table() -> None:
    data = "<table><tr><th>Quay</th><th>Weeks</th></tr><tr><td>North</td><td>6</td></tr></table>"
    parts = extract_html(page(body=PARAGRAPHS + data))
    assert "North" in parts.body


def test_link_only_paragraphs_are_furniture() -> None:
    links = '<p><a href="/print">Print this story</a> | <a href="/mail">E-mail it</a></p>'
    parts = extract_html(page(body=PARAGRAPHS + links))
    assert "Print this story" not in parts.body
    assert "Print this story" in parts.furniture


def test_wrapper_with_a_furniture_class_is_not_pruned() -> None:
    html = (
        '<html><body><h1>Quay closed for repairs</h1><div class="story has-share-bar">'
        f'{PARAGRAPHS}</div><div class="share-bar"><a href="#">Share on Facebook</a></div></body></html>'
    )
    parts = extract_html(html)
    assert "cracks in the concrete supports" in parts.body
    assert "Share on Facebook" not in parts.body


def test_commentary_article_is_not_pruned_as_comments() -> None:
    html = page().replace("<article>", '<article class="commentary-body">')
    assert "cracks in the concrete supports" in extract_html(html).body


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>var a = 1;</script></head><body><script>render()</script></body></html>",
        "<html><body><div><img src='a.png'></div></body></html>",
        "",
    ],
)
def test_no_readable_body_raises(html: str) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_html(html)
    assert info.value.reason == NO_BODY


def test_html_furniture_data_file_is_valid() -> None:
    from newsgraph.extract.html import furniture_words

    stems, words, exceptions = furniture_words()
    assert "comment" in stems and "ad" in words and "commentary" in exceptions
    assert all(s == s.strip().lower() and s for s in (*stems, *words, *exceptions))
    # every exception would otherwise be caught by a stem: it is there for a reason
    assert all(any(stem in e for stem in stems) for e in exceptions)
