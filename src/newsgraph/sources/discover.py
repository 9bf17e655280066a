"""What a watched source lists: article links (with what it says of them) and more sources.

``discover(body, url)`` reads a fetched source by what it is, not by its name:

==========================  ==================================================
RSS 2.0, RSS 1.0, Atom      one link per entry (title, date, author; the feed's
                            title is the outlet)
sitemap ``<urlset>``        one link per ``<url>``; a news sitemap's
                            ``<news:news>`` gives title, date and outlet
sitemap ``<sitemapindex>``  its sitemaps, as sources
OPML                        the ``xmlUrl`` of every outline, as sources
a URL list (plain text)     one link per ``http(s)://`` line (``#`` comments)
==========================  ==================================================

Relative links are resolved against the source's URL; only ``http(s)`` links are
kept.  A body that is none of these (HTML, malformed XML) gives ``error``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from ..textnorm import fold_spaces
from .dates import normalize_date

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "remove_comments": True,
    "huge_tree": False,
    "recover": False,
}


@dataclass(frozen=True, slots=True)
class Link:
    """An article link and what the source said about it."""

    url: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "author": self.author,
        }


@dataclass(frozen=True, slots=True)
class Discovered:
    kind: str  # feed, sitemap, sitemapindex, opml, urls, or "" when unreadable
    links: list[Link] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    error: str | None = None


def discover(body: bytes, url: str) -> Discovered:
    """The links and sources a fetched source lists (see the module docstring)."""
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head:
        return Discovered("", error="empty source")
    if not head.startswith(b"<"):
        return _url_list(body, url)
    if head.startswith((b"<!doctype html", b"<html")):
        return Discovered("", error="an HTML page, not a feed, sitemap or OPML file")
    try:
        root = etree.fromstring(body, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        return Discovered("", error=f"malformed XML: {fold_spaces(str(exc))}")
    tag = root.tag if isinstance(root.tag, str) else ""
    local = etree.QName(root).localname.lower() if tag else ""
    if tag in ("rss", f"{ATOM}feed", f"{RDF}RDF"):
        return Discovered("feed", links=_feed_links(root, url))
    if local == "urlset":
        return Discovered("sitemap", links=_sitemap_links(root, url))
    if local == "sitemapindex":
        locs = [_text(s.find(f"{SITEMAP}loc")) or _text(s.find("loc")) for s in root]
        return Discovered("sitemapindex", children=_absolute(url, locs))
    if local == "opml":
        outlines = [o.get("xmlUrl") or o.get("xmlurl") for o in root.iter("outline")]
        return Discovered("opml", children=_absolute(url, outlines))
    return Discovered(
        "",
        error=f"<{local or '?'}> is not a feed, sitemap or OPML file (expected <rss>, <feed>, "
        "<urlset>, <sitemapindex> or <opml>)",
    )


def _feed_links(root: Any, base: str) -> list[Link]:
    channel = root.find("channel")
    if channel is None:
        channel = root.find(f"{RSS1}channel")
    outlet = _text((channel if channel is not None else root).find("title"))
    outlet = (
        outlet or _text(root.find(f"{ATOM}title")) or _text(root.find(f"{RSS1}channel/{RSS1}title"))
    )
    entries = [*root.iter("item"), *root.iter(f"{ATOM}entry"), *root.iter(f"{RSS1}item")]
    links = []
    for entry in entries:
        href = _entry_link(entry)
        found = _absolute(base, [href])
        if not found:
            continue
        published = _first(entry, ["pubDate", f"{ATOM}published", f"{DC}date", f"{ATOM}updated"])
        title = _first(entry, ["title", f"{ATOM}title", f"{RSS1}title"])
        author = _first(entry, [f"{ATOM}author/{ATOM}name", f"{DC}creator", "author"])
        links.append(Link(found[0], title, normalize_date(published), outlet, author))
    return links


def _entry_link(entry: Any) -> str | None:
    for link in entry.findall(f"{ATOM}link"):
        if (link.get("rel") or "alternate") == "alternate" and link.get("href"):
            return str(link.get("href"))
    text = _first(entry, ["link", f"{RSS1}link"])
    if text:
        return text
    guid = entry.find("guid")
    if guid is not None and (guid.get("isPermaLink") or "true").lower() != "false":
        return _text(guid)
    about = entry.get(f"{RDF}about")
    return str(about) if about else None


def _sitemap_links(root: Any, base: str) -> list[Link]:
    links = []
    for item in root:
        if not isinstance(item.tag, str) or etree.QName(item).localname != "url":
            continue
        loc = _first(item, [f"{SITEMAP}loc", "loc"])
        found = _absolute(base, [loc])
        if not found:
            continue
        news = item.find(f"{NEWS}news")
        title = outlet = published = None
        if news is not None:
            title = _first(news, [f"{NEWS}title"])
            outlet = _first(news, [f"{NEWS}publication/{NEWS}name"])
            published = _first(news, [f"{NEWS}publication_date"])
        published = published or _first(item, [f"{SITEMAP}lastmod", "lastmod"])
        links.append(Link(found[0], title, normalize_date(published), outlet))
    return links


def _url_list(body: bytes, base: str) -> Discovered:
    text = body.decode("utf-8", errors="replace")
    urls = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            urls.append(line)
    links = [Link(u) for u in _absolute(base, urls)]
    if urls and not links:
        return Discovered("", error="no http(s) URL in this text; expected one URL a line")
    return Discovered("urls", links=links)


def _absolute(base: str, hrefs: Sequence[str | None]) -> list[str]:
    """The http(s) URLs among ``hrefs``, resolved against ``base``, in order, once each."""
    found: dict[str, None] = {}
    for href in hrefs:
        if not href or not href.strip():
            continue
        href = href.strip()
        url = urljoin(base, href) if base.lower().startswith(("http://", "https://")) else href
        if url.lower().startswith(("http://", "https://")):
            found[url.split("#", 1)[0]] = None
    return list(found)


def _text(element: Any) -> str | None:
    if element is None:
        return None
    return fold_spaces("".join(element.itertext())) or None


def _first(element: Any, paths: list[str]) -> str | None:
    for path in paths:
        found = _text(element.find(path))
        if found:
            return found
    return None
