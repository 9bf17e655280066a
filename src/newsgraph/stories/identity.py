"""What makes an article's event this event: its identity record, and how two compare.

An :class:`Identity` holds, for one article,

* ``names``: proper names written in its title and body (people, organisations,
  places), as lower-case keys, one per capitalised word ("Tara Reid" gives ``tara``
  and ``reid``); a word capitalised only where a sentence starts is not a name;
* ``people`` and ``places``: the names the actor coder read as people (their last
  word), and the places the coder or the place stage resolved (lower case);
* ``numbers``: salient numbers (above ten, or with decimals: tolls, magnitudes,
  scores), years and small counts left out;
* ``events``: coded event triples, ``TYPE source>target``;
* ``date`` with its ``precision`` (day, month, year): the publication date, else the
  date the text implies (a dateline in the page's furniture or at the head of the
  body: "May 03, 2013", "WASHINGTON, April 28, 2009"), else none.

It can be computed from an article's text (``identity_of``) with what the coder stored
(people, places, events), or read back (``Identity.from_json``).  ``compare`` scores
two records with the weights of ``data/analysis/story_identity.yaml``::

    score = cosine + w_no * |N∩| / min(|N|) + w_nj * |N∩| / |N∪|
            + w_num * min(|#∩|, 3) / 3 + w_pl * min(|P∩|, 2) / 2 + w_ev * min(|E∩|, 3) / 3

and a pair whose dates lie further apart than the window scores ``date_gate``.  The
shared sets are kept, so a story can say why its articles are together.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

import yaml

from ..errors import DataFileError
from ..eventdates import find_time_expressions, parse_published, resolve_event_date

__all__ = [
    "Identity",
    "Link",
    "Weights",
    "compare",
    "identity_of",
    "implied_date",
    "load_weights",
    "text_names",
    "text_numbers",
]

_NAME = re.compile(r"\b[A-Z][A-Za-z'’\-]*[A-Za-z]")
_OPENS = re.compile(r"(?:^|[.!?:;\"“”‘(\[|•–—-]\s*|\n\s*)$")
_NUMBER = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[.,:/-]\d)")
_ABSOLUTE = {"iso", "mdy", "dmy", "my", "y", "y_alone"}
_URLISH = re.compile(r"^\s*(?:https?\s*:|www\s*\.)|\s/\s.*\s/\s", re.IGNORECASE)
TEXT_CHARS = 2500  # of the body read for names and numbers
DATELINE_CHARS = 300  # of the furniture and of the body searched for a dateline
_PRECISION = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class Weights:
    names_overlap: float
    names_jaccard: float
    numbers: float
    places: float
    events: float
    dates: float
    date_gate: float
    not_names: frozenset[str]

    @property
    def most(self) -> float:
        """The largest bonus two articles can get beyond their cosine."""
        return (
            self.names_overlap + self.names_jaccard + self.numbers + self.places + self.events
        ) + self.dates


@functools.cache
def load_weights() -> Weights:
    """Read and check ``data/analysis/story_identity.yaml``."""
    name = "data/analysis/story_identity.yaml"
    try:
        raw = yaml.safe_load((resources.files("newsgraph") / name).read_text(encoding="utf-8"))
        w = raw["weights"]
        keys = ("names_overlap", "names_jaccard", "numbers", "places", "events", "dates")
        if set(w) != set(keys):
            raise ValueError(f"weights must be exactly {keys}, got {sorted(w)}")
        n_o, n_j, num, pla, eve, dat = (float(w[k]) for k in keys)
        values = (n_o, n_j, num, pla, eve, dat)
        if any(not 0.0 <= v <= 2.0 for v in values):
            raise ValueError(f"weights must lie in [0, 2], got {values}")
        gate = float(raw["date_gate"])
        if gate > 0:
            raise ValueError(f"date_gate must not be positive, got {gate}")
        words = raw["not_names"]
        if not all(isinstance(x, str) and x == x.lower() for x in words):
            raise ValueError("not_names must be lower-case strings")
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise DataFileError(f"{name} is malformed: {exc}") from exc
    return Weights(n_o, n_j, num, pla, eve, dat, gate, frozenset(words))


@dataclass(frozen=True, slots=True)
class Identity:
    """An article's identity features (see the module docstring)."""

    names: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    date: str | None = None
    precision: str = "unknown"  # day | month | year | unknown
    date_source: str = "none"  # published | text | none

    def span(self) -> tuple[int, int] | None:
        """The first and last day (ordinals) the date may mean, or None."""
        return date_span(self.date, self.precision)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            k: sorted(getattr(self, k)) for k in ("names", "people", "places", "numbers", "events")
        }
        out.update(date=self.date, precision=self.precision, date_source=self.date_source)
        return out

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Identity:
        sets = {
            k: frozenset(row.get(k) or ())
            for k in ("names", "people", "places", "numbers", "events")
        }
        return cls(
            **sets,
            date=row.get("date"),
            precision=row.get("precision") or "unknown",
            date_source=row.get("date_source") or "none",
        )


def date_span(value: str | None, precision: str) -> tuple[int, int] | None:
    if not value or precision not in _PRECISION:
        return None
    try:
        year = int(value[:4])
        if precision == "day":
            day = date.fromisoformat(value[:10]).toordinal()
            return day, day
        if precision == "month":
            month = int(value[5:7])
            end = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
            return date(year, month, 1).toordinal(), end
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None


@functools.cache
def countries() -> dict[str, str]:
    """One-word country names and demonyms (lower case) -> ISO code, from
    ``data/actors/countries.yaml`` ("Armenian", "Armenians", "Armenia" -> ARM)."""
    name = "data/actors/countries.yaml"
    try:
        raw = yaml.safe_load((resources.files("newsgraph") / name).read_text(encoding="utf-8"))
        out: dict[str, str] = {}
        for item in raw["countries"]:
            code = str(item["code"])
            words = [item["name"], *(item.get("aliases") or ())]
            for word in [w for w in words if " " not in w] + list(item.get("demonyms") or ()):
                low = str(word).lower()
                out.setdefault(low, code)
                if low.endswith(("an", "i", "ot", "ite")):
                    out.setdefault(low + "s", code)
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{name} is malformed: {exc}") from exc
    return out


def text_names(text: str, not_names: frozenset[str] | None = None) -> frozenset[str]:
    """Keys of the capitalised words that are names somewhere in ``text``.

    A word counts when it is capitalised after the start of a sentence at least once
    (so "After" opening a sentence is not a name, "Lohan" is); words of more than four
    capitals (headlines in capitals) and words of two letters or fewer are left out.
    A key is the word in lower case, or the country's code (upper case) for a
    country's name or demonym, so "Armenian" and "Armenia" meet.
    """
    stop = load_weights().not_names if not_names is None else not_names
    codes = countries()
    mid: set[str] = set()
    for m in _NAME.finditer(text):
        word = re.sub(r"['’]s?$", "", m.group(0))
        if len(word) < 3 or (word.isupper() and len(word) > 4):
            continue
        key = word.lower()
        if key in stop or key in mid:
            continue
        if not _OPENS.search(text[max(0, m.start() - 4) : m.start()]):
            mid.add(key)
    return frozenset(codes.get(k, k) for k in mid)


def text_numbers(text: str) -> frozenset[str]:
    """Salient numbers: above ten or with decimals, not years, not parts of dates or times."""
    found: set[str] = set()
    for m in _NUMBER.finditer(text):
        raw = m.group(1).replace(",", "")
        value = float(raw)
        if "." not in raw and (value <= 10 or 1900 <= value <= 2099):
            continue
        found.add(raw)
    return frozenset(found)


def implied_date(furniture: str, body: str) -> tuple[str | None, str]:
    """The date a page's text implies: the first absolute date of its dateline.

    The head of the furniture (where extraction puts a dateline line) is read first,
    then the head of the body.  Only absolute dates count ("May 3, 2013", "April
    2009", "in 2008"): a relative one ("on Tuesday") needs a date to count from.
    Returns (ISO date cut to its precision, precision) or (None, "unknown").
    """
    for text in (furniture[:DATELINE_CHARS], body[:DATELINE_CHARS]):
        for name, m in find_time_expressions(text):
            if name not in _ABSOLUTE:
                continue
            value, precision = resolve_event_date(m.group(0), None)
            if value and precision in _PRECISION:
                return value, precision
    return None, "unknown"


def _published(published: str | None) -> tuple[str | None, str]:
    parsed = parse_published(published)
    if parsed is None:
        return None, "unknown"
    day, precision = parsed
    if precision == "day":
        return day.isoformat(), "day"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return f"{day.year:04d}", "year"


def identity_of(
    title: str,
    body: str,
    furniture: str = "",
    published: str | None = None,
    people: Iterable[str] = (),
    places: Iterable[str] = (),
    events: Iterable[str] = (),
    actors: Iterable[str] = (),
) -> Identity:
    """An article's identity from its text and what the coder found in it.

    ``people`` are person names as written (their last word is kept), ``places``
    place names, ``events`` triples ``TYPE source>target``, ``actors`` actor codes
    (the country each names, "PERMIL" -> PER, counts as a name).  A title that is a
    URL (some pages have no other) is not read for names.
    """
    head = "" if _URLISH.search(title or "") else (title or "")
    text = f"{head}\n{body[:TEXT_CHARS]}"
    value, precision = _published(published)
    source = "published" if value else "none"
    if value is None:
        value, precision = implied_date(furniture, body)
        source = "text" if value else "none"
    known = set(countries().values())
    coded = {code[:3] for code in actors if code[:3] in known}
    return Identity(
        names=text_names(text) | coded,
        people=frozenset(p.split()[-1].lower() for p in people if p.strip()),
        places=frozenset(
            countries().get(p.strip().lower(), p.strip().lower()) for p in places if p.strip()
        ),
        numbers=text_numbers(text),
        events=frozenset(events),
        date=value,
        precision=precision,
        date_source=source,
    )


@dataclass(frozen=True, slots=True)
class Link:
    """Why two articles are (or are not) one event: the score and what they share."""

    score: float
    similarity: float  # cosine of the embeddings
    names: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # the two dates, when both are known and agree
    gated: bool = False  # dated too far apart to be one event
    extra: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "people": list(self.people),
            "places": list(self.places),
            "names": list(self.names),
            "numbers": list(self.numbers),
            "events": list(self.events),
            "dates": list(self.dates),
        }


def apart(a: tuple[int, int] | None, b: tuple[int, int] | None, window: int) -> bool:
    """Dated further apart than ``window`` days (never, when either is undated)."""
    if a is None or b is None:
        return False
    return max(a[0], b[0]) - min(a[1], b[1]) > window


def bonus(a: Identity, b: Identity, w: Weights) -> float:
    """The identity part of the score (see the module docstring)."""
    shared = len(a.names & b.names)
    total = 0.0
    if shared:
        total += w.names_overlap * shared / min(len(a.names), len(b.names))
        total += w.names_jaccard * shared / len(a.names | b.names)
    if a.numbers and b.numbers:
        total += w.numbers * min(len(a.numbers & b.numbers), 3) / 3
    if a.places and b.places:
        total += w.places * min(len(a.places & b.places), 2) / 2
    if a.events and b.events:
        total += w.events * min(len(a.events & b.events), 3) / 3
    if w.dates and a.precision == "day" and b.precision == "day":
        sa, sb = a.span(), b.span()
        if sa is not None and sb is not None and abs(sa[0] - sb[0]) <= 1:
            total += w.dates
    return total


def compare(a: Identity, b: Identity, cosine: float, window: int, w: Weights | None = None) -> Link:
    """The pair's score with what the two share (for explanations)."""
    w = w or load_weights()
    sa, sb = a.span(), b.span()
    if apart(sa, sb, window):
        return Link(w.date_gate, cosine, gated=True)
    dates = tuple(sorted({str(a.date), str(b.date)})) if sa is not None and sb is not None else ()
    names = a.names & b.names
    people = names & (a.people | b.people)
    places = (a.places & b.places) | {
        n for n in names if n.isupper() or n in a.places or n in b.places
    }
    return Link(
        score=cosine + bonus(a, b, w),
        similarity=cosine,
        names=tuple(sorted(names - people - places)),
        people=tuple(sorted(people)),
        places=tuple(sorted(places)),
        numbers=tuple(sorted(a.numbers & b.numbers, key=lambda x: (len(x), x))),
        events=tuple(sorted(a.events & b.events)),
        dates=dates,
    )


def dumps(identity: Identity) -> str:
    return json.dumps(identity.to_json(), ensure_ascii=False, sort_keys=True)
