"""Records to rows: how a batch of outcomes becomes the columns of each table.

Also the JSON shape of an event (``event_to_dict``) shared by ``newsgraph code`` and
the store's event queries, so that an event reads the same wherever it comes from.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from ..records import Actor, Coding, Event, Place, Toponym
from .outcomes import ArticleOutcome, DuplicateOutcome, FailureOutcome, Outcome

Columns = dict[str, list[Any]]

# an actor's columns in ``mentions`` and ``event_actors``: the fields of an Actor
ACTOR_COLUMNS = ("text", "code", "country", "sector", "org", "name")


def event_id(article_id: str, index: int) -> str:
    return f"{article_id}-e{index}"


def batch_columns(outcomes: list[Outcome], run_id: int, now: datetime) -> dict[str, Columns]:
    """The rows of every table for one batch, as column lists keyed by table name."""
    tables: dict[str, Columns] = defaultdict(lambda: defaultdict(list))
    for outcome in outcomes:
        page = tables["pages"]
        _add(
            page,
            page_id=outcome.page_id,
            location=outcome.location,
            content_hash=outcome.content_hash,
            run_id=run_id,
            ingested_at=now,
        )
        if isinstance(outcome, ArticleOutcome) and outcome.copy_of is not None:
            _add(page, status="duplicate", article_id=outcome.copy_of, reason=None)
            _article_rows(tables, outcome, run_id, now)  # the driver may make it new
        elif isinstance(outcome, ArticleOutcome):
            _add(page, status="article", article_id=outcome.article_id, reason=None)
            _article_rows(tables, outcome, run_id, now)
        elif isinstance(outcome, DuplicateOutcome):
            _add(page, status="duplicate", article_id=outcome.of_article_id, reason=None)
            a = outcome.article
            _add(
                tables["duplicates"],
                page_id=outcome.page_id,
                location=outcome.location,
                url=a.url,
                outlet=a.outlet,
                title=a.title,
                published=a.published,
                of_article_id=outcome.of_article_id,
                kind=outcome.kind,
                similarity=float(outcome.similarity),
                run_id=run_id,
            )
        else:
            assert isinstance(outcome, FailureOutcome)
            _add(page, status="failed", article_id=None, reason=outcome.reason)
    return {name: dict(cols) for name, cols in tables.items()}


def _add(columns: Columns, **values: Any) -> None:
    for key, value in values.items():
        columns[key].append(value)


def _article_rows(
    tables: dict[str, Columns], outcome: ArticleOutcome, run_id: int, now: datetime
) -> None:
    a = outcome.article
    aid = outcome.article_id
    _add(
        tables["articles"],
        article_id=aid,
        page_id=outcome.page_id,
        location=a.location,
        url=a.url,
        outlet=a.outlet,
        title=a.title,
        author=a.author,
        published=a.published,
        published_source=a.published_source,
        published_not_before=a.published_not_before,
        language=a.language,
        content_type=a.content_type,
        body=a.body,
        furniture=a.furniture,
        body_hash=outcome.body_hash,
        note=a.note,
        coded=outcome.coding is not None,
        run_id=run_id,
        ingested_at=now,
    )
    _add(tables["minhashes"], article_id=aid, signature=outcome.signature)
    for band, bucket in enumerate(outcome.bands):
        _add(tables["lsh_bands"], band=band, bucket=bucket, article_id=aid)
    if outcome.coding is not None:
        _coding_rows(tables, aid, outcome.coding)
    t = outcome.tone
    if t is not None:
        _add(tables["article_tone"], article_id=aid, tone=t.tone, sentences=t.sentences,
             positive=t.positive, negative=t.negative)  # fmt: skip


def _coding_rows(tables: dict[str, Columns], aid: str, coding: Coding) -> None:
    for s in coding.sentences:
        _add(tables["sentences"], article_id=aid, sentence_index=s.index, start=s.start, end=s.end, text=s.text)
    for i, m in enumerate(coding.mentions):
        _add(tables["mentions"], article_id=aid, mention_index=i, start=m.start, end=m.end, kind=m.kind)
        _add(tables["mentions"], **_actor_cols(m.actor))
    for i, e in enumerate(coding.events):
        eid = event_id(aid, i)
        _add(tables["events"], event_id=eid, article_id=aid, **event_columns(e))
        for role, actors in (("source", e.source), ("target", e.target)):
            for position, actor in enumerate(actors):
                _add(tables["event_actors"], event_id=eid, role=role, position=position)
                _add(tables["event_actors"], **_actor_cols(actor))
    for i, t in enumerate(coding.places):
        _add(tables["place_mentions"], article_id=aid, place_index=i, **place_columns(t))
    for i, q in enumerate(coding.quotes):
        _add(
            tables["quotes"],
            article_id=aid,
            quote_index=i,
            text=q.text,
            speaker_text=q.speaker.text if q.speaker else None,
            speaker_code=q.speaker.code if q.speaker else None,
            verb=q.verb,
            sentence_index=q.sentence_index,
            start=q.start,
            end=q.end,
        )


def _actor_cols(actor: Actor) -> dict[str, Any]:
    return {name: getattr(actor, name) for name in ACTOR_COLUMNS}


def event_columns(e: Event) -> dict[str, Any]:
    """The flat columns of an event (its actors go to ``event_actors``)."""
    loc = e.location
    return {
        "sentence_index": e.sentence_index,
        "type": e.type,
        "mode": e.mode,
        "context": e.context,
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "intensity": float(e.intensity),
        "evidence": e.evidence,
        "start": e.start,
        "end": e.end,
        "trigger": e.trigger,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "reported": e.reported,
        "speaker_text": e.speaker.text if e.speaker else None,
        "speaker_code": e.speaker.code if e.speaker else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "date": e.date,
        "date_precision": e.date_precision,
        "confidence": float(e.confidence),
        "location_source": e.location_source,
        "location_feature": loc.feature if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_admin1": loc.admin1 if loc else None,
    }


def place_columns(t: Toponym) -> dict[str, Any]:
    """The columns of a place mention (``place_mentions``), its article's aside."""
    p = t.place
    return {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "sentence_index": t.sentence_index,
        "role": t.role,
        "name": p.name,
        "geonameid": p.geonameid,
        "feature": p.feature,
        "fcode": t.fcode,
        "fclass": t.fclass,
        "admin1": p.admin1,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "population": t.population,
        "approximate": t.approximate,
        "evidence": ";".join(t.evidence),
        "confidence": float(t.confidence),
    }


def actor_dict(actor: Actor) -> dict[str, Any]:
    return {"text": actor.text, "code": actor.code, "country": actor.country, "sector": actor.sector}


def _actors_json(actors: tuple[Actor, ...]) -> Any:
    if not actors:
        return None
    if len(actors) == 1:
        return actor_dict(actors[0])
    return [actor_dict(a) for a in actors]


def place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "geonameid": place.geonameid,
        "admin1": place.admin1,
    }


def event_to_dict(event: Event, record_id: Any = None) -> dict[str, Any]:
    """The JSON shape of an event: one actor is an object, several a list, none null."""
    return {
        "id": record_id,
        "type": event.type,
        "mode": event.mode,
        "context": event.context,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "source": _actors_json(event.source),
        "target": _actors_json(event.target),
        "location": place_dict(event.location),
        "location_source": event.location_source,
        "date": event.date,
        "date_precision": event.date_precision,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "reported": event.reported,
        "speaker": actor_dict(event.speaker) if event.speaker else None,
        "evidence": event.evidence,
        "trigger": event.trigger,
        "sentence_index": event.sentence_index,
        "start": event.start,
        "end": event.end,
        "confidence": event.confidence,
    }
