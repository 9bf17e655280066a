"""Datelines among a page's visible lines, and the searches for a day printed on them far
from the headline (``extract.pagedate``): below it, above it, and just after the text.

A dateline is a short line of few words ("Bettina Kugler 19.10.2019, 05:00 Uhr"), not
a piece of prose.  Each search takes the lines in a block of comments, replies or
related posts as ``aside`` (their days are never the page's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from .printed_dates import month_numbers, printed_days, revised_days

DATELINE_CHARS = 80  # a longer line is prose, not a dateline ...
DATELINE_WORDS = 8  # ... and so is a line of more words
PROSE_WORDS = 25  # a line of this many words is the article's text ...
PROSE_LINES = 2  # ... and after this many of them below the headline, the window ends
FAR_BELOW = 36  # lines below the headline that the ``below`` search reads at most
FAR_ABOVE = 36  # ... and above it, the ``above`` search
AFTER_TEXT = 4  # lines after the last paragraph of the text that the ``after`` search reads
SPLIT_PIECES = 4  # tiny lines that a day printed in pieces spans at most ...
SENTENCE_BEFORE = 2  # short lines before a day and after it that a sentence spans
SENTENCE_AFTER = 3
HEADLINE_SHARED = 20  # characters a line shares with the headline to repeat it
SPLIT_CHARS = 12  # ... each of them this long at most ("noviembre", "Okt 2018")

WORD = re.compile(r"[^\W\d_]{2,}")
# A byline alone on its line: "von Ulrike", "By Ann Lee", "par Jean-Luc Petit".
_BYLINE = re.compile(r"(?:by|von|par|por)(?:\s+(?-i:[A-ZÄÖÜÉ])[\w.'-]*){1,3}", re.I)
_PIECES = re.compile(r"\s+[|•·]\s+")  # separators between the notes of a byline
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A heading over links to other pages ("Lesen Sie auch", "Related articles").
RELATED = re.compile(
    r"^(?:lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|das könnte sie auch "
    r"interessieren|weitere artikel|ähnliche artikel|ähnliche beiträge|read (?:also|more)|"
    r"see also|also read|related(?: articles| posts| stories| news)?|more (?:on this|stories)|"
    r"you may also like|lire aussi|à lire aussi|voir aussi|lee también|leggi anche)\b[\s:.!…]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FarDays:
    """The searches for a day printed far from the headline, over one page's visible
    lines: ``fits`` says a day may be the page's, ``aside`` that a line is in a block of
    comments or related posts."""

    visible: list[str]
    today: date
    fits: Callable[[date], bool]
    month_first: bool
    aside: Callable[[str], bool]

    def below(self, at: int | None) -> date | None:
        """The first fitting day on a dateline below the headline, up to ``FAR_BELOW``
        lines, never past the article's first paragraphs nor a heading over links."""
        if at is None:
            return None
        prose = 0
        for line in self.visible[at + 1 : at + FAR_BELOW + 1]:
            prose += len(WORD.findall(line)) >= PROSE_WORDS
            if prose > PROSE_LINES or RELATED.match(line):
                return None
            if is_dateline(line) and not self.aside(line):
                for day in printed_days(line, self.today, self.month_first):
                    if self.fits(day):
                        return day
        return None

    def above(self, at: int | None) -> date | None:
        """The day on the datelines above the headline (up to ``FAR_ABOVE`` lines, never
        past a line of prose) when they print one day only: a list of other posts over
        the headline prints several, and then none is taken."""
        if at is None:
            return None
        lines = []
        for index in range(at - 1, max(-1, at - FAR_ABOVE - 1), -1):
            if len(WORD.findall(self.visible[index])) >= PROSE_WORDS:
                break
            lines.append(self.visible[index])
        return self._only_day(lines)

    def above_text(self, at: int | None) -> date | None:
        """The day on the datelines above the text's first paragraph, when that starts below
        the headline found (a page whose headline is taken from its masthead, the site's
        name, far above the article): the ``above`` search from there."""
        first = first_prose_line(self.visible)
        if at is None or first is None or first <= at:
            return None
        return self.above(first)

    def after_text(self, at: int | None) -> date | None:
        """The day on a dateline just after the article's text (``AFTER_TEXT`` lines below
        its last paragraph of prose), where an author block prints it: the text ends at a
        heading over links to other pages (but a box of them that a paragraph follows is
        set inside the text) or at a comment."""
        if at is None:
            return None
        visible = self.visible
        last, end, box = None, len(visible), -1
        for index in range(at + 1, len(visible)):
            line = visible[index]
            if RELATED.match(line) and not self.aside(line):
                resumes = _text_resumes(visible, index)
                if resumes is None:
                    end = index
                    break
                box = resumes
                continue  # a box of links inside the text, which goes on at ``box``
            if self.aside(line):
                end = index
                break
            if len(WORD.findall(line)) >= PROSE_WORDS:
                last = index
            elif last is not None and index > box and index - last >= AFTER_TEXT:
                break  # the text ended at its last paragraph
        if last is None:
            return None
        return self._only_day(visible[last + 1 : min(end, last + 1 + AFTER_TEXT)])

    def updated(self) -> date | None:
        """The day a page that states no other says it was updated ("Updated November 3rd,
        2023", "Zuletzt aktualisiert: ..."), when it names one such day only (outside
        comments and related posts): the day its readers are shown."""
        days: set[date] = set()
        for line in self.visible:
            if not self.aside(line):
                days.update(self._fitting(revised_days(line, self.today, self.month_first)))
                if len(days) > 1:
                    return None
        return days.pop() if days else None

    def _only_day(self, lines: list[str]) -> date | None:
        """The fitting day the datelines among ``lines`` print, when they print one only."""
        days: set[date] = set()
        for line in lines:
            if is_dateline(line) and not self.aside(line):
                days.update(self._fitting(printed_days(line, self.today, self.month_first)))
        return days.pop() if len(days) == 1 else None

    def _fitting(self, days: Iterable[date]) -> Iterator[date]:
        return (day for day in days if self.fits(day))


def _text_resumes(visible: list[str], index: int) -> int | None:
    """The line where a paragraph of prose follows the heading at ``index`` within
    ``AFTER_TEXT`` lines: a box of links set inside the article ("Lesen Sie auch" over one
    teaser), after which its text goes on; None when the heading ends the text."""
    return next(
        (
            i
            for i in range(index + 1, min(len(visible), index + 1 + AFTER_TEXT))
            if len(WORD.findall(visible[i])) >= PROSE_WORDS
        ),
        None,
    )


def join_split_days(visible: list[str], today: date, month_first: bool) -> list[str]:
    """``visible`` with each day printed over a run of tiny lines ("2", "noviembre", "2023":
    a theme sets its day, month and year in elements of their own) joined into one line;
    a run is joined only when it prints a whole day that none of its lines prints alone."""
    joined: list[str] = []
    index = 0
    while index < len(visible):
        for size in range(SPLIT_PIECES, 1, -1):
            run = visible[index : index + size]
            if len(run) == size and _split_day(run, today, month_first):
                joined.append(" ".join(run))
                index += size
                break
        else:
            joined.append(visible[index])
            index += 1
    return joined


def _split_day(run: list[str], today: date, month_first: bool) -> bool:
    """True when every line of ``run`` is a piece of a day (numbers, a month's name), one
    of them a month's name or a year of four digits (one of each at most, and no more
    numbers than a day and a month leave), and together they print a whole day
    that none of them prints alone ("06.", "07.", "08." on a list are no day)."""
    if not all(len(piece) <= SPLIT_CHARS and _is_piece(piece) for piece in run):
        return False
    named = sum(bool(WORD.search(piece)) for piece in run)
    years = sum(bool(_YEAR.search(piece)) for piece in run)
    numbers = sum(any(c.isdigit() for c in piece) for piece in run) - years
    if named > 1 or years > 1 or numbers > 2 - named or not (named or years):
        return False  # two months' names are a calendar's, more numbers a list's
    if any(next(printed_days(piece, today, month_first), None) for piece in run):
        return False
    return next(printed_days(" ".join(run), today, month_first), None) is not None


def _is_piece(piece: str) -> bool:
    """A number, a sign between numbers, or a month's name (with numbers): "26", "-", "Okt"."""
    months = month_numbers()
    words = WORD.findall(piece)
    return (
        bool(piece.strip())
        and all(w.lower() in months for w in words)
        and (bool(words) or not any(c.isalpha() for c in piece))
    )


def first_piece(line: str) -> str:
    """The first piece of a long line that separators cut into pieces, when it is a
    dateline ("By Ela on 31. October, 2023 | 18 Comments. This post may contain ..."): a
    byline set before the page's other notes; else an empty string."""
    piece = _PIECES.split(line, maxsplit=1)[0]
    return piece if piece != line and is_dateline(piece) else ""


def without_headline(line: str, headline: str) -> str:
    """``line`` without the words it shares with the headline, when it repeats them (a
    breadcrumb trail that ends in the title, then the day: "Home › Culture › Title
    01.05.2017") and what is left is a dateline; else an empty string."""
    if line == headline or not any(c.isdigit() for c in line):
        return ""
    if not _may_share(line, headline):
        return ""
    match = SequenceMatcher(None, line, headline, autojunk=False).find_longest_match()
    if match.size < min(HEADLINE_SHARED, len(headline)):
        return ""
    rest = f"{line[: match.a]} {line[match.a + match.size :]}".strip()
    return rest if is_dateline(rest) else ""


def _may_share(line: str, headline: str) -> bool:
    """A quick test that ``line`` may share a run of ``HEADLINE_SHARED`` characters with the
    headline (or the whole of a shorter one): any such run holds one of the headline's
    pieces of half that length cut at fixed steps (the exact search is slow)."""
    if len(headline) < HEADLINE_SHARED:
        return headline in line
    step = HEADLINE_SHARED // 2
    return any(headline[i : i + step] in line for i in range(0, len(headline) - step + 1, step))


def with_bylines(visible: list[str]) -> Iterator[tuple[str, tuple[str, ...], bool]]:
    """Each line (with the lines it is made of, and whether a weak label counts on it); after
    a line that is a byline alone ("von Ulrike", "By Ann Lee") the byline joined with the
    dateline below it ("von Ulrike 18.10.2019 16:06 Uhr"): an author block that sets its
    name and day apart; and a short line that prints a day joined with the short lines
    around it, for a word of publication only (a sentence broken over lines)."""
    for index, line in enumerate(visible):
        yield line, (line,), True
        below = visible[index + 1] if index + 1 < len(visible) else ""
        if _BYLINE.fullmatch(line.strip()) and below and is_dateline(below):
            yield f"{line} {below}", (line, below), True
        if is_dateline(line) and any(c.isdigit() for c in line):
            lines = _sentence_around(visible, index)
            if len(lines) > 1:
                yield " ".join(lines), lines, False


def _sentence_around(visible: list[str], index: int) -> tuple[str, ...]:
    """The line at ``index`` with the short lines around it that print no day of their own:
    a sentence that inline elements break over lines ("... wurde am" / "19. Mai 2010" /
    "um" / "23:03" / "Uhr gepostet ...")."""

    def bare(i: int) -> bool:
        return (
            0 <= i < len(visible)
            and is_dateline(visible[i])
            and next(printed_days(visible[i], date.max), None) is None
        )

    start = index
    while start > index - SENTENCE_BEFORE and bare(start - 1):
        start -= 1
    end = index + 1
    while end <= index + SENTENCE_AFTER and bare(end):
        end += 1
    return tuple(visible[start:end])


def first_prose_line(visible: list[str]) -> int | None:
    """The index of the first line of prose (the text's first paragraph), None without one."""
    return next(
        (i for i, line in enumerate(visible) if len(WORD.findall(line)) >= PROSE_WORDS), None
    )


def is_dateline(line: str) -> bool:
    """A short line of few words ("Bettina Kugler 19.10.2019, 05:00 Uhr"), not a piece of prose."""
    return len(line) <= DATELINE_CHARS and len(WORD.findall(line)) <= DATELINE_WORDS
