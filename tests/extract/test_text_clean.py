"""clean_text on small invented pages: one behaviour of the classifier per test."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.extract.furniture import body_span, classify, split_blocks
from newsgraph.extract.furniture_rules import load_model, match_line
from newsgraph.extract.text import CleanText, clean_text

P1 = (
    "Armenia and Azerbaijan resumed talks on demarcating their shared border on Friday, "
    "the foreign ministries of both countries said in a joint statement."
)
P2 = "The border commissions met in a village on the frontier and agreed to continue work next month."
P3 = (
    "Officials in Yerevan welcomed the meeting as a sign of progress, while opposition lawmakers "
    "accused the government of conceding territory without a peace deal in place."
)
P4 = "Baku said the talks had been constructive and that it expected a final agreement within the year."
TITLE = "Armenia and Azerbaijan resume border talks"


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def test_clean_text_is_a_frozen_record() -> None:
    result = clean_text(page(TITLE, P1, P2))
    assert isinstance(result, CleanText)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.body = "x"  # type: ignore[misc]


def test_empty_and_tiny_pages() -> None:
    assert clean_text("") == CleanText(body="", title=None, furniture="", outlet=None)
    assert clean_text("Just one line").body == "Just one line"


def test_plain_article_is_kept_whole_and_headline_split_off() -> None:
    result = clean_text(page(TITLE, P1, P2, P3, P4))
    assert result.title == TITLE
    assert result.body == "\n\n".join([P1, P2, P3, P4])
    assert result.furniture == ""


def test_page_without_headline_has_no_title() -> None:
    result = clean_text(page(P1, P2))
    assert result.title is None
    assert result.body == page(P1, P2)


def test_comment_marker_after_the_article_drops_everything_below() -> None:
    comment = (
        "I have been saying for years that these talks would go nowhere, and here we are again."
    )
    result = clean_text(
        page(TITLE, P1, P2, P3, "Join the discussion", "border_watcher", comment, "Reply")
    )
    assert P3 in result.body
    assert "border_watcher" not in result.body and comment not in result.body
    assert comment in result.furniture


def test_comment_count_above_the_article_does_not_cut_it() -> None:
    result = clean_text(page("3 comments", TITLE, P1, P2, P3))
    assert result.title == TITLE
    assert all(p in result.body for p in (P1, P2, P3))
    assert "3 comments" in result.furniture


def test_related_box_in_the_middle_keeps_the_rest_of_the_article() -> None:
    result = clean_text(
        page(
            TITLE,
            P1,
            P2,
            "Related stories\nTurkey and Iraq agree on water release\nSerbia recalls envoy",
            P3,
            P4,
        )
    )
    assert P3 in result.body and P4 in result.body
    assert "Serbia recalls envoy" not in result.body


def test_list_after_the_article_is_dropped_even_with_teasers() -> None:
    teaser = "Officials in both capitals say the talks will take months."
    result = clean_text(
        page(TITLE, P1, P2, P3, "You might also like", "Georgia drops bill", teaser)
    )
    assert teaser not in result.body


def test_repeated_headline_and_photo_credit_are_dropped() -> None:
    result = clean_text(page(TITLE, P1, TITLE, "Photo: Jane Doe / AFP", P2, P3))
    assert result.title == TITLE
    assert TITLE not in result.body
    assert "Photo:" not in result.body and P1 in result.body and P2 in result.body


def test_caption_next_to_its_credit_is_dropped() -> None:
    caption = "Delegates arrive at the venue in the border village."
    result = clean_text(page(TITLE, f"{caption}\nImage: Staff photographer", P1, P2, P3))
    assert caption not in result.body
    assert caption in result.furniture


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    wrapped = (
        "Armenia and Azerbaijan resumed talks on demarcating their shared\n"
        "border on Friday after the foreign ministers met in Geneva with\n"
        "Swiss mediators, both countries said in a joint statement."
    )
    joined = (
        "Armenia and Azerbaijan resumed talks on demarcating their shared border on Friday "
        "after the foreign ministers met in Geneva with Swiss mediators, both countries said "
        "in a joint statement."
    )
    assert list(split_blocks(wrapped, load_model().wrap_joiners)) == [(0, joined)]


def test_lines_of_one_block_stay_apart_when_they_are_sentences() -> None:
    assert [line for _, line in split_blocks(f"{P1}\n{P2}")] == [P1, P2]


def test_appeal_at_the_end_is_dropped() -> None:
    appeal = (
        "Before you go: independent journalism needs your support. Please consider "
        "making a donation today, from just $3 a month."
    )
    result = clean_text(page(TITLE, P1, P2, P3, appeal, "Donate"))
    assert appeal not in result.body and appeal in result.furniture


def test_site_suffix_is_stripped_from_headline_when_it_names_the_outlet() -> None:
    result = clean_text(
        page(f"{TITLE} | Press TV", P1, P2, P3, "Press TV’s website can also be accessed at:")
    )
    assert result.title == TITLE
    assert result.outlet == "Press TV"


def test_outlet_from_a_domain_line() -> None:
    assert (
        clean_text(page(TITLE, P1, P2, P3, "www.themoscowtimes.com")).outlet == "The Moscow Times"
    )


def test_outlet_is_not_read_from_the_article_or_captions() -> None:
    body = "Turkey's foreign minister said on Monday the talks would resume, Reuters reported."
    result = clean_text(page(TITLE, "Photo: Reuters / Jane Doe", body, P2, P3))
    assert result.outlet is None


def test_unlisted_outlet_is_not_invented() -> None:
    result = clean_text(
        page("Support The Kestrel Courier!", TITLE, P1, P2, P3, "© 2024 The Kestrel Courier")
    )
    assert result.outlet is None
    assert result.title == TITLE


@pytest.mark.parametrize(
    "sentence",
    [
        "By Tuesday, the army had pushed the rebels out of the provincial capital.",
        "He resigned a year ago.",
        "The deal covers trade and energy for both countries and runs until 2030.",
        "Voters must register by Friday to get ballots for the run-off.",
        "Diplomats will follow the talks on Monday from a hotel in Geneva.",
        "The terms and conditions of the loan were not made public.",
        "The minister is a former journalist who covered the war for state television.",
        "Ministers will join a briefing on the crisis later on Thursday.",
        "Countries that subscribe to the treaty must report their stockpiles every year.",
        "The company's privacy policy has been criticised by regulators in Brussels.",
        '"We thank you for your support," the president told the crowd in Ankara.',
        "Turkey has said it will support the resolution at the United Nations.",
        "Share prices in Istanbul fell 4 percent after the announcement.",
        "Donations from Gulf states have funded the reconstruction of the port.",
        "Iran is seen as a key player in the region by many analysts.",
        "Related talks in Vienna were postponed until next week, the agency reported.",
        "Comment from the defence ministry was not immediately available.",
        "Copyright disputes between the two companies have dragged on for years.",
        "Print media in the country face growing pressure from the authorities.",
    ],
)
def test_news_sentences_with_furniture_words_are_not_furniture(sentence: str) -> None:
    model = load_model()
    found = match_line(sentence, model)
    assert found.weight < model.threshold, found.names
    assert found.role is None


def test_body_span_is_the_densest_run_of_prose() -> None:
    model = load_model()
    text = page(
        "Menu", "Search", TITLE, P1, P2, "Advertisement", P3, "Tags: Armenia", "Most read", "A", "B"
    )
    lines = classify(text, model)
    span = body_span(lines, model.features)
    assert span is not None
    first, last = span
    assert lines[first].text == P1 and lines[last].text == P3
