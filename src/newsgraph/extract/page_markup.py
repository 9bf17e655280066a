"""What a page's markup states about its publication: JSON-LD, meta tags, itemprop.

``published_stamps`` gives the page's own statements of publication (its article's JSON-LD
``datePublished`` first, never of a comment, review or listed item; then meta tags that
name a publication; then ``itemprop="datePublished"`` outside comments; then the JSON-LD
of the page itself), ``generic_stamps`` the generic date tags (``date``, ``DC.date``, ...)
that may hold a modification date. ``read_stamp`` reads one value, keeping the day of its
own time zone and whether it was a UTC time.  ``pagedate`` weighs them against the text.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from .printed_dates import printed_days

log = logging.getLogger(__name__)

_PUBLISHED_META = frozenset({
    "article:published_time", "og:article:published_time", "og:published_time",
    "published_time", "article:published", "article.published", "datepublished",
    "date.published", "publishdate", "publish-date", "publish_date", "pubdate",
    "publication_date", "publicationdate", "sailthru.date", "parsely-pub-date",
    "dc.date.issued", "dcterms.issued", "citation_publication_date", "citation_online_date",
    "vr:published-time", "originalpublicationdate", "article_date_original", "date_published",
    "bt:pubdate", "rnews:datepublished", "cxenseparse:recs:publishtime", "displaydate",
})  # fmt: skip
_GENERIC_META = frozenset({
    "date", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "created",
    "datecreated", "citation_date", "uploaddate",
})  # fmt: skip
_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|blogposting|liveblog", re.I)
_PAGE_TYPES = re.compile(r"\b(?:\w*webpage|recipe|howto)\b", re.I)
_NOT_THE_PAGE = frozenset({"comment", "comments", "review", "reviews", "itemlistelement",
                           "relatedlink", "significantlink", "author", "creator", "publisher"})  # fmt: skip
_COMMENT = re.compile(r"comment|review|reply|kommentar", re.I)
_STAMP = re.compile(
    r"(?P<day>(?:19|20)\d\d-[01]?\d-[0-3]?\d)(?:[T ](?P<time>\d\d:\d\d(?::\d\d)?(?:\.\d+)?)"
    r"\s*(?P<zone>Z|[+-]\d\d:?\d\d|UTC|GMT)?)?"
)
# A clock and a zone between a day and its year: "Tue Jan 28 15:28:56 CET 2020" (Java).
_CLOCK_YEAR = re.compile(
    r"(?P<md>[A-Za-z]{3,9}\.? [0-3]?\d),? \d\d?:\d\d(?::\d\d)?(?: [A-Z]{2,5})? (?P<year>\d{4})"
)
_MODIFIED_META = frozenset({
    "article:modified_time", "og:updated_time", "og:article:modified_time", "modified_time",
    "article:modified", "datemodified", "last-modified", "dc.date.modified",
    "dcterms.modified", "lastmod", "parsely-updated", "updated_time",
})  # fmt: skip
_THREAD_TYPES = re.compile(r"discussionforumposting", re.I)
# Elements that say they hold the date of publication (through the attribute axis: faster).
_ITEMPROP_PUBLISHED = etree.XPath('//@itemprop[.="datePublished"]/..')
_ITEMPROP_MODIFIED = etree.XPath('//@itemprop[.="dateModified"]/..')


@dataclass(frozen=True, slots=True)
class Stamp:
    """A day some evidence gives, and whether it came as a UTC time (its local day unknown)."""

    day: date
    utc_hour: int | None = None  # the hour, when the value was a UTC time


def published_stamps(tree: HtmlElement) -> list[Stamp]:
    """The page's own statements of publication: its article's JSON-LD first, then meta
    tags, then itemprop, then the JSON-LD of the page itself (``WebPage``, ``Recipe``)."""
    json_ld = _json_ld(tree)
    found = [s for s in map(read_stamp, _json_ld_published(json_ld)) if s]
    for meta in tree.iter("meta"):
        key = _meta_key(meta)
        if key in _PUBLISHED_META:
            found.extend(s for s in [read_stamp(meta.get("content"))] if s)
    for element in _ITEMPROP_PUBLISHED(tree):
        if element.tag != "meta" and not in_comment(element):
            value = element.get("datetime") or element.get("content") or element.text_content()
            found.extend(s for s in [read_stamp(value)] if s)
    found.extend(s for s in map(read_stamp, _json_ld_published(json_ld, _PAGE_TYPES)) if s)
    return found


def generic_stamps(tree: HtmlElement) -> Iterator[Stamp]:
    for meta in tree.iter("meta"):
        if _meta_key(meta) in _GENERIC_META:
            stamp = read_stamp(meta.get("content"))
            if stamp is not None:
                yield stamp


def later_generic_days(tree: HtmlElement, day: date) -> Iterator[date]:
    """The days after ``day`` that the page's generic date tags state, in page order."""
    return (s.day for s in generic_stamps(tree) if s.day > day)


def modified_stamps(tree: HtmlElement) -> list[Stamp]:
    """The page's own statements of its last modification: its article's (or page's)
    JSON-LD ``dateModified``, meta tags that name one, ``itemprop="dateModified"``."""
    json_ld = _json_ld(tree)
    found = [s for s in map(read_stamp, _json_ld_published(json_ld, key="dateModified")) if s]
    found.extend(
        s for s in map(read_stamp, _json_ld_published(json_ld, _PAGE_TYPES, "dateModified")) if s
    )
    for meta in tree.iter("meta"):
        if _meta_key(meta) in _MODIFIED_META:
            found.extend(s for s in [read_stamp(meta.get("content"))] if s)
    for element in _ITEMPROP_MODIFIED(tree):
        if not in_comment(element):
            value = element.get("datetime") or element.get("content") or element.text_content()
            found.extend(s for s in [read_stamp(value)] if s)
    return found


def is_thread(tree: HtmlElement) -> bool:
    """True when the page's JSON-LD says it is a thread of a forum, whose ``datePublished``
    is the day of the thread's first post, not of the posts a later page of it shows."""
    if not any(
        script.get("type") == "application/ld+json"
        and "discussionforumposting" in (script.text or "").lower()
        for script in tree.iter("script")
    ):
        return False  # most pages: no JSON-LD parsed again
    return bool(_json_ld_published(_json_ld(tree), _THREAD_TYPES))


def _meta_key(meta: HtmlElement) -> str:
    for attribute in ("property", "name", "itemprop"):
        value = meta.get(attribute)
        if value:
            return value.strip().lower().split()[0]
    return ""


def in_comment(element: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        names = (
            f"{ancestor.get('class', '')} {ancestor.get('id', '')} {ancestor.get('itemtype', '')}"
        )
        if _COMMENT.search(names):
            return True
    return False


def _json_ld(tree: HtmlElement) -> list[Any]:
    """The page's JSON-LD blocks, parsed, in document order (a malformed one left out)."""
    blocks: list[Any] = []
    for script in tree.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            blocks.append(json.loads(script.text or ""))
        except (ValueError, RecursionError) as exc:
            log.debug("JSON-LD not read: %s", exc)
    return blocks


def _json_ld_published(
    blocks: list[Any], types: re.Pattern[str] = _ARTICLE_TYPES, key: str = "datePublished"
) -> list[str]:
    """``datePublished`` (or ``key``) of the JSON-LD objects of ``types`` (article-like by
    default), in document order."""
    values: list[str] = []
    for data in blocks:
        values.extend(_walk_ld(data, 0, types, key))
    return values


def _walk_ld(node: Any, depth: int, types: re.Pattern[str], key: str) -> Iterator[str]:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk_ld(item, depth + 1, types, key)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    kinds = " ".join(k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str))
    if types.search(kinds) and isinstance(node.get(key), str):
        yield node[key]
    for name, value in node.items():
        if isinstance(value, dict | list) and name.lower() not in _NOT_THE_PAGE:
            yield from _walk_ld(value, depth + 1, types, key)


def read_stamp(value: str | None) -> Stamp | None:
    """A day from a markup value: ISO 8601 (with its own zone's day), else a printed day
    (with a clock between the day and the year, as Java prints a date)."""
    if not value:
        return None
    text = value.strip()
    match = _STAMP.search(text[:40])
    if match:
        try:
            day = date.fromisoformat("-".join(p.zfill(2) for p in match["day"].split("-")))
        except ValueError:
            return None
        zone = (match["zone"] or "").upper()
        utc = bool(match["time"]) and zone in {"Z", "UTC", "GMT", "+00:00", "+0000", "-00:00"}
        return Stamp(day, int(match["time"][:2]) if utc else None)
    printed = next(printed_days(_CLOCK_YEAR.sub(r"\g<md> \g<year>", text[:60]), date.max), None)
    return Stamp(printed) if printed else None
