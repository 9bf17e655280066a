"""The JSON shapes of the API, declared for the OpenAPI schema.

Handlers return plain JSON (no per-row validation on the hot path); these models only
document what they return, and the property-based API test checks that they agree.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Error(BaseModel):
    error: str


class IndexState(BaseModel):
    fresh: bool
    events: int | None
    version: int


class Health(BaseModel):
    status: str
    db: str
    schema_version: int
    articles: int
    events: int
    read_only: bool
    tables: dict[str, int]
    index: IndexState
    cache: dict[str, int] | None


class ActorRef(_Open):
    text: str
    code: str | None
    country: str | None
    sector: str | None
    org: str | None = None
    name: str | None = None


class Location(_Open):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str | None = None
    geonameid: int | None = None
    admin1: str | None = None


class Speaker(_Open):
    text: str
    code: str | None


class EventOut(_Open):
    event_id: str
    article_id: str
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int
    intensity: float
    evidence: str
    trigger: str
    start: int
    end: int
    date: str | None
    date_precision: str
    outlet: str | None
    published: str | None
    source: list[ActorRef]
    target: list[ActorRef]
    location: Location | None
    location_source: str | None = None  # clause, sentence, article, none
    speaker: Speaker | None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class ArticleSummary(_Open):
    article_id: str
    outlet: str | None
    published: str | None
    title: str | None
    language: str | None
    events: int
    copies: int


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class MentionOut(_Open):
    start: int
    end: int
    kind: str
    text: str
    code: str | None


class _PlaceEntry(_Open):
    """A resolved gazetteer entry, as place mentions and place counts give it."""

    name: str
    country: str | None
    admin1: str | None
    feature: str | None
    fcode: str
    geonameid: int | None
    lat: float | None
    lon: float | None


class PlaceMentionOut(_PlaceEntry):
    start: int
    end: int
    text: str
    sentence_index: int
    role: str
    evidence: list[str]
    confidence: float


class QuoteOut(_Open):
    text: str
    speaker_text: str | None
    speaker_code: str | None
    verb: str | None
    sentence_index: int


class ArticleDetail(_Open):
    article_id: str
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None
    body: str
    furniture: str
    copies: list[dict[str, Any]]
    events: list[EventOut]
    mentions: list[MentionOut]
    quotes: list[QuoteOut]
    places: list[PlaceMentionOut] = []


class Period(BaseModel):
    period: str
    n: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    intensity_mean: float
    intensity_sum: float
    net_coop_count: int
    net_coop_intensity: float


class Timeline(BaseModel):
    a: str | None
    b: str | None
    by: str
    directed: bool
    include_negated: bool
    total: int
    imprecise: int
    periods: list[Period]


class ActorCount(_Open):
    code: str
    country: str | None
    name: str | None
    events: int
    as_source: int
    as_target: int


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ActorCount]


class OutletCount(_Open):
    outlet: str | None
    articles: int
    events: int
    first_published: str | None
    last_published: str | None
    mean_tone: float | None


class StoryOut(_Open):
    story_id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    articles: int
    outlets: list[str]


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StoryOut]


class SummarySentence(BaseModel):
    sentence: str
    article_id: str


class StoryDetail(_Open):
    story_id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    outlets: list[str]
    summary: list[SummarySentence]
    articles: list[dict[str, Any]]
    by_outlet: dict[str, list[dict[str, Any]]]


class MapPoint(_Open):
    name: str
    country: str | None
    lat: float
    lon: float
    events: int
    cooperation: int
    conflict: int


class MapPoints(BaseModel):
    total: int
    items: list[MapPoint]


class PlaceCount(_PlaceEntry):
    mentions: int
    articles: int
    confidence: float | None


class PlacePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[PlaceCount]


class MapEvent(_Open):
    event_id: str
    article_id: str
    type: str
    quad_class: int
    trigger: str
    evidence: str
    location_name: str | None
    location_source: str | None
    date: str | None
    title: str | None
    outlet: str | None


class MapEvents(BaseModel):
    total: int
    items: list[MapEvent]


class FailureOut(_Open):
    location: str
    reason: str | None


class NotCodedCounts(BaseModel):
    total: int
    by_reason: dict[str, int]


class FailurePage(BaseModel):
    kind: str
    total: int
    limit: int
    offset: int
    items: list[FailureOut]
    failed: int
    not_coded: NotCodedCounts
