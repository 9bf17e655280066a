"""The publication date of an HTML page, from its markup, the text by its headline, its URL.

Searched on the whole parsed page before any furniture is pruned (pruning can drop
the block that holds the date and keep an embedded post's older ``<time>``).  The
evidence, strongest first:

1. ``url``: a day in the page's address (``/2016/12/23/``), the day the publisher filed
   it under, in its own time zone (source ``metadata`` when a published statement
   below gives the same day, else ``url``);
2. ``published``: the page's own statement of publication: JSON-LD ``datePublished``
   of its article (never of a comment, review or listed item), meta tags that name a
   publication (``article:published_time``, ``DC.date.issued``, ...), an element with
   ``itemprop="datePublished"`` outside comments;
3. ``headline``: a whole day printed in the short lines around the headline ("Veröffentlicht
   am 16.08.2019", "January 19, 2020 / 12:25 PM"), or labelled by a word of publication
   on a longer one ("PUBLISHED: November 8, 2023 at 5:49 p.m. | UPDATED: ..."), or at
   the very start of a lead paragraph ("27.1.2022 - Bei der Erinnerung ..."); a day
   after "updated" is left out, and a day in the headline itself ("Results, 19.5.2007")
   comes last: it is often the day of the story, not of the page.  The lines below end
   at a heading over links to other pages ("Lesen Sie auch", "Related articles").
   A generic date tag's day (below) that the page also prints by its headline (the
   headline's line may be long: "Home › Culture › Title 01.05.2017") beats a day printed
   there alone, which may be the masthead's "today";
4. ``label``: a day anywhere on the page that a word of publication labels ("Written:
   2023-11-07", "Posted on ...", "... am 3. Dezember 2011 um 10:00 Uhr veröffentlicht"),
   or a byline alone on the line above it ("von Ulrike" / "18.10.2019 16:06 Uhr"), or
   a word of publication in a sentence that inline elements break over short lines
   ("... wurde am" / "19. Mai 2010" / "um" / "23:03" / "Uhr gepostet");
5. ``markup``: generic date tags (``date``, ``DC.date``, ...), which may hold a
   modification date, yet are taken as they are: a day the page says it was updated
   is weaker evidence still (it gained on neither train half A nor B); a generic tag's
   day that the page prints nowhere gives way to another tag's (or a modification
   tag's) day that it prints;
6. ``below``: a day on a dateline further below the headline (up to ``FAR_BELOW``
   lines) but still above the article's text, where a page with a long menu, a
   picture gallery or share buttons prints it;
7. ``above``: the one day printed on the datelines above the headline (up to
   ``FAR_ABOVE`` lines, never past a line of prose), where a page whose long header
   sits between its dateline and its headline prints it; when they print two days or
   more (a list of recent posts), none; on a page whose headline is not found, the
   datelines above the first paragraph of its text;
8. ``after``: the one day printed on the datelines just after the article's text (up to
   ``AFTER_TEXT`` lines below its last paragraph, before a heading over links to other
   pages or a comment), where an author block below the text prints it; then ``above``
   again, from the text's first paragraph when it starts below the headline found (a
   site's name taken for the headline over a long menu);
9. ``updated``: the one day the page says it was updated ("Zuletzt aktualisiert:
   28.01.2022"), anywhere outside comments and related posts: the day readers are shown
   (none when it names two such days);
10. ``url-month``: on a page whose address names a month (``/2010/05/``), the day of that
   month printed on a dateline nearest the headline, however far from it;

   this search and the ``label`` one reach the whole page, so a line in a block of
   comments, replies or related posts (by its class or id) is never read by them;
11. then, on the pruned page (``fallback_date``): htmldate's markup search (``<time>``,
   date-classed elements) and its search of the whole text, kept only on a dateline.

A ``published`` day that the page prints nowhere (with or without its year, read day
first or month first) gives way to another day printed by its headline, or, when it
prints none there, to the day it says it was updated: the markup may hold the day the
piece was drafted or first filed, the page shows the day readers see (a UTC time one
day away is left to the time-zone rule below).  Of published statements that disagree,
the one whose day the page prints is taken.  When it prints neither that day nor one by
its headline, a later day of a generic date tag beats it (a piece published again keeps
its tag up to date, its first statement not).  A forum's thread (``DiscussionForumPosting``)
states the day of its first post: a later page of it, which prints that day nowhere, is
dated by the first post it shows (the ``below`` search).

A timestamp keeps the day of its own time zone.  A ``published`` timestamp in UTC
loses to a local day one day away printed by the headline: the publisher's local day
is the one it printed.  A month in the URL (``/2011/12/``) rules out
candidates of other months but the next one (a page is often filed under the month its
draft was begun, and published in the following one).  A page that states no date gets
None: nothing is invented.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from ..records import PublishedSource
from ..textnorm import fold_spaces
from .datelines import (
    PROSE_LINES,
    PROSE_WORDS,
    RELATED,
    WORD,
    FarDays,
    first_piece,
    first_prose_line,
    is_dateline,
    join_split_days,
    with_bylines,
    without_headline,
)
from .headline import headline_line
from .page_markup import (
    Stamp,
    generic_stamps,
    is_thread,
    later_generic_days,
    modified_stamps,
    published_stamps,
)
from .printed_dates import (
    EARLIEST_YEAR,
    labelled_days,
    leading_days,
    printed_days,
    revised_days,
    shows_day,
)
from .urldates import page_url, url_day, url_month

log = logging.getLogger(__name__)

HEADLINE_BEFORE = 4  # visible lines looked at above the headline
HEADLINE_AFTER = 12  # ... and below it
LABELLED_LINE_CHARS = 160  # a longer line by the headline gives only the days it labels
LINE_START = 24  # ... and a longer one a day at its very start ("27.1.2022 - Bei der ...")

_DIGIT = re.compile(r"\d")
_MACHINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")
_US_ENGLISH = re.compile(r"^en(?:-us)?$", re.I)
# Blocks of comments, replies and related posts, by their class or id.
_ASIDE_NAMES = "comment|respond|repl(y|ies)|disqus|kommentar|related|recommend|more-stories"
_ASIDE_BLOCKS = etree.XPath(
    "//*[not(self::html or self::body)]"
    f"[re:test(@class, '{_ASIDE_NAMES}', 'i') or re:test(@id, '{_ASIDE_NAMES}', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


@dataclass(frozen=True, slots=True)
class PageDate:
    """The publication day chosen and where it came from (None, None: the page has none)."""

    value: str | None
    source: PublishedSource | None
    evidence: str | None = None  # which kind: published, headline, updated, url, markup, text


NO_DATE = PageDate(None, None)


def page_date(
    tree: HtmlElement, visible: list[str], url: str | None, today: date | None = None
) -> PageDate:
    """The date a parsed, unpruned page states (``visible``: its visible lines), from its
    publication markup, its headline's dateline, its URL and its generic date tags.
    NO_DATE when none of them gives one: then ask ``fallback_date`` on the pruned page."""
    today = today or date.today()
    address = page_url(tree, url)
    fits = _fits(address, today)
    published = [s for s in published_stamps(tree) if fits(s.day)]
    in_url = url_day(address)
    if in_url is not None and fits(in_url):  # the day the page was filed under
        stated = any(s.day == in_url for s in published)
        return PageDate(in_url.isoformat(), "metadata" if stated else "url", "url")
    month_first = bool(_US_ENGLISH.match(tree.getroottree().getroot().get("lang", "").strip()))
    visible = join_split_days(visible, today, month_first)
    at = headline_line(tree, visible)
    window = _headline_window(visible, at)
    headline = _headline_day(visible, window, today, fits, month_first)
    if published:
        chosen = next((s for s in published if s.day == headline), None) or _first_shown(
            published, visible
        )
        if chosen.utc_hour is not None:
            local = _local_day(chosen, headline)
            if local is not None:
                return local
        if headline is None:
            far = FarDays(visible, today, fits, month_first, _Aside(tree))
            unshown = _unshown_published(chosen.day, tree, visible, fits, lambda: far.below(at))
            if unshown is not None:
                return unshown
        updated = None
        if headline is None:  # the page may show only when it was updated
            updated = _headline_day(visible, window, today, fits, month_first, revised_days)
        return _readers_day(chosen, headline, updated, visible) or PageDate(
            chosen.day.isoformat(), "metadata", "published"
        )
    generic = [s.day for s in generic_stamps(tree) if fits(s.day)]
    if headline:
        for day in generic:  # a tag's day that the page also prints by its headline
            if day != headline and any(
                day in printed_days(visible[i], today, month_first) for i in window
            ):
                return PageDate(day.isoformat(), "metadata", "markup")
        return PageDate(headline.isoformat(), "text", "headline")
    aside = _Aside(tree)
    for text, lines, weak in with_bylines(visible):
        for day in labelled_days(text, today, month_first, weak):
            if fits(day) and not any(aside(line) for line in lines):
                return PageDate(day.isoformat(), "text", "label")
    if generic:
        day = _shown_tag_day(generic, tree, visible, fits)
        return PageDate(day.isoformat(), "metadata", "markup")
    far = FarDays(visible, today, fits, month_first, aside)
    # without a headline, "above" reads the lines above the text's first paragraph
    top = at if at is not None else first_prose_line(visible)
    searches: tuple[tuple[str, Callable[[], date | None]], ...] = (
        ("below", lambda: far.below(at)),
        ("above", lambda: far.above(top)),
        ("after", lambda: far.after_text(at)),
        ("above", lambda: far.above_text(at)),  # a headline found far above the text
        ("updated", far.updated),
    )
    for evidence, search in searches:  # in turn, the first that finds a day
        if (found := search()) is not None:
            return PageDate(found.isoformat(), "text", evidence)
    if url_month(address) is not None:
        for index in _nearest_first(visible, at):
            if is_dateline(visible[index]) and not aside(visible[index]):
                for day in printed_days(visible[index], today, month_first):
                    if fits(day):
                        return PageDate(day.isoformat(), "text", "url-month")
    return NO_DATE


def fallback_date(
    pruned: HtmlElement, visible: list[str], url: str | None, today: date | None = None
) -> PageDate:
    """htmldate's search on the page without its comments, related posts and other
    furniture: its markup (``<time>``, date-classed elements) first, then its text, where a
    day counts only if the page shows it on a dateline, never one told of in a sentence."""
    today = today or date.today()
    fits = _fits(page_url(pruned, url), today)
    found = _htmldate(pruned, False, today)
    if found is not None and fits(found):
        return PageDate(found.isoformat(), "metadata", "markup")
    found = _htmldate(pruned, True, today)
    if found is not None and fits(found) and _printed_on_a_short_line(found, visible, today):
        return PageDate(found.isoformat(), "text", "text")
    return NO_DATE


def _fits(address: str | None, today: date) -> Callable[[date], bool]:
    """Whether a day can be the page's: not after today, not before the web's news, and in
    the month its URL names (``/2011/12/``), when it names one."""
    month = url_month(address)

    def fits(day: date) -> bool:
        in_month = month is None or (day.year, day.month) in (month, _next(month))
        return day.year >= EARLIEST_YEAR and day <= today and in_month

    return fits


def _readers_day(
    chosen: Stamp, headline: date | None, updated: date | None, visible: list[str]
) -> PageDate | None:
    """The day the page shows, when its published statement is of a day it prints nowhere:
    the day printed by its headline, else the day it says it was updated.  A UTC time one
    day from the headline's day is left to the time-zone rule (``_local_day``)."""
    if headline is not None:
        if headline == chosen.day or (
            chosen.utc_hour is not None and abs((headline - chosen.day).days) == 1
        ):
            return None
        day, kind = headline, "headline"
    elif updated is not None and updated != chosen.day:
        day, kind = updated, "updated"
    else:
        return None
    return None if _shown(chosen.day, visible) else PageDate(day.isoformat(), "text", kind)


def _unshown_published(
    day: date,
    tree: HtmlElement,
    visible: list[str],
    fits: Callable[[date], bool],
    first_below: Callable[[], date | None],
) -> PageDate | None:
    """The day of a page whose published statement (``day``) it prints nowhere and whose
    headline prints none: a later day that its generic date tag states (a piece published
    again, the tag kept up to date, the first statement not), else, on a later page of a
    forum's thread (whose statement is of the thread's first post), the first day below its
    headline (its own first post); None when neither applies or the page prints ``day``."""
    later = next((d for d in later_generic_days(tree, day) if fits(d)), None)
    thread = later is None and is_thread(tree)
    if (later is None and not thread) or _shown(day, visible):
        return None
    if later is not None:
        return PageDate(later.isoformat(), "metadata", "markup")
    first = first_below()
    return PageDate(first.isoformat(), "text", "below") if first is not None else None


def _shown_tag_day(
    generic: list[date], tree: HtmlElement, visible: list[str], fits: Callable[[date], bool]
) -> date:
    """The first generic tag's day; when the page prints it nowhere, the first day that
    another tag (generic, or of a modification) gives and the page prints: the day its
    readers are shown ("uploadDate" may be the day a file was first stored)."""
    if _shown(generic[0], visible):
        return generic[0]
    others = chain(generic[1:], (s.day for s in modified_stamps(tree)))
    return next((d for d in others if fits(d) and _shown(d, visible)), generic[0])


def _first_shown(published: list[Stamp], visible: list[str]) -> Stamp:
    """Of statements that disagree, the first whose day the page prints, else the first."""
    if len({s.day for s in published}) > 1:
        return next((s for s in published if _shown(s.day, visible)), published[0])
    return published[0]


def _shown(day: date, visible: list[str]) -> bool:
    """True when some line of the page prints ``day``, with or without its year; a machine
    timestamp left in the text ("2021-10-27T20:35:36+01:00") is markup, not a day shown."""
    lines = (_MACHINE.sub(" ", line) for line in visible if _DIGIT.search(line))
    return any(shows_day(line, day) for line in lines)


def _printed_on_a_short_line(day: date, visible: list[str], today: date) -> bool:
    """True when the page shows ``day`` in a line that is not prose (a dateline, a list
    entry), so that a date told of in a sentence of the article is never its date."""
    year = str(day.year)[2:]
    lines = (line if is_dateline(line) else line[:LINE_START] for line in visible if year in line)
    return any(day in printed_days(line, today) for line in lines)


def _local_day(stamp: Stamp, headline: date | None) -> PageDate | None:
    """The publisher's own day for a UTC time, when the page prints it one day away by its
    headline: the next day only for a UTC time in the afternoon or later (zones east of
    Greenwich), the day before only for one in the morning (zones west of it)."""
    assert stamp.utc_hour is not None
    after = stamp.day + timedelta(days=1) if stamp.utc_hour >= 12 else None
    before = stamp.day - timedelta(days=1) if stamp.utc_hour < 12 else None
    if headline is not None and headline in (after, before):
        return PageDate(headline.isoformat(), "text", "published")
    return None


def _headline_window(visible: list[str], at: int | None) -> list[int]:
    """The indices of the lines around the headline, nearest first; below it only down
    into the article's first paragraphs."""
    if at is None:
        return []
    below, prose = [], 0
    for index in range(at, min(len(visible), at + HEADLINE_AFTER + 1)):
        prose += len(WORD.findall(visible[index])) >= PROSE_WORDS
        if prose > PROSE_LINES:
            break  # deep in the article's text: what follows it (comments) dates nothing
        if index > at and RELATED.match(visible[index]):
            break  # "Read also": the days below are of other pages
        below.append(index)
    order = below[:]
    for k in range(1, HEADLINE_BEFORE + 1):  # a line above comes after the one as far below
        order.insert(2 * k, at - k)
    order.append(order.pop(0))  # a day in the headline itself is the day of its story
    return [i for i in order if 0 <= i < len(visible)]


def _headline_day(
    visible: list[str],
    window: list[int],
    today: date,
    fits: Callable[[date], bool],
    month_first: bool,
    days: Callable[[str, date, bool], Iterator[date]] = printed_days,
) -> date | None:
    """The first fitting day printed in the short lines of the headline's window (of
    ``days``: its publication days, or its revision days), labelled on a longer one, or
    at the very start of a long one (a lead paragraph that opens with its dateline)."""
    headline = visible[window[-1]] if window else ""  # the window ends at the headline
    for index in window:
        line = visible[index]
        if is_dateline(line):
            found = days(line, today, month_first)
            if days is printed_days:  # two days on one dateline: updated and published
                found = iter(sorted(found))  # ("modified ... published ..."): the earlier
        elif days is printed_days:
            # a day a word of publication labels ("PUBLISHED: ... | UPDATED: ..."), or one
            # that opens the line ("27.1.2022 - Bei der ...", "Dezember 10, 2019 · von ann")
            labelled = (
                labelled_days(line, today, month_first)
                if len(line) <= LABELLED_LINE_CHARS
                else iter(())
            )
            found = chain(
                labelled,
                leading_days(line, today, month_first, LINE_START),
                printed_days(first_piece(line), today, month_first),  # "By Ela on ... | ..."
                printed_days(without_headline(line, headline), today, month_first),
            )
        else:
            continue
        for day in found:
            if fits(day):
                return day
    return None


class _Aside:
    """Whether a visible line stands in a comment, a reply or a list of related posts, whose
    days are never the page's (asked of the searches that reach the whole page).  The
    blocks are found on the first question only; a block that holds an ``<h1>`` (a
    page's ``<div class="has-comments">``) is the page, not an aside."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree = tree
        self._text: str | None = None

    def __call__(self, line: str) -> bool:
        if self._text is None:
            self._text = self._read()
        return bool(self._text) and line in self._text

    def _read(self) -> str:
        texts: list[str] = []
        blocks = _ASIDE_BLOCKS(self._tree)
        inside = set(blocks)
        for block in blocks:
            if any(a in inside for a in block.iterancestors()):
                continue  # its text is in its outer block's
            if block.find(".//h1") is None:
                texts.append(fold_spaces(block.text_content()))
        return "\n".join(texts)


def _nearest_first(visible: list[str], at: int | None) -> list[int]:
    """Every line's index, the nearest to the headline first (page order without one)."""
    if at is None:
        return list(range(len(visible)))
    return sorted(range(len(visible)), key=lambda i: (abs(i - at), i < at))


def _htmldate(tree: HtmlElement, extensive: bool, today: date) -> date | None:
    try:
        found = find_date(
            tree, extensive_search=extensive, original_date=True, max_date=today.isoformat()
        )
    except Exception as exc:  # htmldate on a malformed page: no date, never a crash
        log.debug("htmldate failed: %s", exc)
        return None
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _next(month: tuple[int, int]) -> tuple[int, int]:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)
