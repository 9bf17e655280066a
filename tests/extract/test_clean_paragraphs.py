"""clean_paragraphs: the text-page furniture rules on an extracted body's paragraphs."""

from __future__ import annotations

from newsgraph.extract.html import extract_html
from newsgraph.extract.text import clean_paragraphs

TITLE = "Harbour Council Approves New Ferry Route"

STORY = [
    "The harbour council approved a new ferry route on Tuesday, linking the old port "
    "with the island villages for the first time in twenty years.",
    "Councillor Mira Okafor said the route would run twice a day from the spring and "
    "that fares would be set by the regional transport office.",
    "Opponents argued that the money should go to repairing the breakwater, which was "
    "damaged in the winter storms.",
    "The first boat is due to sail in April, weather permitting, the council said.",
]


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_banner_caption_repeated_headline_list_and_appeal_go() -> None:
    body = _body(
        "Enjoying ad-free content?",
        "Since March 1, 2023, we have disabled all ads to improve your reading experience.",
        STORY[0],
        "Harbour council approves new ferry route",
        "The new ferry at the old port quay in the morning fog",
        "Photo: Harbour Line Weekly / Ana Ruiz",
        *STORY[1:],
        "Related articles",
        "Breakwater repairs delayed again",
        "Island school gets a new roof",
        "… we have a small favor to ask. Our reporters cover the harbour every day and your "
        "support, no matter how small, keeps them there. Please support us monthly from just $2.",
    )
    assert clean_paragraphs(body, TITLE) == _body(*STORY)


def test_a_story_about_subscriptions_keeps_its_paragraphs() -> None:
    """A long paragraph only an appeal or sign-up rule flags stays inside the story."""
    middle = (
        "Readers who want the timetable can subscribe to the council's newsletter, which "
        "costs nothing, or pay $2 a month for an ad-free version of the transport app that "
        "also shows where each boat is."
    )
    body = _body(STORY[0], STORY[1], middle, STORY[2], STORY[3])
    assert clean_paragraphs(body, TITLE) == body


def test_list_items_and_table_rows_are_left_to_the_extractor() -> None:
    rows = [
        "| Stop | Departs |",
        "|---|---|",
        "| www.harbour.example | 08:00 |",
        "- Read more at the council office",
    ]
    body = _body(STORY[0], *rows, *STORY[1:])
    assert clean_paragraphs(body, TITLE) == body


def test_a_body_of_furniture_only_is_returned_whole() -> None:
    body = _body("Share this article", "Read more")
    assert clean_paragraphs(body, TITLE) == body


def test_html_page_of_plain_paragraphs_loses_its_banner() -> None:
    paragraphs = [
        "Enjoying ad-free content?",
        "Since March 1, 2023, we have disabled all ads to improve your reading experience.",
        "Support us",
    ]
    page = (
        f"<html><head><title>{TITLE}</title></head><body>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"<h1>{TITLE}</h1>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "<p>Your support, no matter how small, keeps our reporters at the harbour. "
        "Please support us monthly from just $2.</p></body></html>"
    )
    parts = extract_html(page)
    assert parts.body == _body(*STORY)
    assert "we have disabled all ads" in parts.furniture


def test_a_credit_sentence_stays_a_credit_line_goes() -> None:
    credit = "Reporter Lena Novak in the island villages contributed to this report."
    body = _body(*STORY, credit, "Reporting by Lena Novak; Editing by Tom Reyes")
    assert clean_paragraphs(body, TITLE) == _body(*STORY, credit)
