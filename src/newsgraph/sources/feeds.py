"""RSS 2.0, RSS 1.0 and Atom feeds: one Page per entry, parsed as a stream with lxml.

Each entry gives its content (``content:encoded``, Atom ``content``, ``description``
or ``summary``, in that order), its link, title, author and publication date; the
feed's own title becomes the outlet.  Entries are dropped from the tree once read,
so a long feed never sits whole in memory.
"""

from __future__ import annotations

import contextlib
import copy
import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..errors import SourceError
from ..records import ContentType, Page, PageMeta
from ..settings import Settings
from ..textnorm import fold_spaces
from .dates import normalize_date
from .pages import error_page, page_from_text, too_large

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
FEED_ROOTS = {"rss", f"{ATOM}feed", f"{RDF}RDF"}
_ENTRY_TAGS = {"item", f"{ATOM}entry", f"{RSS1}item"}
_FEED_TITLE_PARENTS = {"channel", f"{ATOM}feed", f"{RSS1}channel"}
_TITLE_TAGS = {"title", f"{ATOM}title", f"{RSS1}title"}
_SAFE: dict[str, Any] = {"resolve_entities": False, "no_network": True, "remove_comments": True}


def iter_feed(path: Path, settings: Settings) -> Iterator[Page]:
    """Yield one Page per feed entry; a file that is no feed, or breaks, gives an error page."""
    count = 0
    outlet: str | None = None
    try:
        with open(path, "rb") as handle:
            for event, element in etree.iterparse(handle, events=("start", "end"), **_SAFE):
                if event == "start":
                    if element.getparent() is None and element.tag not in FEED_ROOTS:
                        raise SourceError(
                            f"not a feed: the XML root is <{etree.QName(element).localname}>; "
                            "expected an RSS <rss> or an Atom <feed>"
                        )
                    continue
                if element.tag in _TITLE_TAGS and outlet is None:
                    parent = element.getparent()
                    if parent is not None and parent.tag in _FEED_TITLE_PARENTS:
                        outlet = fold_spaces(element.text or "") or None
                elif element.tag in _ENTRY_TAGS:
                    count += 1
                    yield _entry_page(f"{path}#{count}", element, outlet, settings)
                    _drop(element)
    except etree.XMLSyntaxError as exc:
        where = f"after {count} entries" if count else "before any entry"
        yield error_page(f"{path}#error", "html", f"malformed feed XML {where}: {exc}")
    except SourceError as exc:
        yield error_page(str(path), "html", exc.reason)
    except OSError as exc:
        yield error_page(str(path), "html", f"cannot read file: {exc.strerror or exc}")


def _drop(entry: Any) -> None:
    """Free a read entry and everything before it, so the tree never holds the whole feed."""
    entry.clear(keep_tail=False)
    parent = entry.getparent()
    while parent is not None and entry.getprevious() is not None:
        del parent[0]


def _entry_page(location: str, entry: Any, outlet: str | None, settings: Settings) -> Page:
    published = normalize_date(
        _first_text(entry, ["pubDate", f"{ATOM}published", f"{DC}date", f"{ATOM}updated"])
    )
    meta = PageMeta(
        url=_link(entry),
        outlet=outlet,
        published=published,
        published_source="feed" if published else None,
        title=_title(entry),
        author=_author(entry),
    )
    found = _content(entry)
    if found is None:
        return error_page(
            location,
            "html",
            "feed entry has no content (content:encoded, content, description or summary)",
            meta,
        )
    content, content_type = found
    size = len(content.encode("utf-8"))
    try:
        if size > settings.max_page_bytes:
            raise SourceError(too_large("the feed entry's content", size, settings.max_page_bytes))
        return page_from_text(location, content, content_type, meta, "utf-8")
    except SourceError as exc:
        return error_page(location, content_type, exc.reason, meta)


def _content(entry: Any) -> tuple[str, ContentType] | None:
    for tag in (
        f"{CONTENT}encoded",
        f"{ATOM}content",
        "description",
        f"{RSS1}description",
        f"{ATOM}summary",
    ):
        element = entry.find(tag)
        if element is None:
            continue
        found: tuple[str, ContentType] | None = (_markup(element, element.text or ""), "html")
        if tag.startswith(ATOM):
            found = _atom_text(element)
        if found is not None and found[0].strip():
            return found
    return None


def _atom_text(element: Any) -> tuple[str, ContentType] | None:
    """Atom text constructs: ``type`` is text (the default), html or xhtml."""
    kind = (element.get("type") or "text").lower()
    if element.get("src"):
        return None  # content elsewhere, not fetched
    if kind in ("html", "text/html"):
        return element.text or "", "html"
    if kind in ("xhtml", "application/xhtml+xml"):
        return _markup(element, html.escape(element.text or "")), "html"
    if kind in ("text", "text/plain"):
        return element.text or "", "text"
    return None


def _markup(element: Any, head: str) -> str:
    """``head`` then the element's children as HTML, namespaces dropped (inline XHTML)."""
    parts = [head]
    for child in element:
        if not isinstance(child.tag, str):  # an unresolved entity, a processing instruction
            parts.append(html.escape(child.tail or ""))
            continue
        plain = copy.deepcopy(child)
        for node in plain.iter():
            if isinstance(node.tag, str):
                node.tag = etree.QName(node).localname
        etree.cleanup_namespaces(plain)
        parts.append(etree.tostring(plain, encoding="unicode", method="html", with_tail=True))
    return "".join(parts)


def _title(entry: Any) -> str | None:
    for tag in ("title", f"{ATOM}title", f"{RSS1}title"):
        element = entry.find(tag)
        if element is None:
            continue
        kind = element.get("type") or "text"
        text = "".join(element.itertext()) if kind == "xhtml" else element.text or ""
        if kind == "html" and "<" in text:
            with contextlib.suppress(etree.ParserError, ValueError):
                text = lxml_html.fragment_fromstring(text, create_parent="div").text_content()
        return fold_spaces(text) or None
    return None


def _link(entry: Any) -> str | None:
    for link in entry.findall(f"{ATOM}link"):
        if (link.get("rel") or "alternate") == "alternate" and link.get("href"):
            return str(link.get("href")).strip()
    text = _first_text(entry, ["link", f"{RSS1}link"])
    if text:
        return text
    guid = entry.find("guid")
    if guid is not None and (guid.get("isPermaLink") or "true").lower() != "false":
        value = (guid.text or "").strip()
        if value.startswith(("http://", "https://")):
            return value
    about = entry.get(f"{RDF}about")
    return str(about) if about else None


def _author(entry: Any) -> str | None:
    name = _first_text(entry, [f"{ATOM}author/{ATOM}name", f"{DC}creator", "author"])
    return fold_spaces(name) if name else None


def _first_text(entry: Any, paths: list[str]) -> str | None:
    for path in paths:
        element = entry.find(path)
        if element is not None and element.text and element.text.strip():
            return str(element.text).strip()
    return None
