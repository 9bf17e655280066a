"""Language of a body (py3langid), and the note a non-English article gets."""

from __future__ import annotations

import pytest

from newsgraph.extract import extract_page
from newsgraph.extract.language import coded_languages, detect_language, language_note
from newsgraph.records import Article, Page
from newsgraph.settings import Settings

BODIES = {
    "en": "The foreign ministry said on Thursday that talks with its neighbours over the disputed "
    "border crossing would resume next week, after a month in which both sides accused each other "
    "of moving troops closer to the frontier.",
    "fr": "Le ministère des Affaires étrangères a annoncé jeudi que les négociations avec les pays "
    "voisins sur le poste-frontière contesté reprendraient la semaine prochaine, après un mois de "
    "tensions entre les deux camps.",
    "ru": "Министерство иностранных дел в четверг сообщило, что переговоры с соседними странами о "
    "спорном пограничном переходе возобновятся на следующей неделе после месяца взаимных обвинений.",
    "de": "Das Außenministerium teilte am Donnerstag mit, dass die Gespräche mit den Nachbarländern "
    "über den umstrittenen Grenzübergang in der kommenden Woche fortgesetzt werden, nachdem sich "
    "beide Seiten einen Monat lang gegenseitig Vorwürfe gemacht hatten.",
}


@pytest.mark.parametrize("code", sorted(BODIES))
def test_detects_the_language_of_a_body(code: str) -> None:
    found = detect_language(BODIES[code])
    assert found is not None
    assert found.code == code
    assert found.confidence > 0.9


def test_short_text_gets_a_guess_and_no_letters_gets_none() -> None:
    guess = detect_language("ok")
    assert guess is not None and 0.0 <= guess.confidence <= 1.0
    assert detect_language("12 345 — 67") is None


def test_language_note() -> None:
    english_only = coded_languages("en")
    assert language_note("fr", english_only) == "not English (fr): stored, not coded"
    assert language_note("en", english_only) is None
    assert language_note(None, english_only) is None
    both = coded_languages(" en, FR ")
    assert both == frozenset({"en", "fr"})
    assert language_note("fr", both) is None
    assert "(ru;" in (language_note("ru", both) or "")


@pytest.mark.parametrize("code", ["fr", "ru", "de"])
def test_non_english_page_is_an_article_with_a_note(code: str) -> None:
    page = Page(location=f"mem://{code}", content=BODIES[code] * 2, content_type="text")
    article = extract_page(page, Settings())
    assert isinstance(article, Article)
    assert article.language == code
    assert not article.is_english
    assert article.note == f"not English ({code}): stored, not coded"


def test_english_page_has_no_note() -> None:
    page = Page(location="mem://en", content=BODIES["en"] * 2, content_type="text")
    article = extract_page(page, Settings())
    assert isinstance(article, Article)
    assert article.language == "en" and article.is_english and article.note is None
