"""Calendar days printed on a web page: "22/11/2020 – 04:30", "02.12.19", "Apr 7, 2009",
"18. März 2020", "2019-10-16", "30 septembre 2018".

Only whole days are read (a day, a month and a year); month names come from
data/month_names.yaml (English, German, French, Spanish, Italian, Dutch, Portuguese,
the Scandinavian languages, and the genitives of Polish, Czech, Russian and Finnish).
Themes that print two days glued together ("10. Februar 20199. Februar 2019") and
dates glued to their words ("Posted on12 March 2019by") or to their clock
("28.09.1912:44": the 28th of September 2019 at 12:44) or to a count at the end of the
line ("7. Januar 20220": no comments) are read, and so is a year cut to two digits
after an apostrophe ("14 Feb ’20"); a two-digit year
after an unpadded day and month ("WordPress 4.8.12") is a version number, not a day.
A numeric day whose order is uncertain (``03/04/2016``) is read day first, or month
first on a page in US English; a number over 12 settles the order either way.
A day after words of revision ("updated", "aktualisiert", "mis à jour") is left out:
it says when the page changed, not when it was published; so is a day after words that
announce an event ("Termin: 21.02.2020", "When: March 5"): it is the event's; and a day
in an embedded post's signature ("— Ann (@ann) November 1, 2023") is the post's.  ``labelled_days`` keeps the
days that a word of publication labels ("Published: 7 April 2020", "Posted on ...",
"... am 3. Dezember 2011 um 10:00 Uhr veröffentlicht", "Geschrieben von Ann am ...");
a word of publication that opens a short line labels its days however far
("Created late on Sunday, October 18th, 2020.");
"Stand" and "Datum", and a byline's "by Name", label a day only on a short line: in prose
and lists of sources they mean "as of", or name no author.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import DataFileError

MONTHS_FILE = Path(__file__).resolve().parent.parent / "data" / "month_names.yaml"
EARLIEST_YEAR = 1995  # the web's news pages start about here

_TWO_DIGITS = re.compile(r"\d\d")
_REVISION = re.compile(
    r"(?:updated?|modified|edited|revised|last changed|aktualisiert|aktualisierung|geändert|"
    r"änderung|editiert|bearbeitet|mis à jour|mise à jour|modifié le|actualizado|aggiornato|bijgewerkt)\b"
    r"[^0-9]{0,20}$",
    re.IGNORECASE,
)
# Words that announce an event: the day after them is the event's ("Termin: 21.02.2020").
_EVENT = re.compile(
    r"\b(?:termine?|veranstaltung(?:sdatum)?|event date|when|wann|beginn|deadline|"
    r"einsendeschluss|anmeldeschluss|date de l'événement|fecha del evento)\s*:[^0-9]{0,12}$",
    re.IGNORECASE,
)
# The signature of an embedded post: "— M&S (@marksandspencer) November 1, 2023".
_EMBED = re.compile(r"\(@\w+\)\s*(?:on\s+)?[^0-9]{0,3}$")
# Words of publication, writing or filing ("Geschrieben von Ann am ...", "Eingetragen am",
# "Veröffentlichung:", "Created ...", "mis en ligne le", a CMS's "Submitted by Ann on ...",
# "Gespeichert von Ann am ...", "Erscheinungsdatum: ...").
_PUBLICATION = re.compile(
    r"\b(?:published|posted|submitted|written|created|veröffentlicht|veröffentlichung|"
    r"erschienen|publiziert|geschrieben|verfasst|erstellt|eingetragen|gespeichert|gepostet|"
    r"publiée?|mis en ligne|écrit|publicad[oa]|escrito|pubblicat[oa]|scritto|gepubliceerd|"
    r"geplaatst|(?:erscheinungs|veröffentlichungs|publikations)datum|publication date|"
    r"date de publication|fecha de publicación)\b",
    re.IGNORECASE,
)
# Words that label a day only on a short line ("Stand: 12.03.2020", "Datum 3.5.2021"): in
# prose or a list of sources they say "as of" ("(Stand: 27.1.2022)", "vom Datum ...");
# and a byline's "by Name" or "Author:" ("Von Ann Lee | Oct 24, 2023", "13 juin 2019,
# par Attac", "Autor: ann am 29.12.2010"), which in prose ("... die Version von Strava
# nutzt") names no author.
_WEAK_LABEL = re.compile(
    r"\b(?:stand|datum|date(?=\s*:)|autor|author|auteur)\b"
    r"|\b(?:by|von|par|por)\s+(?=(?-i:[A-ZÄÖÜ]))",
    re.IGNORECASE,
)
WEAK_LABEL_LINE = 80  # characters of a line on which a weak label counts
# A year ends a date unless more digits follow, except for the next date of a pair that
# a theme prints glued together ("10. Februar 20199. Februar 2019": published, updated).
_YEAR_END = r"(?:(?!\d)|(?=[0-3]?\d[./\s]))"
# A two-digit year glued to its clock ("macbacchi28.09.1912:44", forum software): four
# digits and a colon after them are a year and an hour, never a four-digit year.
_GLUED_CLOCK = r"\d\d(?=[0-2]\d:[0-5]\d(?!\d))"
# A month's name that starts a word, or that a byline glues to its author's name
# ("Ann LeeNovember 6, 2023": a capital after a small letter).
_GLUED_NAME = r"(?:(?<!\w)|(?<=[a-zäöüéß])(?-i:(?=[A-ZÄÖÜÉ])))"
_CUT_YEAR = r"[’'‘](?P<year>\d\d)(?!\d)"  # a year cut to two digits: "’20"
LABEL_REACH = 40  # characters between a word of publication and the day it labels


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every month name and short form of data/month_names.yaml -> its number (1-12)."""
    try:
        data = yaml.safe_load(MONTHS_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{MONTHS_FILE}: cannot be read ({exc})") from exc
    if not isinstance(data, dict) or not data:
        raise DataFileError(f"{MONTHS_FILE}: expected a mapping of language -> 12 months")
    numbers: dict[str, int] = {}
    for language, months in data.items():
        if not isinstance(months, list) or len(months) != 12:
            raise DataFileError(f"{MONTHS_FILE}: {language} must list 12 months, in order")
        for number, names in enumerate(months, start=1):
            if not isinstance(names, list) or not names:
                raise DataFileError(f"{MONTHS_FILE}: {language} month {number} has no names")
            for name in names:
                key = str(name).lower().rstrip(".")
                if numbers.setdefault(key, number) != number:
                    raise DataFileError(
                        f"{MONTHS_FILE}: '{key}' ({language}) names month {number} "
                        f"and month {numbers[key]}"
                    )
    return numbers


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = "|".join(re.escape(n) for n in sorted(month_numbers(), key=len, reverse=True))
    month = rf"(?P<mname>{names})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
    year = rf"(?P<year>(?:19|20)\d\d){_YEAR_END}"
    # after a month's name, a year may carry a count glued to its end ("7. Januar 20220":
    # no comments yet), when nothing but those digits follows on the line
    named_year = rf"(?P<year>(?:19|20)\d\d)(?:{_YEAR_END}|(?=\d{{1,3}}$))"
    return (
        re.compile(
            r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"
        ),
        re.compile(
            r"(?<![\d.])(?P<a>[0-3]?\d)\s?(?P<sep>[./|-])\s?(?P<b>[0-3]?\d)\s?(?P=sep)\s?"
            rf"(?P<year>{_GLUED_CLOCK}|(?:19|20)\d\d{_YEAR_END}|\d\d(?!\d))"
        ),
        re.compile(
            rf"(?<![\d.]){day}(?:\.\s*|\s+)(?:de\s+|of\s+)?{month},?\s+(?:de\s+)?{named_year}",
            re.I,
        ),
        re.compile(
            rf"{_GLUED_NAME}(?P<mname>{names})(?:\.\s*|\s+){day}(?:,\s*|\s+){named_year}", re.I
        ),
        # a year cut to two digits after an apostrophe: "14 Feb ’20", "Feb 14 '20"
        re.compile(rf"(?<![\d.]){day}(?:\.\s*|\s+){month},?\s+{_CUT_YEAR}", re.I),
        re.compile(rf"{_GLUED_NAME}(?P<mname>{names})(?:\.\s*|\s+){day},?\s+{_CUT_YEAR}", re.I),
        re.compile(rf"(?<![\d.]){day}-{month}-{year}", re.I),  # 05-Mar-2012 (logs, forums)
        re.compile(rf"(?<!\d)(?P<year>(?:19|20)\d\d)-{month}-(?P<day>[0-3]?\d)(?!\d)", re.I),
        re.compile(
            r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*"
            r"(?P<day>[0-3]?\d)\s*[日일]"
        ),
    )


def printed_days(text: str, today: date, month_first: bool = False) -> Iterator[date]:
    """The whole days printed in ``text``, in text order; revision dates left out."""
    for _, _, day in _printed(text, today, month_first):
        yield day


def leading_days(
    text: str, today: date, month_first: bool = False, reach: int = 24
) -> Iterator[date]:
    """The days printed whole within the first ``reach`` characters of ``text``: a dateline
    that opens a paragraph ("27.1.2022 - Bei der ...", "Red. / 31.10.2023 Die ...").  A day
    cut at ``reach`` is never read as a shorter one ("12.03.20|19" is no day of 2020)."""
    for _, end, day in _printed(text, today, month_first):
        if end <= reach:
            yield day


def labelled_days(
    text: str, today: date, month_first: bool = False, weak: bool = True
) -> Iterator[date]:
    """The days of ``text`` that a word of publication labels, before or after them (or,
    with ``weak``, on a short line, a weak label)."""
    short = len(text) <= WEAK_LABEL_LINE
    labels = [_PUBLICATION] + ([_WEAK_LABEL] if short and weak else [])
    # a short line that opens with a word of publication labels its days however far
    # ("Created late in the afternoon of Sunday, October 18th, 2020.")
    opened = short and _PUBLICATION.match(text.lstrip()) is not None
    for start, end, day in _printed(text, today, month_first):
        if opened:
            yield day
            continue
        before = text[max(0, start - LABEL_REACH) : start]
        if any(
            label.search(before) or label.search(text, end, end + LABEL_REACH) for label in labels
        ):
            yield day


def shows_day(text: str, day: date) -> bool:
    """True when ``text`` prints ``day``, with its year (read day first or month first) or
    without it ("21.08.", "21. August", "Aug 21"): a page may show a day without its year."""
    if any(day in printed_days(text, date.max, m) for m in (False, True)):
        return True
    names = "|".join(re.escape(n) for n, number in month_numbers().items() if number == day.month)
    d, m = day.day, day.month
    return bool(
        re.search(rf"(?<![\d.])0?{d}\.\s?0?{m}\.(?!\d)", text)
        or re.search(
            rf"(?<![\w.])0?{d}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+)?(?:{names})\b", text, re.I
        )
        or re.search(rf"(?<!\w)(?:{names})\.?\s+0?{d}(?!\d)", text, re.I)
    )


def revised_days(text: str, today: date, month_first: bool = False) -> Iterator[date]:
    """The days of ``text`` that follow a word of revision ("Updated May 06, 2019")."""
    for _, _, day in _printed(text, today, month_first, revisions=True):
        yield day


@lru_cache(maxsize=4096)
def _printed(
    text: str, today: date, month_first: bool, revisions: bool = False
) -> tuple[tuple[int, int, date], ...]:
    """(start, end, day) of the days printed in ``text``, in text order; revisions left out
    (or, with ``revisions``, only they kept).  Cached: the searches of one page read
    many of its lines more than once."""
    if not _TWO_DIGITS.search(text):
        return ()  # every form holds a year: no two digits, no day (a cheap early exit)
    found: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            day = _day_of(match, today, month_first)
            if day is None:
                continue
            taken.append((start, end))
            if _EVENT.search(text, max(0, start - 40), start) or _EMBED.search(
                text, max(0, start - 40), start
            ):
                continue  # the day of an event the page announces, or of a post it embeds
            if revisions == bool(_REVISION.search(text, max(0, start - 40), start)):
                found.append((start, end, day))
    return tuple(sorted(found, key=lambda item: item[0]))


def _day_of(match: re.Match[str], today: date, month_first: bool) -> date | None:
    groups = match.groupdict()
    year_text = groups["year"]
    year = int(year_text) if len(year_text) == 4 else _century(int(year_text), today)
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if len(year_text) == 2 and groups["sep"] != ".":
            return None  # "12/05/19" is too often a fraction or a code
        if len(year_text) == 2 and len(groups["a"]) == 1 and len(groups["b"]) == 1:
            return None  # "4.8.12" is a version number, not a day
        day, month = (b, a) if (month_first and groups["sep"] == "/" and b <= 31) else (a, b)
        if month > 12 and day <= 12:
            day, month = month, day
    elif groups.get("mname") is not None:
        month, day = month_numbers()[groups["mname"].lower()], int(groups["day"])
    else:
        month, day = int(groups["month"]), int(groups["day"])
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if found.year >= EARLIEST_YEAR and found <= today else None


def _century(year: int, today: date) -> int:
    """``19`` -> 2019 unless that is in the future, then 1919 (left out as too early)."""
    full = 2000 + year
    return full if full <= today.year else 1900 + year
