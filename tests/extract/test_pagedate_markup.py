"""Publication dates, issue 14 ninth pass: markup that states a day the page does not show.
A generic date tag's day printed nowhere gives way to a tag's day the page prints; a later
page of a forum's thread is dated by its first post shown, not by the thread's first post.
Every page and line here is written for the test.
"""

from __future__ import annotations

from datetime import date

from dated_pages import PARAGRAPHS, dated
from trafilatura.utils import load_html

from newsgraph.extract.page_markup import is_thread, modified_stamps

RECIPE_TEXT = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def recipe(metas: str, shown: str) -> str:
    return (
        f"<html><head><title>Apfelkuchen vom Blech</title>{metas}</head><body>"
        f"<div class='recipe'><h1>Apfelkuchen vom Blech</h1>{RECIPE_TEXT}"
        f"<div class='stamp'>{shown}</div></div></body></html>"
    )


def test_a_generic_tag_day_printed_nowhere_gives_way_to_a_tag_day_printed() -> None:
    metas = (
        "<meta name='uploadDate' content='2017-10-01'>"
        "<meta name='dateCreated' content='2004-01-01'>"
        "<meta name='dateModified' content='2019-06-13'>"
    )
    # the page shows the day it was last changed, not the day its file was stored
    assert dated(recipe(metas, "13.06.2019")) == ("2019-06-13", "markup")
    # a page that shows none of them keeps the first generic tag's day
    assert dated(recipe(metas, "Guten Appetit!")) == ("2017-10-01", "markup")
    # a generic tag's day that the page shows is kept before any other
    assert dated(recipe(metas, "01.10.2017 · 13.06.2019")) == ("2017-10-01", "markup")


TOOLBAR = (
    "Antworten", "Zitieren", "Melden", "Danke: 64", "Seite 7 von 12", "Erste", "Zurück",
    "Weiter", "Letzte", "Thema abonnieren", "Druckansicht", "Suchen", "Bewerten", "Ansicht",
)  # fmt: skip


def thread(posts: list[tuple[str, str]]) -> str:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "DiscussionForumPosting", "headline": "Neue Liegeplätze am Fischmarkt", '
        '"datePublished": "2011-02-21T17:47:28+01:00"}</script>'
    )
    body = "".join(
        f"<div class='post'><div class='postdate'>{day}</div><p>{text}</p></div>"
        for day, text in posts
    )
    # a forum's bar of buttons and counts between the thread's title and its posts
    bar = "".join(f"<div>{w}</div>" for w in TOOLBAR)
    return (
        f"<html><head><title>Neue Liegeplätze am Fischmarkt - Seite 7</title>{ld}</head>"
        f"<body><h1>Neue Liegeplätze am Fischmarkt</h1>{bar}{body}</body></html>"
    )


def test_a_later_page_of_a_forum_thread_is_dated_by_its_first_post_shown() -> None:
    posts = [("03.03.2011, 14:17", PARAGRAPHS[0]), ("03.03.2011, 15:02", PARAGRAPHS[1])]
    assert dated(thread(posts)) == ("2011-03-03", "below")
    # the thread's first page shows its opening post: the markup's day stands
    first = [("21.02.2011, 17:47", PARAGRAPHS[0]), ("22.02.2011, 09:10", PARAGRAPHS[1])]
    assert dated(thread(first)) == ("2011-02-21", "published")


def test_an_article_whose_published_day_is_printed_nowhere_is_not_a_thread() -> None:
    # the same page as an article: a day below it is not taken over its markup
    page = thread([("03.03.2011, 14:17", PARAGRAPHS[0])]).replace(
        "DiscussionForumPosting", "NewsArticle"
    )
    assert dated(page) == ("2011-02-21", "published")


def test_modified_stamps_and_threads_read_from_markup() -> None:
    tree = load_html(
        "<html><head><meta property='article:modified_time' content='2020-03-12T10:00:00Z'>"
        '<script type="application/ld+json">{"@type": "BlogPosting", '
        '"datePublished": "2019-10-15", "dateModified": "2020-03-11"}</script></head>'
        "<body><p>Text</p><span itemprop='dateModified'>2020-03-10</span></body></html>"
    )
    days = [s.day for s in modified_stamps(tree)]
    assert days == [date(2020, 3, 11), date(2020, 3, 12), date(2020, 3, 10)]
    assert not is_thread(tree)


def republished(metas: str, shown: str = "") -> str:
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "So finden Sie einen Liegeplatz", '
        '"datePublished": "2020-01-10T16:50:00+00:00", '
        '"dateModified": "2023-01-01T13:11:58+00:00"}</script>'
    )
    return (
        f"<html><head><title>So finden Sie einen Liegeplatz</title>{ld}{metas}</head>"
        f"<body><h1>So finden Sie einen Liegeplatz</h1>{RECIPE_TEXT}"
        f"<footer>{shown}</footer></body></html>"
    )


def test_a_later_generic_tag_beats_a_published_day_printed_nowhere() -> None:
    later = "<meta name='date' content='2023-01-01T14:11:58+01:00'>"
    # a piece published again: its generic tag is kept up to date, its first statement not
    assert dated(republished(later)) == ("2023-01-01", "markup")
    # without the tag, or when the page prints the published day, the statement stands
    assert dated(republished("")) == ("2020-01-10", "published")
    assert dated(republished(later, "10.01.2020")) == ("2020-01-10", "published")
    # an earlier generic tag (the day a draft was begun) never beats it
    earlier = "<meta name='date' content='2019-12-20'>"
    assert dated(republished(earlier)) == ("2020-01-10", "published")
