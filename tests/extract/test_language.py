"""Language of a body (py3langid), and the note a non-English article gets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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


def test_a_long_body_is_judged_on_its_opening_when_that_is_sure() -> None:
    from newsgraph.extract.language import _identifier

    body = " ".join([BODIES["en"]] * 8 + [BODIES["fr"]] * 20)
    assert len(body) > 3000
    found = detect_language(body)
    assert found is not None and found.code == "en"
    # an opening that says little (names, numbers) falls back to the longer sample
    unsure = "Zagreb 12 Split 4 Rijeka 9 Osijek 3 Zadar 7 " * 14 + " ".join([BODIES["fr"]] * 20)
    code, _ = _identifier().classify(unsure[:5000])
    guess = detect_language(unsure)
    assert guess is not None and guess.code == code == "fr"


def test_english_fast_path_fires_on_english_only() -> None:
    from newsgraph.extract.language import fast_path

    rule = fast_path()
    assert rule.holds(" ".join([BODIES["en"]] * 3))
    for code in ("fr", "de", "ru"):
        assert not rule.holds(" ".join([BODIES[code]] * 4)), code
    # a French report quoting one English sentence is left to the model
    quoting = BODIES["fr"] + ' "We will not accept this," the minister said. ' + BODIES["fr"]
    assert not rule.holds(quoting)
    assert not rule.holds("the of and that for with by it")  # too few words to judge


def test_fast_path_agrees_with_the_model_on_every_fixture_page() -> None:
    from newsgraph.extract.language import _identifier, fast_path
    from newsgraph.sources import iter_pages

    root = Path(__file__).resolve().parents[2]
    settings = Settings()
    checked = 0
    for page in iter_pages([root / "tests/data", root / "examples/seeds"], settings):
        article = extract_page(page, settings)
        if isinstance(article, Article) and fast_path().holds(article.body):
            assert _identifier().classify(article.body[:5000])[0] == "en", page.location
            checked += 1
    assert checked >= 20


def test_language_data_file_is_validated(tmp_path: Path) -> None:
    from newsgraph.errors import DataFileError
    from newsgraph.extract.language import data_path, parse_fast_path

    data = yaml.safe_load(data_path().read_text(encoding="utf-8"))
    assert parse_fast_path(data, data_path()).min_words > 0
    broken = {"english_fast_path": {**data["english_fast_path"], "min_share": "high"}}
    with pytest.raises(DataFileError, match="min_share"):
        parse_fast_path(broken, tmp_path / "language.yaml")
    with pytest.raises(DataFileError, match="function_words"):
        parse_fast_path(
            {"english_fast_path": {**data["english_fast_path"], "function_words": ""}}, tmp_path
        )
