"""Page -> Article: main text, title, outlet, author, dates and language of a page.

``extract_page`` is the stage: it never raises for a bad page, it returns a
``Failure`` with a one-line reason.  ``extract`` is the convenience for one
document given as a path, an HTML string or a plain text; it raises
``SourceError``/``ExtractionError`` instead.

Metadata precedence: what the input said (manifest, feed, JSONL: ``page.meta``)
wins over what the page says; the page's own markup comes next; nothing is ever
invented.  An HTML page's date (``extract.pagedate``) is said to come from its
"metadata", its "text" (a day printed by the headline) or its "url".
``published_not_before`` is set only when ``published`` is unknown: it is the latest
absolute date the body mentions (page furniture excluded).

A page whose body is missing or shorter than ``min_body_chars`` stays a Failure (one
line, as ever), but the date it states is not thrown away with it: the Failure
carries ``published`` and ``published_source``, and its reason ends with
"; the page is dated YYYY-MM-DD (source)" so that the date is kept where the failed
page is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExtractionError, SourceError
from ..records import Article, Failure, Page, PageMeta, PublishedSource
from ..settings import Settings
from ..sources import read_page
from ..textnorm import fold_spaces, normalize_text
from .dates import latest_absolute_date
from .html import NoArticleText, extract_html
from .language import coded_languages, detect_language, language_note
from .text import clean_text

__all__ = ["extract", "extract_page"]

_SENTENCE = re.compile(r"^\S+(?:\s+\S+){5,}.*[.!?)”\"]$")
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:!doctype|html|head|body|p|div|article|main|section|span|br)\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Parts:
    body: str
    title: str | None
    outlet: str | None
    author: str | None
    url: str | None
    published: str | None
    published_source: PublishedSource | None
    furniture: str
    page_text: str


def extract_page(page: Page, settings: Settings) -> Article | Failure:
    """Turn one page into an Article, or a Failure saying why it cannot be one."""
    if page.error:
        return Failure(page.location, _one_line(page.error))
    meta = page.meta
    try:
        parts = (
            _html_parts(page.content, meta.url)
            if page.content_type == "html"
            else _text_parts(page.content)
        )
    except NoArticleText as exc:
        return _failure(page, exc.reason, (exc.dated.value, exc.dated.source))
    except ExtractionError as exc:
        return Failure(page.location, exc.reason)
    published, published_source = _published(meta, parts)
    if len(parts.body) < settings.min_body_chars:
        reason = (
            f"body too short ({len(parts.body)} chars, min_body_chars is {settings.min_body_chars})"
        )
        return _failure(page, reason, (published, published_source))
    language = detect_language(parts.body)
    code = language.code if language else None
    return Article(
        location=page.location,
        body=parts.body,
        title=meta.title or parts.title,
        outlet=meta.outlet or parts.outlet,
        url=meta.url or parts.url,
        author=meta.author or parts.author,
        published=published,
        published_source=published_source,
        published_not_before=None if published else latest_absolute_date(_dated_text(parts)),
        language=code,
        content_type=page.content_type,
        furniture=parts.furniture,
        note=language_note(code, coded_languages(settings.languages)),
    )


def extract(source: str | Path, settings: Settings | None = None) -> Article:
    """Extract one document: a file path, an HTML string or a plain text.

    Raises SourceError when the file cannot be read, ExtractionError when it holds
    no article; both carry a one-line ``reason``.
    """
    settings = settings or Settings()
    page = _page_of(source, settings)
    result = extract_page(page, settings)
    if isinstance(result, Failure):
        if page.error:
            raise SourceError(result.reason)
        raise ExtractionError(result.reason)
    return result


def _failure(page: Page, reason: str, dated: tuple[str | None, PublishedSource | None]) -> Failure:
    """A page that is not an article, with the date it states (the input's first)."""
    published, source = (
        (page.meta.published, page.meta.published_source) if page.meta.published else dated
    )
    if published:
        reason = f"{reason}; the page is dated {published} ({source})"
    return Failure(page.location, reason, published=published, published_source=source)


def _published(meta: PageMeta, parts: _Parts) -> tuple[str | None, PublishedSource | None]:
    if meta.published:
        return meta.published, meta.published_source
    if parts.published:
        return parts.published, parts.published_source
    return None, None


def _dated_text(parts: _Parts) -> str:
    """The text searched for ``published_not_before``: the body, plus the furniture lines
    that sit between its first and last paragraph and read as sentences (photo
    captions).  Banners, menus and comments above or below the article stay out."""
    paragraphs = [fold_spaces(p) for p in parts.body.split("\n\n") if p.strip()]
    page = "\n".join(fold_spaces(line) for line in parts.page_text.split("\n"))
    if not paragraphs:
        return parts.body
    start, last = page.find(paragraphs[0][:80]), page.rfind(paragraphs[-1][:80])
    if start < 0 or last <= start:
        return parts.body
    inner = []
    for line in parts.furniture.split("\n"):
        line = fold_spaces(line)
        at = page.find(line, start) if _SENTENCE.search(line) else -1
        if start < at < last:
            inner.append(line)
    return "\n\n".join([parts.body, *inner])


def _html_parts(content: str, url: str | None) -> _Parts:
    html = extract_html(content, url)
    return _Parts(
        body=html.body,
        title=html.title,
        outlet=html.sitename,
        author=html.author,
        url=html.url,
        published=html.published,
        published_source=html.published_source,
        furniture=html.furniture,
        page_text=html.page_text,
    )


def _text_parts(content: str) -> _Parts:
    cleaned = clean_text(content)
    return _Parts(
        body=normalize_text(cleaned.body),
        title=cleaned.title,
        outlet=cleaned.outlet,
        author=None,
        url=None,
        published=None,
        published_source=None,
        furniture=cleaned.furniture,
        page_text=content,
    )


def _page_of(source: str | Path, settings: Settings) -> Page:
    if isinstance(source, Path) or (
        len(source) < 4096 and "\n" not in source and "<" not in source and Path(source).is_file()
    ):
        return read_page(Path(source), settings)
    if _LOOKS_LIKE_HTML.search(source[:5000]):
        return Page(location="<string>", content=source, content_type="html")
    return Page(location="<string>", content=normalize_text(source), content_type="text")


def _one_line(reason: str) -> str:
    return " ".join(reason.split())
