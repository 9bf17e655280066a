"""The metadata of an HTML page that newsgraph keeps: title, author, URL, site name.

trafilatura's ``extract_metadata`` also reads categories, tags and the licence, which
newsgraph does not store; about a quarter of its time.  ``page_metadata`` asks
trafilatura's own field extractors for the five fields, in the order and with the
fallbacks ``extract_metadata`` (trafilatura 2.3) uses, so each field comes out as it
would from ``bare_extraction(..., with_metadata=True)`` on the same tree
(tests/extract/test_html_meta.py checks that on every HTML fixture).  The date is not
looked for here: ``pagedate`` does it, on the page before its furniture is pruned.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from lxml.html import HtmlElement
from trafilatura import metadata as tm
from trafilatura.settings import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None
    author: str | None
    url: str | None
    sitename: str | None


def page_metadata(tree: HtmlElement) -> PageMetadata:
    """Title, author, URL and site name of a parsed page."""
    doc: Document = tm.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None  # a single word is not taken as an author from meta tags
    try:
        doc = tm.extract_meta_json(tree, doc)
    except Exception as exc:  # malformed JSON-LD: keep what the meta tags gave
        log.debug("JSON-LD metadata not read: %s", exc)
    if not doc.title:
        doc.title = tm.extract_title(tree)
    if not doc.author:
        doc.author = tm.extract_author(tree)
    if not doc.url:
        doc.url = tm.extract_url(tree, None)
    if not doc.sitename:
        doc.sitename = tm.extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url:
        found = tm.META_URL.match(doc.url)
        if found:
            doc.sitename = found[1]
    doc.clean_and_trim()
    return PageMetadata(doc.title, doc.author, doc.url, doc.sitename)
