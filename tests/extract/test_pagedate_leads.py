"""Publication dates, issue 14 fifth pass: rules checked on two halves of the train pages
and on a proxy of unseen pages (the train pages with their markup and address hidden,
so that only the visible text can date them).  Every page and line here is written for
the test.
"""

from __future__ import annotations

from datetime import date

import pytest
from trafilatura.utils import load_html

from newsgraph.extract import extract_page
from newsgraph.extract.headline import headline_line
from newsgraph.extract.html import _visible_lines
from newsgraph.extract.pagedate import NO_DATE, page_date
from newsgraph.extract.printed_dates import labelled_days, leading_days
from newsgraph.records import Page, PageMeta
from newsgraph.settings import Settings

TODAY = date(2026, 12, 31)
LEAD = (
    "Der Hafenrat hat am Montag beschlossen, die neuen Liegeplätze am alten Fischmarkt zu "
    "verlosen, nachdem sich in den letzten drei Jahren mehr als sechzig Eigner darum beworben haben."
)
PROSE = "".join(
    f"<p>{p}</p>"
    for p in (
        "Vier Plätze bleiben dem Segelclub vorbehalten, dessen junge Mitglieder seit dem Frühjahr "
        "an einem geliehenen Steg trainieren und nun endlich einen eigenen bekommen sollen.",
        "Der Sekretär des Rates sagte, die neuen Lampen würden vor dem Winter angebracht und die "
        "ersten Boote könnten festmachen, sobald die Taucher die Ketten im März geprüft hätten.",
    )
)


# A generic date tag, which may hold a modification day: weaker than a day the page prints.
TAG = '<meta name="date" content="2024-02-10">'


# Lines of a site's menu after the article: a footer below them is far from the headline.
MENU = "<nav>" + "".join(f"<p>Hafenbezirk {n}</p>" for n in range(1, 16)) + "</nav>"


def page(below: str = "", after: str = "", head: str = TAG) -> str:
    return (
        f"<html><head><title>Hafen vergibt neue Liegeplätze</title>{head}</head><body>"
        "<header><a href='/'>Start</a></header><article><h1>Hafen vergibt neue Liegeplätze</h1>"
        f"{below}{PROSE}</article>{after}</body></html>"
    )


def dated(content: str) -> tuple[str | None, str | None]:
    result = extract_page(Page("mem://p.html", content, "html", meta=PageMeta()), Settings())
    return result.published, result.published_source


def test_a_lead_paragraph_that_opens_with_its_day_dates_the_page() -> None:
    assert dated(page(below=f"<p>27.1.2022 - {LEAD}</p>")) == ("2022-01-27", "text")
    assert dated(page(below=f"<p>(18.01.2018) {LEAD}</p>")) == ("2018-01-18", "text")
    # ... a day further into the lead is one it tells of, not its own.
    told = LEAD.replace("am Montag", "am 24. Januar 2022")
    assert dated(page(below=f"<p>{told}</p>")) == ("2024-02-10", "metadata")


@pytest.mark.parametrize(
    "line",
    [
        "Geschrieben von Ann Lee am 25.08.2015 22:30",
        "Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Ann verfasst",
        "Eingetragen am 25. August 2015 vom Redaktionsteam",
        "Veröffentlichung: 25.08.2015",
        "Erstellt: 25.08.2015",
        "Created on August 25, 2015",
        "Mis en ligne le 25 août 2015",
    ],
)
def test_more_words_of_publication_label_a_day(line: str) -> None:
    assert len(list(labelled_days(line, TODAY))) == 1


def test_a_labelled_day_anywhere_on_the_page_dates_it() -> None:
    footer = "<footer><p>Eingetragen am 25.08.2015 22:30 (1599 x gelesen)</p></footer>"
    assert dated(page(after=MENU + footer)) == ("2015-08-25", "text")


def test_a_bylines_name_labels_a_day_on_a_short_line_only() -> None:
    assert list(labelled_days("Von Ann Lee | Oct 24, 2023 | Sport", TODAY)) == [date(2023, 10, 24)]
    assert list(labelled_days("jeudi 13 juin 2019, par Attac France", TODAY)) == [date(2019, 6, 13)]
    # "by" before a word that names no one, or in a teaser's prose, labels nothing.
    assert list(labelled_days("Sales to rise by 3% on 24.10.2023", TODAY)) == []
    teaser = (
        "01.09.2021 Wer die kostenpflichtige Version von Strava nutzt, kennt wahrscheinlich die "
        "Sicherheitsfunktionen der App."
    )
    assert list(labelled_days(teaser, TODAY)) == []


def test_a_byline_far_from_the_headline_dates_the_page() -> None:
    footer = "<footer><p>Von Ann Lee | 24. Oktober 2023 | Hafen</p></footer>"
    assert dated(page(after=MENU + footer)) == ("2023-10-24", "text")
    # ... and a day far below the headline that nothing labels does not.
    plain = "<footer><p>Hafen | 24. Oktober 2023</p></footer>"
    assert dated(page(after=MENU + plain)) == ("2024-02-10", "metadata")


@pytest.mark.parametrize(
    "line",
    [
        "Submitted by admin on 25 August 2015",
        "Gespeichert von ann am 25. August 2015 - 18:55",
        "Autor: ann am 25.08.2015, 13:36 Uhr",
    ],
)
def test_a_cms_submitted_line_and_an_author_label_a_day(line: str) -> None:
    assert list(labelled_days(line, TODAY)) == [date(2015, 8, 25)]


# A gallery's captions and share buttons between the headline and the article's text.
GALLERY = "".join(f"<p>Bild {n} von 18</p>" for n in range(1, 19))


def test_a_dateline_far_below_the_headline_above_the_text_dates_the_page() -> None:
    below = f"{GALLERY}<p class='meta'>16.12.2019, 10:30</p><p>{LEAD}</p>"
    assert dated(page(below=below, head="")) == ("2019-12-16", "text")
    # ... after a generic date tag, which stays first,
    assert dated(page(below=below)) == ("2024-02-10", "metadata")
    # ... and never past the article's first paragraphs (a comment's day, a teaser's).
    more = (
        "<p>Im nächsten Jahr will der Rat auch die Slipanlage erneuern lassen, für die der "
        "Kreis einen Zuschuss zugesagt hat, sobald die Pläne des Ingenieurbüros aus der "
        "Stadt vorliegen und geprüft sind.</p>"
    )
    teaser = (
        "<p>Der Hafenverein lädt am Wochenende zum Tag der offenen Tür ein, mit Führungen über "
        "die neuen Stege, einer Ausstellung alter Fotografien und Musik der Blaskapelle aus dem "
        "Nachbarort.</p>"
    )  # (just after the text's last paragraph, it is the ``after`` day of an author block)
    deep = f"<p>{LEAD}</p>{PROSE}{more}<p>16.12.2019, 10:30</p>{teaser}"
    tree = load_html(page(below=GALLERY + deep, head=""))
    assert page_date(tree, _visible_lines(tree), None, TODAY) == NO_DATE


def test_leading_days_are_printed_whole_near_the_start_of_a_line() -> None:
    assert list(leading_days("Red. / 31.10.2023 Die ehemalige Kolonie", TODAY)) == [
        date(2023, 10, 31)
    ]
    # A day further in is one the sentence tells of; one cut by the reach is not read short.
    assert list(leading_days("Mit der am 15. Januar 2022 in Kraft getretenen", TODAY)) == []
    assert list(leading_days("Sitzung des Rats am 12.03.2019", TODAY, reach=24)) == []


def test_a_line_by_the_headline_that_opens_with_its_day_and_runs_on() -> None:
    # Longer than a dateline, shorter than a paragraph: a theme's meta line.
    meta = "Dezember 10, 2019 · von ann · in Allgemein · Hinterlasse einen Kommentar zum Beitrag"
    assert dated(page(below=f"<p>{meta}</p>")) == ("2019-12-10", "text")


@pytest.mark.parametrize(
    "line",
    [
        "Erscheinungsdatum: 25.08.2015",
        "Date de publication 25 août 2015",
        "Veröffentlichungsdatum 25.08.2015",
    ],
)
def test_a_publication_date_label_labels_a_day(line: str) -> None:
    assert list(labelled_days(line, TODAY)) == [date(2015, 8, 25)]


def test_a_headline_under_its_kicker_is_found_and_dated() -> None:
    content = page(below="<p>Ann Lee, 20.04.2020</p>").replace(
        "<h1>Hafen vergibt neue Liegeplätze</h1>",
        "<h1><span>Nach langem Warten</span><br><span>Hafenrat verlost die Liegeplätze</span></h1>",
    )
    assert dated(content) == ("2020-04-20", "text")
    tree = load_html(content)
    visible = _visible_lines(tree)
    at = headline_line(tree, visible)
    assert at is not None and visible[at] == "Hafenrat verlost die Liegeplätze"
