"""Where a page's headline stands among its visible lines (``extract.pagedate`` reads the
days printed around it).

The headline is the ``<h1>`` (else ``<h2>``) that is the page's title without its site's
name, else an ``<h1>`` the title repeats, else a visible line that is the title or a part
of it; a blog's own name in its ``<h1>`` is not a headline.  Visible lines are shown
once, at their first place, so a headline that a breadcrumb or a list of recent posts
showed before is placed where its heading stands: just above the line that follows it.
An ``<h1>`` shown as several lines (a kicker over its headline) stands at its last one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from lxml.html import HtmlElement

from ..textnorm import fold_spaces

_FOLLOWING = 8  # text nodes after a headline read to place it ...
_PIECE_CHARS = 10  # ... and the least of them that must match a line
_TITLE_PARTS = re.compile(r"\s+[|\-–—:»·]\s+")
_XML_SPACE = " \t\r\n"  # the white space of XPath's normalize-space()


def headline_line(tree: HtmlElement, visible: list[str]) -> int | None:
    """The index of the headline among the visible lines: the ``<h1>`` (else ``<h2>``) that
    is the page's title without its site's name (``og:title``, "Headline | Site"), else
    the ``<h1>`` that the title repeats, else the first ``<h1>`` of three words or more,
    else the visible line that is the title (or a part of it), placed where its heading
    stands."""
    index = {line: i for i, line in reversed(list(enumerate(visible)))}
    text = _headline_text(tree, index)
    if text is None:
        return _kicker_headline(tree, index)
    return _place(tree, text, visible, index[text])


def _kicker_headline(tree: HtmlElement, index: dict[str, int]) -> int | None:
    """Where an ``<h1>`` shown as several lines stands ("Nach Corona-Lockerungen" over
    "Autohäuser rechnen ..."; a kicker and its headline): at its last piece shown."""
    for heading in tree.iter("h1"):
        pieces = (fold_spaces(text) for text in heading.itertext())
        shown = [index[p] for p in pieces if len(p) >= _PIECE_CHARS and p in index]
        if shown:
            return max(shown)
    return None


def _headline_text(tree: HtmlElement, index: dict[str, int]) -> str | None:
    og_titles, titles, site_names = _titles(tree)
    h1s = [fold_spaces(h.text_content()) for h in tree.iter("h1")]
    sites = _site_names(site_names, titles, index)
    headings = [h for h in h1s if len(h) >= 8 and h in index and h not in sites]
    exact = {p for t in titles for p in _TITLE_PARTS.split(t) if p != t} - sites
    exact.update(og_titles)
    # the heading that is the title without the site's name, an <h1> first
    for text in h1s + [fold_spaces(h.text_content()) for h in tree.iter("h2")]:
        if text in exact and len(text) >= 8 and text in index and text not in sites:
            return text
    for heading in headings:
        if any(heading in title for title in titles):
            return heading
    for heading in headings:
        if len(heading.split()) >= 3:
            return heading
    # a title shown whole (the og:title after a "<title> - Site") before a part of one
    for part in titles + [p for title in titles for p in _TITLE_PARTS.split(title)]:
        if len(part) >= 8 and part in index and part not in sites:
            return part
    return None


def _titles(tree: HtmlElement) -> tuple[list[str], list[str], set[str]]:
    """The page's ``og:title`` values, those with its ``<title>`` texts (in page order),
    and its ``og:site_name`` values: one pass over its ``meta`` and ``title`` elements."""
    og: list[str] = []
    titles: list[str] = []
    site_names: set[str] = set()
    for element in tree.iter("meta", "title"):
        if element.tag == "title":
            texts = [element.text, *(child.tail for child in element)]
            titles.extend(fold_spaces(t) for t in texts if t)
            continue
        kind, content = element.get("property"), element.get("content")
        if content is None:
            continue
        if kind == "og:title":
            og.append(fold_spaces(content))
            titles.append(og[-1])
        elif kind == "og:site_name":
            site_names.add(fold_spaces(content))
    return og, titles, site_names


def _place(tree: HtmlElement, text: str, visible: list[str], first: int) -> int:
    """Where the heading that reads ``text`` stands among the visible lines: just above the
    nearest line after it.  Repeated lines are shown once, at their first place, so a
    headline that a breadcrumb or a list of posts showed before has no line of its own."""
    heading = next(
        (
            h
            for level in ("h1", "h2", "h3")  # the page's own headline before a listed post's
            for h in tree.iter(level)
            if fold_spaces(h.text_content()) == text
        ),
        None,
    )
    if heading is None:
        return first
    nodes = islice(_following_texts(heading), _FOLLOWING)
    after = fold_spaces("".join(nodes))  # the lines after it, run together
    for i in range(first + 1, len(visible)):
        line = visible[i]
        if min(len(line), len(after)) >= _PIECE_CHARS and (
            after.startswith(line) or line.startswith(after)
        ):
            return i - 1
    return first


def _following_texts(element: HtmlElement) -> Iterator[str]:
    """The text nodes after ``element`` that are not blank, in page order (XPath's
    ``following::text()[normalize-space()]``, read lazily: only the first few are wanted)."""
    node: HtmlElement | None = element
    while node is not None:
        if node.tail and node.tail.strip(_XML_SPACE):
            yield node.tail
        for sibling in node.itersiblings():
            yield from _texts_in(sibling)
            if sibling.tail and sibling.tail.strip(_XML_SPACE):
                yield sibling.tail
        node = node.getparent()


def _texts_in(element: HtmlElement) -> Iterator[str]:
    """The text nodes inside ``element`` that are not blank, in page order."""
    if isinstance(element.tag, str) and element.text and element.text.strip(_XML_SPACE):
        yield element.text
    for child in element:
        yield from _texts_in(child)
        if child.tail and child.tail.strip(_XML_SPACE):
            yield child.tail


def _site_names(site_names: set[str], titles: list[str], index: dict[str, int]) -> set[str]:
    """The names the page gives its site: ``og:site_name``, and the part of a title
    ("Headline | Blog name") that is not its headline, when the headline part is shown
    too (a blog's ``<h1>`` is often its own name, the post's title an ``<h2>``)."""
    sites = set(site_names)
    for title in titles:
        parts = [p for p in _TITLE_PARTS.split(title) if len(p) >= 8]
        shown = [p for p in parts if p in index]
        if len(parts) >= 2 and len(shown) >= 2:
            sites.add(parts[-1])  # both shown: the last part names the site
    return sites
