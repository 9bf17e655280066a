"""HTML pages: main text and metadata through trafilatura, with the page's furniture set apart.

The steps, on one parsed tree::

    repair mismatched headings -> parse -> note the visible text (for ``furniture``)
    -> publication date (``pagedate``: markup, the text by the headline, the URL),
       on the whole page
    -> prune comment threads, share bars, related links, newsletter and cookie boxes
    -> turn layout tables into blocks -> a date by htmldate's search, if none yet
    -> metadata (title, author, URL, site name;
       ``html_meta``) -> trafilatura's text -> tidy body, title, author, site name
    -> the text-page furniture rules on the body's paragraphs (``text.clean_paragraphs``)

The date is looked for before anything is pruned: pruning can drop the block that
holds it and keep an embedded post's older ``<time>``.  ``pagedate`` itself leaves
comments, reviews and listed posts out; only its last resort, htmldate's search of the
page's ``<time>`` elements and text, waits for the furniture to be pruned.  A page without article text raises
``NoArticleText``, which still carries the date the page states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from ..errors import DataFileError, ExtractionError
from ..records import PublishedSource
from ..textnorm import fold_spaces, normalize_text
from .html_meta import page_metadata
from .pagedate import NO_DATE, PageDate, fallback_date, page_date
from .text import clean_paragraphs

NO_BODY = "no article text found (HTML has no readable body)"
FURNITURE_LIMIT = 20_000  # characters of furniture kept per page

# Class/id words of page furniture live in data/html_furniture.yaml.
_FURNITURE_FILE = Path(__file__).resolve().parent.parent / "data" / "html_furniture.yaml"


@lru_cache(maxsize=1)
def furniture_words() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(stems, whole words, exceptions) from data/html_furniture.yaml, validated."""
    try:
        data = yaml.safe_load(_FURNITURE_FILE.read_text(encoding="utf-8"))
        stems = tuple(str(w).lower() for w in data["stems"])
        words = frozenset(str(w).lower() for w in data["words"])
        exceptions = tuple(str(w).lower() for w in data.get("exceptions", []))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise DataFileError(
            f"{_FURNITURE_FILE}: expected lists 'stems' and 'words' ({exc})"
        ) from exc
    if not stems or not words:
        raise DataFileError(f"{_FURNITURE_FILE}: 'stems' and 'words' must not be empty")
    return stems, words, exceptions


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    """trafilatura's options, built once (building them reads its config file's values
    on every call): plain text, tables kept, comments left out, no metadata."""
    return Extractor(output_format="python", comments=False, tables=True)


_NEVER_PRUNED = frozenset({"html", "body", "main"})

# Tags whose text is never shown, and tags that do not break a line.
_INVISIBLE = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "iframe", "title", "meta", "link"}
)
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "img", "label", "mark",
    "q", "s", "small", "span", "strong", "sub", "sup", "time", "u",
})  # fmt: skip
_LABEL_NAMES = re.compile(r"meta|byline|date|author|info|credit|caption")
_CELL_BLOCKS = ".//p|.//div|.//h1|.//h2|.//h3|.//ul|.//ol|.//blockquote|.//table"

_HEADING_MISMATCH = re.compile(
    r"<h([1-6])(\b[^>]*)>((?:(?!</?h[1-6]\b).){0,400}?)</h([1-6])\s*>", re.I | re.S
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|//)\s+")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "»", "’", ":")
_BOILERPLATE_LINE = re.compile(
    r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|^[-–—\s]*ends?[-–—\s]*$", re.IGNORECASE
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||·|•|,|/|\band\b)\s*")
_NOT_A_NAME = re.compile(
    r"\d|^(?:by|published|updated|posted|staff|reporter|correspondent|editor|writer|"
    r"contributor|photo|photos|video|local democracy reporter|staff writer|"
    + "|".join(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
    )
    + r")\.?$|\b(?:reporter|correspondent|editor|writer)$",
    re.IGNORECASE,
)


class NoArticleText(ExtractionError):
    """The page holds no article text; ``dated`` is the date it states all the same."""

    def __init__(self, reason: str, dated: PageDate = NO_DATE) -> None:
        super().__init__(reason)
        self.dated = dated


@dataclass(frozen=True, slots=True)
class HtmlParts:
    """What an HTML page yields before the manifest's metadata is laid over it."""

    body: str
    title: str | None
    author: str | None
    sitename: str | None
    url: str | None
    published: str | None  # the date the page states (pagedate), or None
    published_source: PublishedSource | None
    furniture: str
    page_text: str  # every visible line of the page, in page order (body and furniture)


def extract_html(html: str, url: str | None = None) -> HtmlParts:
    """Main text and metadata of an HTML page (``url``: its address, when the input gave it);
    raises NoArticleText when it has no text."""
    tree = load_html(_HEADING_MISMATCH.sub(_fix_heading, html))
    if tree is None:
        raise NoArticleText(NO_BODY)
    visible = _visible_lines(tree)
    dated = page_date(tree, visible, url)
    if not visible:
        raise NoArticleText(NO_BODY, dated)
    page_title = fold_spaces(tree.findtext(".//title") or "")
    _prune_furniture(tree)
    _prune_link_lines(tree)
    _unwrap_layout_tables(tree)
    _reopen_swallowing_labels(tree)
    if dated.value is None:
        dated = fallback_date(tree, visible, url)
    meta = page_metadata(tree)
    doc = bare_extraction(tree, options=_extractor())
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise NoArticleText(
            f"no article text found (HTML has {sum(map(len, visible))} chars of visible text, none of it article-like)",
            dated,
        )
    title = clean_title(meta.title, page_title, visible)
    sitename = meta.sitename or _sitename_from_title(page_title, title)
    body = clean_paragraphs(_tidy_body(text, title), title)
    folded_body = fold_spaces(body)
    furniture = "\n".join(line for line in visible if line not in folded_body)
    return HtmlParts(
        body=body,
        title=title,
        author=clean_author(meta.author),
        sitename=fold_spaces(sitename) if sitename else None,
        url=meta.url,
        published=dated.value,
        published_source=dated.source,
        furniture=furniture[:FURNITURE_LIMIT],
        page_text="\n".join(visible),
    )


def clean_author(author: str | None) -> str | None:
    """Drop what is not a name from an author field: "Reuters; Feb" -> "Reuters"."""
    if not author:
        return None
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(fold_spaces(author)):
        part = re.sub(r"^(?:by|von|par|por)\s+", "", part.strip(" .-–—"), flags=re.IGNORECASE)
        if len(part) < 2 or _NOT_A_NAME.search(part) or len(part.split()) > 5 or part.islower():
            continue
        if part not in names:
            names.append(part)
    return "; ".join(names) or None


def clean_title(title: str | None, page_title: str, visible: list[str]) -> str | None:
    """The headline: trafilatura's title, else ``<title>``, without a " | Site name" part."""
    title = fold_spaces(title or "")
    if not title or len(title) > 300:
        title = page_title
    if not title:
        return None
    shown = set(visible)
    if title in shown:
        return title
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    if len(parts) < 2:
        return title
    on_page = [p for p in parts if p in shown]
    return max(on_page or parts, key=len)


def _sitename_from_title(page_title: str, title: str | None) -> str | None:
    """The site name a ``<title>`` carries: "Headline – Harbour Line Weekly" -> "Harbour Line Weekly"."""
    parts = _TITLE_SEPARATORS.split(page_title)
    if not title or len(parts) < 2:
        return None
    for candidate in (parts[-1], parts[0]):
        if candidate != title and title in page_title and 0 < len(candidate.split()) <= 6:
            return candidate
    return None


def _fix_heading(match: re.Match[str]) -> str:
    """``<h1>Title</h2>`` -> ``<h1>Title</h1>``, so one bad tag does not swallow the page."""
    level, attrs, inner = match.group(1), match.group(2), match.group(3)
    return f"<h{level}{attrs}>{inner}</h{level}>"


def _is_furniture(element: HtmlElement) -> bool:
    return _furniture_names(f"{element.get('class', '')} {element.get('id', '')}".lower())


@lru_cache(maxsize=8192)
def _furniture_names(names: str) -> bool:
    """True when a class/id string (lower-cased) names page furniture."""
    stems, words, exceptions = furniture_words()
    for token in names.split():
        if any(word in words for word in re.split(r"[-_]", token)):
            return True
        if any(stem in token for stem in stems) and not any(n in token for n in exceptions):
            return True
    return False


def _prune_furniture(tree: HtmlElement) -> None:
    """Remove furniture containers, unless one holds the headline or most of the page's
    paragraphs (then it is a wrapper: ``<div class="story has-share-bar">``)."""
    headlines = set(tree.iter("h1"))
    paragraph_chars = sum(len(p.text_content()) for p in tree.iter("p"))
    doomed: list[HtmlElement] = []
    gone: set[HtmlElement] = set()
    # (an element without class or id is never furniture: only those are looked at)
    for element in tree.xpath("descendant-or-self::*[@class or @id]"):
        if not isinstance(element.tag, str) or element.tag in _NEVER_PRUNED:
            continue
        if not _is_furniture(element) or any(a in gone for a in element.iterancestors()):
            continue
        if any(h is element or h in element.iterdescendants() for h in headlines):
            continue
        own_chars = sum(len(p.text_content()) for p in element.iter("p"))
        if paragraph_chars and own_chars > 0.5 * paragraph_chars:
            continue
        doomed.append(element)
        gone.add(element)
    for element in doomed:
        element.drop_tree()


def _prune_link_lines(tree: HtmlElement) -> None:
    """Paragraphs made only of links ("Printer-friendly version | E-mail this story") go."""
    for paragraph in list(tree.iter("p")):
        if next(paragraph.iter("a"), None) is None:
            continue  # no link: not a link line
        text = re.sub(r"[\s|·•/]+", "", paragraph.text_content())
        linked = re.sub(r"[\s|·•/]+", "", "".join(a.text_content() for a in paragraph.iter("a")))
        if text and len(linked) >= 0.9 * len(text) and len(text) < 200:
            paragraph.drop_tree()


def _reopen_swallowing_labels(tree: HtmlElement) -> None:
    """A byline or meta box left unclosed swallows the article after it; trafilatura
    would then drop the whole story as page furniture.  A label holding two or more
    long paragraphs is not a label: forget its class."""
    for element in tree.iter("div", "span", "p", "section"):
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if not _LABEL_NAMES.search(names):
            continue
        long_paragraphs = [p for p in element.iter("p") if len(p.text_content()) >= 100]
        if len(long_paragraphs) >= 2:
            element.attrib.pop("class", None)
            element.attrib.pop("id", None)


def _unwrap_layout_tables(tree: HtmlElement) -> None:
    """Tables used for page layout (cells holding paragraphs or tables) become plain blocks."""
    for table in list(tree.iter("table")):
        cells = [c for c in table.iter("td", "th") if _owner_table(c) is table]
        if not any(c.xpath(_CELL_BLOCKS) or len(c.text_content()) > 400 for c in cells):
            continue
        own = [
            e
            for e in table.iter("tbody", "thead", "tfoot", "tr", "td", "th")
            if _owner_table(e) is table
        ]
        for element in [table, *own]:
            element.tag = "div"


def _owner_table(element: HtmlElement) -> HtmlElement | None:
    """The nearest table around an element (its own table for a row or cell)."""
    return next(element.iterancestors("table"), None)


def _visible_lines(tree: HtmlElement) -> list[str]:
    """The page's visible text, one folded line per block, in page order, without repeats."""
    chunks: list[str] = []
    body = tree.find("body")
    _walk(body if body is not None else tree, chunks)
    lines: list[str] = []
    seen: set[str] = set()
    for raw in "".join(chunks).split("\n"):
        line = fold_spaces(raw)
        if line and line not in seen:
            seen.add(line)
            lines.append(line)
    return lines


def _walk(element: HtmlElement, chunks: list[str]) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag and tag not in _INVISIBLE:
        block = tag not in _INLINE
        if block:
            chunks.append("\n")
        if element.text:
            chunks.append(element.text)
        for child in element:
            _walk(child, chunks)
        if block:
            chunks.append("\n")
    if element.tail:
        chunks.append(element.tail)


def _tidy_body(text: str, title: str | None) -> str:
    """Paragraphs joined by blank lines, without a leading headline, kicker or byline
    and without trailing copyright lines."""
    lines = [fold_spaces(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    folded_title = fold_spaces(title or "")
    while len(lines) > 1 and (lines[0] == folded_title or _is_label(lines[0])):
        lines.pop(0)
    while len(lines) > 1 and _BOILERPLATE_LINE.search(lines[-1]):
        lines.pop()
    return normalize_text("\n\n".join(lines))


def _is_label(line: str) -> bool:
    """A short line that is not a sentence: a kicker, a byline, a document number."""
    return len(line) <= 80 and not line.endswith(_SENTENCE_END)
