"""``extract_page`` (the stage) and ``extract`` (one document): failures, precedence, inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ExtractionError, PageError, SourceError
from newsgraph.extract import extract, extract_page
from newsgraph.records import Article, Failure, Page, PageMeta
from newsgraph.settings import Settings

HTML_DIR = Path(__file__).resolve().parents[1] / "data" / "html"
SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SETTINGS = Settings()

ARTICLE_HTML = """<html><head>
<title>Dockers strike over pay | Harbour Weekly</title>
<meta property="og:site_name" content="Harbour Weekly">
<meta property="article:published_time" content="2021-06-14T09:00:00Z">
<meta name="author" content="Marta Garrido">
</head><body><nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
<article><h1>Dockers strike over pay</h1>
<p>Dockworkers at the container terminal walked out on Monday morning after talks with the port
operator on a new wage agreement collapsed late on Sunday night, union leaders said.</p>
<p>More than forty ships were waiting at anchor by the evening, and exporters of fruit warned that
the stoppage came at the peak of the harvest season, when every day of delay costs money.</p>
<p>The operator said it remained open to talks and called on the union to return to work while a
mediator appointed by the labour ministry examines both sides' proposals.</p>
</article><footer>Copyright Harbour Weekly</footer></body></html>"""


def html_page(content: str = ARTICLE_HTML, meta: PageMeta | None = None) -> Page:
    return Page(
        location="mem://page.html", content=content, content_type="html", meta=meta or PageMeta()
    )


def test_page_with_error_is_a_failure_with_its_reason() -> None:
    page = Page(
        location="a.txt",
        content="",
        content_type="text",
        error="cannot read file: Permission denied",
    )
    assert extract_page(page, SETTINGS) == Failure("a.txt", "cannot read file: Permission denied")


def test_script_only_html_is_a_failure() -> None:
    page = html_page(
        "<html><head><script>var x = 1;</script></head><body><script>app()</script></body></html>"
    )
    result = extract_page(page, SETTINGS)
    assert result == Failure("mem://page.html", "no article text found (HTML has no readable body)")


@pytest.mark.parametrize("content_type", ["text", "html"])
def test_too_short_body_is_a_failure(content_type: str) -> None:
    text = "Talks resumed on Monday. Both sides said they were hopeful."
    content = f"<html><body><p>{text}</p></body></html>" if content_type == "html" else text
    page = Page(location="short", content=content, content_type=content_type)  # type: ignore[arg-type]
    result = extract_page(page, SETTINGS)
    assert isinstance(result, Failure)
    assert result.reason == f"body too short ({len(text)} chars, min_body_chars is 200)"
    assert "\n" not in result.reason


def test_failure_reasons_are_one_line() -> None:
    page = Page(location="x", content="", content_type="html", error="bad\nthing   happened")
    result = extract_page(page, SETTINGS)
    assert isinstance(result, Failure) and result.reason == "bad thing happened"


def test_html_metadata_fills_what_the_input_did_not_say() -> None:
    article = extract_page(html_page(), SETTINGS)
    assert isinstance(article, Article)
    assert article.title == "Dockers strike over pay"
    assert article.outlet == "Harbour Weekly"
    assert article.author == "Marta Garrido"
    assert article.published == "2021-06-14" and article.published_source == "metadata"
    assert article.published_not_before is None
    assert article.content_type == "html" and article.language == "en"
    assert "Home" in article.furniture and "Dockworkers" not in article.furniture
    assert article.body.startswith("Dockworkers at the container terminal")


def test_input_metadata_wins_over_the_page() -> None:
    meta = PageMeta(
        url="https://example.org/x",
        outlet="The Port Gazette",
        published="2021-06-15",
        published_source="feed",
        title="Feed title",
        author="Desk",
    )
    article = extract_page(html_page(meta=meta), SETTINGS)
    assert isinstance(article, Article)
    assert (article.title, article.outlet, article.url, article.author) == (
        "Feed title",
        "The Port Gazette",
        "https://example.org/x",
        "Desk",
    )
    assert article.published == "2021-06-15" and article.published_source == "feed"


def test_undated_page_gets_only_a_lower_bound_from_its_body() -> None:
    html = ARTICLE_HTML.replace(
        '<meta property="article:published_time" content="2021-06-14T09:00:00Z">', ""
    )
    html = html.replace("late on Sunday night", "on June 13, 2021")
    article = extract_page(html_page(html), SETTINGS)
    assert isinstance(article, Article)
    assert article.published is None and article.published_source is None
    assert article.published_not_before == "2021-06-13"


def test_text_page_uses_the_text_cleaner() -> None:
    path = SEEDS / "004_7806e76ff1cb686e.txt"
    article = extract(path)
    assert article.content_type == "text"
    assert "Izvestiya newspaper reported" in article.body
    assert "Boris Kazlov" not in article.body  # a commenter
    assert article.published is None


def test_extract_accepts_a_path_an_html_string_and_a_text() -> None:
    from_path = extract(HTML_DIR / "02_jsonld_cookie_banner.html")
    assert from_path.location.endswith("02_jsonld_cookie_banner.html")
    assert from_path.published == "2022-03-09"
    from_str_path = extract(str(HTML_DIR / "02_jsonld_cookie_banner.html"))
    assert from_str_path.body == from_path.body
    from_html = extract(ARTICLE_HTML)
    assert from_html.content_type == "html" and from_html.location == "<string>"
    text = (SEEDS / "003_267f2ca69a1884cd.txt").read_text(encoding="utf-8")
    from_text = extract(text)
    assert from_text.content_type == "text"
    assert "joint patrols" in from_text.body


def test_extract_raises_with_one_line_reasons(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as short:
        extract("Too short to be an article.")
    assert short.value.reason.startswith("body too short (")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    with pytest.raises(SourceError) as unreadable:
        extract(empty)
    assert unreadable.value.reason == "empty file"
    assert isinstance(unreadable.value, PageError)
    with pytest.raises(ExtractionError):
        extract("<html><body><script>x()</script></body></html>")


def test_min_body_chars_setting_is_honoured() -> None:
    strict = Settings(min_body_chars=5000)
    result = extract_page(html_page(), strict)
    assert isinstance(result, Failure)
    assert "min_body_chars is 5000)" in result.reason
