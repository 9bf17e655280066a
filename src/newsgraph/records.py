"""Records that flow between the stages of newsgraph.

Every stage takes and gives these frozen dataclasses; nothing passes plain dicts
between stages.  The flow is one way::

    sources -> Page -> extract -> Article | Failure -> nlp -> Sentence
           -> actors -> Mention -> events -> Event, Quote -> store

Dates are ISO strings (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` where only that
much is known) so that a record says no more than its source did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ContentType = Literal["html", "text"]
PublishedSource = Literal["manifest", "feed", "jsonl", "metadata", "text", "url"]
DatePrecision = Literal["day", "month", "year", "unknown"]
LocationSource = Literal["clause", "sentence", "article", "none"]
PlaceRole = Literal["place", "modifier", "demonym"]


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the input said about a page besides its content (manifest, feed, JSONL)."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: PublishedSource | None = None
    title: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One input document, decoded to text, before extraction.

    ``location`` names where it came from: a file path, ``path#record-N`` for a
    WARC record, feed entry or JSONL line.  ``error`` is set (and ``content`` is
    empty) when the source could not read it; the reason is one line.
    """

    location: str
    content: str
    content_type: ContentType
    meta: PageMeta = field(default_factory=PageMeta)
    encoding: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A page's main text and metadata, without the page furniture."""

    location: str
    body: str
    title: str | None
    outlet: str | None
    url: str | None
    author: str | None
    published: str | None
    published_source: PublishedSource | None
    published_not_before: str | None
    language: str | None
    content_type: ContentType
    furniture: str = ""
    note: str | None = None  # e.g. "not English (fr): stored, not coded"

    @property
    def is_english(self) -> bool:
        return self.language == "en"


@dataclass(frozen=True, slots=True)
class Failure:
    """A page that could not become an article, with a one-line reason (and the date the
    page states, when it states one: a page too short to code is still dated)."""

    location: str
    reason: str
    published: str | None = None
    published_source: PublishedSource | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article body; ``start``/``end`` are offsets in the body."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor.

    ``code`` is the CAMEO-style compound code: country + sector (``TURMIL``), an
    organisation (``NATO``), or None for an unknown person or group, which is kept
    with its text.  ``country`` is ISO 3166 alpha-3 or None; ``sector`` a PLOVER
    sector (GOV, MIL, REB, ...) or None.
    """

    text: str
    code: str | None
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    name: str | None = None  # canonical name, e.g. "Sergei Lavrov"


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in a text: character offsets in the text that was parsed."""

    start: int
    end: int
    actor: Actor
    kind: Literal["name", "country", "demonym", "metonym", "org", "office", "person", "pronoun", "noun"] = "name"


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str | None = None  # "city", "country", "region", ...
    geonameid: int | None = None
    admin1: str | None = None  # the first-level division's GeoNames code ("LA", "08")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in a text, resolved: its span, sentence, gazetteer entry, evidence.

    ``role``: ``place`` (a location), ``modifier`` (inside an organisation's name: "the
    Ohio Department of Transportation"), ``demonym`` ("Russian": tied to its country, a
    hint, not a place).  ``fcode`` is the entry's GeoNames feature code (PCLI, ADM1,
    PPL, ...), ``fclass`` its class (A, P, L, H, S, T); ``approximate``: coordinates
    that stand in (a county at a town's point).
    """

    start: int
    end: int
    text: str
    sentence_index: int
    role: PlaceRole
    place: Place
    fcode: str
    fclass: str
    population: int
    approximate: bool
    evidence: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class Event:
    """A coded political event with its evidence.

    ``start``/``end`` are character offsets of the evidence sentence in the text
    that was coded (an article body, or the text given to ``newsgraph.code``).
    """

    type: str
    mode: str | None
    context: str | None
    cameo: str | None
    quad_class: int
    intensity: float
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    evidence: str
    start: int
    end: int
    sentence_index: int
    trigger: str
    negated: bool = False
    hypothetical: bool = False
    reported: bool = False
    speaker: Actor | None = None
    location: Place | None = None
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    confidence: float = 0.5
    location_source: LocationSource = "none"  # clause, sentence, article (geo.locate_event)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation with its speaker and the verb that introduces it."""

    text: str
    speaker: Actor | None
    verb: str | None
    sentence_index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Coding:
    """Everything the NLP and event stages find in one article body."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    places: tuple[Toponym, ...] = ()  # every toponym of the body, in text order


@dataclass(frozen=True, slots=True)
class ArticleTone:
    """The tone of one text: mean sentence tone and the shares of polar sentences."""

    tone: float
    sentences: int
    positive: float
    negative: float


@dataclass(slots=True, kw_only=True)
class PageTally:
    """How a run's pages ended: the counts every run reports (ingest, batch, load).

    ``failed`` counts this run's new failures; pages skipped as already stored that
    had failed before are counted in ``previously_failed``.  ``not_coded`` lists this
    run's articles that were stored without events, and why (their language, a coder
    error)."""

    pages: int = 0
    articles: int = 0
    duplicates: int = 0
    failed: int = 0
    skipped_already_stored: int = 0
    previously_failed: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    # articles stored but not coded: (location, reason: "language fr", "coder error")
    not_coded: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed_total(self) -> int:
        return self.failed + self.previously_failed

    @property
    def ok(self) -> bool:
        return self.failed_total == 0
