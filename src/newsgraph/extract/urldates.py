"""Dates in a page's address: ``/2016/12/23/``, ``-2016-12-23-``, ``/20200428/``,
``/20220124-title.html``, ``_20231102_``, ``/2023/nov/8/``; a month
(``/2011/12/``).  A Wayback Machine address is read as the archived page's own.
"""

from __future__ import annotations

import re
from datetime import date

from lxml.html import HtmlElement

_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-])([01]?\d)\2([0-3]\d(?!\d)|[1-9](?=/))")
_URL_COMPACT = re.compile(
    r"[-_/=]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[-_/.?&#]|$)"
)
_URL_NAMED = re.compile(
    r"/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/([0-3]?\d)(?=/|$)",
    re.I,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/")
_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", re.I)


def page_url(tree: HtmlElement, url: str | None) -> str | None:
    """The address the input gave, else the page's canonical one (``link``, ``og:url``)."""
    if not url:
        found = tree.xpath('//link[@rel="canonical"]/@href|//meta[@property="og:url"]/@content')
        url = found[0] if found else None
    return _WAYBACK.sub("", url) if url else None


def url_day(url: str | None) -> date | None:
    """The day an address names, if it names a whole one."""
    match = _URL_DAY.search(url or "")
    compact = None if match else _URL_COMPACT.search(url or "")
    named = None if match or compact else _URL_NAMED.search(url or "")
    if not match and not compact and not named:
        return None
    try:
        if named:
            month = _MONTHS.index(named[2].lower()) + 1
            return date(int(named[1]), month, int(named[3]))
        if compact:
            return date(int(compact[1]), int(compact[2]), int(compact[3]))
        assert match is not None
        return date(int(match[1]), int(match[3]), int(match[4]))
    except ValueError:
        return None


def url_month(url: str | None) -> tuple[int, int] | None:
    """(year, month) of a ``/YYYY/MM/`` address."""
    match = _URL_MONTH.search(url or "")
    if not match or not 1 <= int(match[2]) <= 12:
        return None
    return int(match[1]), int(match[2])
