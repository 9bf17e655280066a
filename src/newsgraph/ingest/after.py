"""After each stored batch: cluster the new articles into stories.

The store's owner calls ``AfterBatch.batch(outcomes)`` once a batch is committed
(``ingest``, or the server for batches an ingest sends it; ``newsgraph run`` once
after its load) and ``AfterBatch.close()`` when the run ends.  What it keeps:

* ``stories``, ``story_articles``, ``story_summary``, ``story_links``: the stories a
  batch made or changed are rewritten from the clusterer after every batch (with, for
  each article, the member it is most like and what they share), and the stories it
  ended (merged or split) are deleted, so the tables are always whole.
* The clusterer's own state (one row per article: vector, date span, identity record,
  lead; the component and story of each) is a sidecar file next to the store,
  ``<db>.stories.state`` (``StoryClusterer.save``; format and crash safety in
  ``storystate``).  A save appends the articles added since the last one, so it costs
  what the run added, not the size of the store; the file is rewritten whole,
  atomically, once its appended parts outweigh it.  It is saved when the run ends and, in long runs (a server), every
  ``settings.story_save_seconds``.  A state of the older format
  (``<db>.stories.npz``) is not read: the stories are rebuilt and it is removed.

Incremental and self-healing: when the hook starts it loads the state and first
clusters every stored article the state does not know (articles of a killed run,
of ``newsgraph run`` shards, or all of them when the sidecar is missing or was built
with another encoder, in which case the story tables are rebuilt), then rewrites the
rows of known articles that have none.  Near-duplicate pages are not articles: they
belong to their twin's story through ``duplicates.of_article_id``.

Each article is given with its identity record (``stories.identity``): the names,
numbers and places of its text, the people, places and event triples the coder
stored, and its date: the publication date, else the dateline its text implies
(``furniture`` first), each with its precision; a date known only to the month
(year) spans that month (year) in the time window, so it may link with any article
of it but never with one of another year.  The stories depend on the set of
articles, not on how they fall into batches (``stories.cluster``).

Articles are clustered only in the coded languages (``settings.languages``).  ``settings.stories`` (default true) turns clustering off
(``newsgraph stories --update`` clusters later).  Clustering costs the encoder's time
(about 9 ms of CPU per article, shared out over the cores): for a quick ``--no-code`` store of many pages, turn
it off.  A missing optional dependency (the sentence encoder's runtime) does not stop
an ingest: clustering is skipped for the run with one logged warning, and ``newsgraph
stories --update`` catches up once it is installed.  Tone is scored with the rest of
the per-page work (``work.py``); ``update_stories`` also scores articles stored
without it.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import duckdb

from ..errors import ConfigError, StoreError
from ..settings import Settings
from ..store import articles, clustering
from ..store.outcomes import ArticleOutcome, Outcome
from ..stories.cluster import ClusterOptions, StoryClusterer, StoryInput, split_sentences
from ..stories.embed import Encoder, cached_encoder
from ..stories.identity import identity_of
from .work import text_tone

__all__ = ["AfterBatch", "link_rows", "state_path", "to_input", "update_stories"]

LEAD_SENTENCES = 3  # the lead the clusterer embeds with the title
POOL_SENTENCES = 4  # summary candidates per article
CHUNK = 256  # articles per clusterer call when catching up
log = logging.getLogger(__name__)


def state_path(db: str | Path) -> Path:
    """Where the clusterer state of the store ``db`` is kept."""
    path = Path(db)
    return path.with_name(path.name + ".stories.state")


def _legacy_state_path(db: str | Path) -> Path:
    path = Path(db)
    return path.with_name(path.name + ".stories.npz")


def _gate_date(published: str | None) -> str | None:
    if not published:
        return None
    if len(published) >= 10:
        return published[:10]
    if len(published) == 7:
        return published + "-15"
    if len(published) == 4 and published.isdigit():
        return published + "-07-02"
    return None


def to_input(row: dict[str, Any]) -> StoryInput:
    """A clusterer input from an ``clustering.story_inputs`` row, with its identity
    record (the publication date, else the date its text implies)."""
    sentences = row.get("sentences") or split_sentences(str(row["body"])[:6000])
    sentences = [s for s in sentences if len(s) > 1][:POOL_SENTENCES]
    identity = identity_of(
        str(row.get("title") or ""),
        str(row["body"]),
        str(row.get("furniture") or ""),
        row.get("published"),
        people=row.get("people") or (),
        places=row.get("places") or (),
        events=row.get("events") or (),
        actors=row.get("actors") or (),
    )
    return StoryInput(
        article_id=str(row["article_id"]),
        title=str(row.get("title") or ""),
        lead=" ".join(sentences[:LEAD_SENTENCES]),
        published=_gate_date(row.get("published")),
        outlet=row.get("outlet"),
        actors=frozenset(row.get("actors") or ()),
        event_types=frozenset(row.get("types") or ()),
        sentences=tuple(sentences),
        identity=identity,
    )


def link_rows(clusterer: StoryClusterer, story_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The ``story_links`` rows of these stories (``clustering.write_links``)."""
    rows = []
    for sid in story_ids:
        for aid, (other, link) in sorted(clusterer.explain(sid).items()):
            identity = clusterer.identity(aid)
            rows.append(
                {
                    "story_id": sid,
                    "article_id": aid,
                    "linked_id": other,
                    "score": None if link is None else round(link.score, 4),
                    "similarity": None if link is None else round(link.similarity, 4),
                    "shared": json.dumps(link.to_json() if link else {}, sort_keys=True),
                    "event_date": identity.date if identity else None,
                    "date_precision": identity.precision if identity else None,
                    "date_source": identity.date_source if identity else None,
                }
            )
    return rows


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Connected(Protocol):
    """A store the hook can write through (``Store``, ``BulkStore``)."""

    @property
    def connection(self) -> duckdb.DuckDBPyConnection: ...


class AfterBatch:
    """What runs after each committed batch (see the module docstring)."""

    def __init__(
        self, settings: Settings, store: Connected, encoder: Encoder | None = None
    ) -> None:
        self.settings = settings
        self.conn = store.connection
        self.path = state_path(settings.db)
        self.enabled = settings.stories
        self.save_every = settings.story_save_seconds
        self.languages = [x.strip() for x in settings.languages.split(",") if x.strip()]
        self._encoder = encoder
        self._clusterer: StoryClusterer | None = None
        self._dirty = False
        self._saved_at = time.monotonic()
        self.last_caught_up = 0

    # -- the pipeline's calls ---------------------------------------------------------

    def batch(self, outcomes: Sequence[Outcome]) -> None:
        new = [o for o in outcomes if isinstance(o, ArticleOutcome)]
        ids = [o.article_id for o in new if o.article.language in self.languages]
        if not self.enabled or not ids:
            return
        try:
            clusterer = self.clusterer()
        except ConfigError as exc:
            self.enabled = False
            log.warning("stories are not clustered in this run: %s", exc)
            return
        self._cluster(clusterer, ids)
        if time.monotonic() - self._saved_at > self.save_every:
            self.save()

    def close(self) -> None:
        """Save the clusterer state if anything changed."""
        if self._dirty:
            self.save()

    # -- tone ---------------------------------------------------------------------------

    def score_tone(self, article_ids: Sequence[str] | None = None) -> int:
        """Score and store the tone of these articles (or of every article without one:
        those stored with ``tone`` off, or by an older newsgraph)."""
        todo = clustering.articles_without_tone(self.conn, article_ids)
        rows: list[tuple[str, float, int, float, float]] = []
        for start in range(0, len(todo), CHUNK):
            texts = articles.article_texts(self.conn, todo[start : start + CHUNK])
            for aid, (sentences, body) in texts.items():
                t = text_tone(sentences, body)
                rows.append((aid, t.tone, t.sentences, t.positive, t.negative))
        clustering.write_tones(self.conn, rows)
        return len(rows)

    # -- stories ------------------------------------------------------------------------

    def clusterer(self) -> StoryClusterer:
        """The clusterer, loaded (or rebuilt) and caught up with the store on first use."""
        if self._clusterer is None:
            encoder = self._encoder or cached_encoder(
                self.settings.story_encoder, parallel=self.settings.story_encoder_parallel
            )
            options = ClusterOptions.from_settings(self.settings)
            clusterer: StoryClusterer | None = None
            if self.path.is_file():
                try:
                    clusterer = StoryClusterer.load(self.path, encoder, options)
                except StoreError:
                    clusterer = None
            if clusterer is None:
                clusterer = StoryClusterer(encoder, options)
                clustering.clear_stories(self.conn)
                self._dirty = True
            self._clusterer = clusterer
            self.catch_up()
        return self._clusterer

    def catch_up(self) -> int:
        """Cluster stored articles the state does not know; write rows that are missing."""
        clusterer = self._clusterer
        assert clusterer is not None
        clustering.prune_dangling(self.conn)
        known = clusterer.story_of
        missing = [
            a for a in clustering.article_ids_by_date(self.conn, self.languages) if known(a) is None
        ]
        for start in range(0, len(missing), CHUNK):
            self._cluster(clusterer, missing[start : start + CHUNK])
        unrecorded = {known(a) for a in clustering.articles_without_story(self.conn)}
        self._write(clusterer, {s for s in unrecorded if s is not None})
        self.last_caught_up = len(missing)
        return len(missing)

    def _cluster(self, clusterer: StoryClusterer, article_ids: Sequence[str]) -> None:
        rows = clustering.story_inputs(self.conn, article_ids, POOL_SENTENCES)
        placed = clusterer.add(to_input(r) for r in rows)
        self._dirty = True
        touched = set(placed.values()) | clusterer.touched
        clusterer.touched.clear()
        self._write(clusterer, touched - {""})

    def _write(self, clusterer: StoryClusterer, story_ids: Iterable[str]) -> None:
        if clusterer.retired:
            clustering.retire_stories(self.conn, sorted(clusterer.retired))
            clusterer.retired.clear()
        stories = clusterer.stories(sorted(story_ids))
        if not stories:
            return
        dates = articles.published_dates(self.conn, [a for s in stories for a in s.article_ids])
        rows = []
        for s in stories:
            days = sorted(dates[a] for a in s.article_ids if a in dates)
            rows.append(
                {
                    "story_id": s.story_id,
                    "title": s.title,
                    "first_date": days[0] if days else None,
                    "last_date": days[-1] if days else None,
                    "article_ids": list(s.article_ids),
                    "summary": list(s.summary),
                }
            )
        clustering.write_stories(self.conn, rows, _now())
        links = link_rows(clusterer, [s.story_id for s in stories])
        clustering.write_links(self.conn, [s.story_id for s in stories], links)

    def save(self) -> None:
        if self._clusterer is not None:
            self._clusterer.save(self.path)
            _legacy_state_path(self.settings.db).unlink(missing_ok=True)
        self._dirty = False
        self._saved_at = time.monotonic()


def update_stories(settings: Settings, encoder: Encoder | None = None) -> dict[str, int]:
    """Bring the stories and tones of the store at ``settings.db`` up to date.

    For stores filled another way than ``ingest`` (``newsgraph run`` shards) or after
    clustering was off; returns how many articles were clustered and tone-scored.
    """
    from ..store import Store

    with Store.open(settings.db, memory_mb=settings.store_memory_mb) as store:
        hook = AfterBatch(settings, store, encoder)
        toned = hook.score_tone()
        clustered = 0
        if hook.enabled:
            hook.clusterer()
            clustered = hook.last_caught_up
        hook.close()
    return {"clustered": clustered, "toned": toned}
