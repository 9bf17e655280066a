"""Incremental story clustering: articles about the same real-world event, across outlets.

Each article is embedded once, as one text (its title and lead, cut at
``text_chars``), with the packaged sentence encoder; its lead sentences are kept as
summary candidates but not embedded (a story's summary takes the lead sentences of its
most central articles, see ``storystate``).  It joins the best candidate story when

    cosine(article, story centroid) + actor_weight * J(actors) + event_weight * J(types)

reaches ``threshold`` (J is the Jaccard overlap with the labels frequent in the story),
and opens a new story otherwise.  A story is a candidate only when the article's date
lies within ``window_days`` of the story's span; an undated article (or story) is
not gated by time, but then only the ``recent`` most recently touched stories are
searched.  Candidates come from a time-bucketed index, so the cost of one article
depends on how many stories are live around its date, not on the size of the store.
A near-duplicate (``duplicate_of`` a known article) joins its twin's story and does
not pull the centroid.

Clustering is single-pass: a batch is taken in the order given (chronological order
suits news), so adding a corpus in two chronological halves gives exactly the
partition of adding it at once.  Stories are never merged or split afterwards.

``save`` to a path appends the stories touched since the last save to the state file
(``storystate``); ``load`` reads the whole-store arrays at once and each story's
record only when it is touched, so a run's load and save cost follow what the run
adds, not the size of the store.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError, StoreError
from ..settings import Settings
from .embed import Encoder
from .storystate import (
    Snapshot,
    Story,
    StoryRows,
    StoryState,
    append_delta,
    iso_to_day,
    read_state,
    write_full,
)

__all__ = ["ClusterOptions", "Story", "StoryClusterer", "StoryInput", "split_sentences"]
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What the clusterer needs of one article.

    ``lead`` is the first few sentences of the body; ``sentences`` (optional) are the
    summary candidates, else the lead is split.  ``actors`` are actor codes or names,
    ``event_types`` PLOVER types, ``duplicate_of`` the id of a near-duplicate twin.
    """

    article_id: str
    title: str
    lead: str
    published: str | None
    outlet: str | None
    actors: frozenset[str] = frozenset()
    event_types: frozenset[str] = frozenset()
    duplicate_of: str | None = None
    sentences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """The knobs of story clustering (defaults measured on tests/data/stories)."""

    threshold: float = 0.5
    window_days: int = 7
    actor_weight: float = 0.15
    event_weight: float = 0.05
    recent: int = 2000  # stories searched for an undated article
    summary_size: int = 3
    summary_overlap: float = 0.6  # word Jaccard at which a sentence repeats a chosen one
    sentences_per_article: int = 4  # lead sentences kept as summary candidates
    pool_size: int = 16  # central articles kept per story, for its title and summary
    text_chars: int = 400  # title + lead embedded, cut at a word (about 80 word pieces)

    @classmethod
    def from_settings(cls, settings: Settings) -> ClusterOptions:
        """Options from ``Settings`` (``story_threshold``, ``story_window_days``)."""
        return cls(threshold=settings.story_threshold, window_days=settings.story_window_days)

    def __post_init__(self) -> None:
        if self.window_days < 1:
            raise ConfigError(f"story window_days is {self.window_days}; expected 1 or more")
        if not 0.0 < self.threshold < 2.0:
            raise ConfigError(f"story threshold is {self.threshold}; expected 0 < t < 2")
        if self.text_chars < 40:
            raise ConfigError(f"story text_chars is {self.text_chars}; expected 40 or more")


def split_sentences(text: str) -> list[str]:
    """A light sentence splitter for leads (spaCy sentences are better when at hand)."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def article_text(item: StoryInput, limit: int) -> str:
    """The one text embedded for an article: title and lead, cut at a word boundary."""
    text = f"{item.title.strip()}. {' '.join(item.lead.split())}".strip(". ")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


def _jaccard(a: frozenset[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class _Recent:
    """A bounded set of story indices, oldest dropped first."""

    def __init__(self, size: int, items: Iterable[int] = ()) -> None:
        self.size = size
        self._items: OrderedDict[int, None] = OrderedDict()
        for i in items:
            self.touch(i)

    def touch(self, index: int) -> None:
        self._items[index] = None
        self._items.move_to_end(index)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def discard(self, index: int) -> None:
        self._items.pop(index, None)

    def __iter__(self) -> Iterator[int]:
        return iter(self._items)

    def list(self) -> list[int]:
        return list(self._items)


class _Log:
    """Where this clusterer's state was last read or written, for appending to it."""

    def __init__(self, path: Path, end: int, full_bytes: int) -> None:
        self.path, self.end, self.full_bytes = path.resolve(), end, full_bytes
        stat = path.stat()
        self.file = (stat.st_dev, stat.st_ino, stat.st_size)  # the size may hold a torn tail

    def appendable(self, path: Path) -> bool:
        """The same file, untouched by others since, its deltas not yet outweighing it."""
        try:
            stat = path.stat()
        except OSError:
            return False
        return (
            path.resolve() == self.path
            and (stat.st_dev, stat.st_ino, stat.st_size) == self.file
            and self.end - self.full_bytes <= self.full_bytes
        )

    def appended(self, end: int) -> None:
        self.end = end
        self.file = (*self.file[:2], end)


class StoryClusterer:
    """Groups articles into stories, a batch at a time, keeping what it has seen."""

    def __init__(self, encoder: Encoder, options: ClusterOptions | None = None) -> None:
        self.encoder = encoder
        self.options = options or ClusterOptions()
        self._dim = int(encoder.dim)
        self._sums = np.zeros((64, self._dim), dtype=np.float32)
        self._first = np.zeros(64, dtype=np.int64)  # 0: no date
        self._last = np.zeros(64, dtype=np.int64)
        self._norms = np.zeros(64, dtype=np.float32)  # of the sums, kept in step
        self._stories: list[StoryState | None] = []  # None: not read from the snapshot yet
        self._ids: list[str] = []
        self._snapshot: Snapshot | None = None
        self._by_article: dict[str, int] = {}
        self._by_story: dict[str, int] = {}
        self._buckets: dict[int, list[int]] = {}  # week-sized bucket -> stories spanning it
        self._bucket_arrays: dict[int, NDArray[np.int64]] = {}  # the same, as arrays
        self._recent = _Recent(self.options.recent)
        self._recent_undated = _Recent(self.options.recent)
        self._touched: set[int] = set()  # stories changed since the last save to the log
        self._log: _Log | None = None

    # -- the public API --------------------------------------------------------------

    def add(self, items: Iterable[StoryInput]) -> dict[str, str]:
        """Cluster a batch; returns article_id -> story_id for every item given."""
        batch = list(items)
        result: dict[str, str] = {}
        fresh = [it for it in batch if it.article_id not in self._by_article]
        in_batch = {it.article_id for it in fresh}
        # Near-duplicates of a known article (or of one later in this batch) wait for
        # their twin and are not embedded; the rest are embedded together.
        twins = [
            it
            for it in fresh
            if it.duplicate_of
            and (it.duplicate_of in self._by_article or it.duplicate_of in in_batch)
        ]
        twin_ids = {it.article_id for it in twins}
        own = [it for it in fresh if it.article_id not in twin_ids]
        for item, vec in zip(own, self._embed(own), strict=True):
            if item.article_id not in self._by_article:
                self._place(item, vec)
        self._place_twins(twins)
        for item in batch:
            result[item.article_id] = self._ids[self._by_article[item.article_id]]
        return result

    def stories(self, story_ids: Iterable[str] | None = None) -> list[Story]:
        """All stories (or the ones named), in the order they were opened."""
        chosen: Iterable[int] = range(len(self._stories))
        if story_ids is not None:
            chosen = [self._by_story[s] for s in story_ids if s in self._by_story]
        o = self.options
        return [
            self._state(i).freeze(self._centroid(i), o.summary_size, o.summary_overlap)
            for i in chosen
        ]

    def story_of(self, article_id: str) -> str | None:
        index = self._by_article.get(article_id)
        return None if index is None else self._ids[index]

    def __len__(self) -> int:
        return len(self._stories)

    def save(self, target: str | Path | IO[bytes]) -> None:
        """Write the state: to a path it was read from or saved to, only what changed.

        A file object (or another path) gets the whole state.  Returns nothing; a
        failure leaves the file as it was (see ``storystate``).
        """
        extra = {
            "encoder": self.encoder.name,
            "dim": self._dim,
            "options": asdict(self.options),
            "recent": self._recent.list(),
            "recent_undated": self._recent_undated.list(),
        }
        n = len(self._stories)
        if not isinstance(target, (str, Path)):
            write_full(target, n, extra, self._rows(range(n)))
            return
        path = Path(target)
        if self._log is not None and self._log.appendable(path):
            if self._touched:  # else the file already holds this state
                rows = self._rows(sorted(self._touched))
                self._log.appended(append_delta(path, self._log.end, n, extra, rows))
        else:
            size = write_full(path, n, extra, self._rows(range(n)))
            self._log = _Log(path, size, size)
        self._touched.clear()

    @classmethod
    def load(
        cls,
        source: str | Path | IO[bytes],
        encoder: Encoder,
        options: ClusterOptions | None = None,
    ) -> StoryClusterer:
        """Rebuild a clusterer from ``save``; the encoder must produce the same space.

        ``options`` replace the saved ones (the time index is rebuilt either way).
        """
        snap = read_state(source)
        extra = snap.extra
        if (
            extra["dim"] != encoder.dim
            or extra["encoder"].split("/")[0] != encoder.name.split("/")[0]
        ):
            raise StoreError(
                f"story state was built with encoder {extra['encoder']!r} ({extra['dim']} dims); "
                f"{encoder.name!r} ({encoder.dim} dims) was given: load it with the same model"
            )
        if options is None:
            known = {f.name for f in fields(ClusterOptions)}
            options = ClusterOptions(**{k: v for k, v in extra["options"].items() if k in known})
        clusterer = cls(encoder, options)
        clusterer._adopt(snap)
        if isinstance(source, (str, Path)):
            clusterer._log = _Log(Path(source), snap.end, snap.full_bytes)
        return clusterer

    # -- placing one article ---------------------------------------------------------

    def _embed(self, items: list[StoryInput]) -> NDArray[np.float32]:
        """One encoder call, one text per article."""
        if not items:
            return np.zeros((0, self._dim), dtype=np.float32)
        texts = [article_text(it, self.options.text_chars) for it in items]
        return np.asarray(self.encoder.encode(texts), dtype=np.float32)

    def _place_twins(self, twins: list[StoryInput]) -> None:
        """Near-duplicates join their twin's story once the twin is placed (chains too)."""
        waiting = twins
        while waiting:
            later = [it for it in waiting if it.duplicate_of not in self._by_article]
            for item in waiting:
                if item.duplicate_of in self._by_article:
                    self._register(
                        self._by_article[item.duplicate_of], item, iso_to_day(item.published)
                    )
            if len(later) == len(waiting):  # their twins never arrived: cluster them alone
                for item, vec in zip(later, self._embed(later), strict=True):
                    self._place(item, vec)
                return
            waiting = later

    def _place(self, item: StoryInput, vec: NDArray[np.float32]) -> None:
        day = iso_to_day(item.published)
        index = self._best(item, vec, day)
        if index is None:
            digest = hashlib.sha1(item.article_id.encode("utf-8")).hexdigest()[:16]
            index = self._new_slot(StoryState(story_id=f"story-{digest}"))
        state = self._state(index)
        self._sums[index] += vec
        self._norms[index] = np.linalg.norm(self._sums[index])
        state.members += 1
        state.actors.update(item.actors)
        state.event_types.update(item.event_types)
        self._register(index, item, day)
        cap = self.options.sentences_per_article
        sentences = [s for s in item.sentences[:cap] if s.strip()] or split_sentences(item.lead)[
            :cap
        ]
        entry = (item.article_id, item.title.strip(), tuple(sentences))
        state.add_pool(entry, vec, self._centroid(index), self.options.pool_size)

    def _register(self, index: int, item: StoryInput, day: int | None) -> None:
        state = self._state(index)
        state.article_ids.append(item.article_id)
        if item.outlet:
            state.outlets.setdefault(item.outlet, None)
        state.widen(day)
        self._by_article[item.article_id] = index
        self._touched.add(index)
        self._dated(index)

    def _best(self, item: StoryInput, vec: NDArray[np.float32], day: int | None) -> int | None:
        candidates = self._candidates(day)
        if not candidates.size:
            return None
        cosines = (self._sums[candidates] @ vec) / np.maximum(self._norms[candidates], 1e-12)
        o = self.options
        reach = o.threshold - o.actor_weight - o.event_weight
        best, best_score = None, o.threshold
        for k in np.flatnonzero(cosines >= reach):
            state = self._state(int(candidates[k]))
            score = (
                float(cosines[k])
                + o.actor_weight * _jaccard(item.actors, state.frequent(state.actors))
                + o.event_weight * _jaccard(item.event_types, state.frequent(state.event_types))
            )
            if score >= best_score:
                best, best_score = int(candidates[k]), score
        return best

    def _candidates(self, day: int | None) -> NDArray[np.int64]:
        """Stories an article of this day may join (time-gated, from the bucket index)."""
        undated = self._recent_undated.list()
        if day is None:
            found = np.asarray(self._recent.list() + undated, dtype=np.int64)
            return np.unique(found)
        w, b = self.options.window_days, day // self.options.window_days
        bucket = self._bucket_arrays.get(b)
        if bucket is None:
            bucket = np.asarray(self._buckets.get(b, ()), dtype=np.int64)
            self._bucket_arrays[b] = bucket
        live = bucket[(self._first[bucket] - w <= day) & (day <= self._last[bucket] + w)]
        return np.unique(np.concatenate([live, np.asarray(undated, dtype=np.int64)]))

    # -- bookkeeping -----------------------------------------------------------------

    def _state(self, index: int) -> StoryState:
        state = self._stories[index]
        if state is None:
            assert self._snapshot is not None
            state = self._stories[index] = self._snapshot.state(index)
        return state

    def _grow(self, size: int) -> None:
        if size <= len(self._sums):
            return
        grow = max(size, 2 * len(self._sums)) - len(self._sums)
        self._sums = np.vstack([self._sums, np.zeros((grow, self._dim), dtype=np.float32)])
        self._first = np.concatenate([self._first, np.zeros(grow, dtype=np.int64)])
        self._last = np.concatenate([self._last, np.zeros(grow, dtype=np.int64)])
        self._norms = np.concatenate([self._norms, np.zeros(grow, dtype=np.float32)])

    def _new_slot(self, state: StoryState) -> int:
        index = len(self._stories)
        self._grow(index + 1)
        self._stories.append(state)
        self._ids.append(state.story_id)
        self._by_story[state.story_id] = index
        self._touched.add(index)
        return index

    def _adopt(self, snap: Snapshot) -> None:
        """Take a read state: arrays now, story records lazily (``_state``)."""
        n = len(snap.story_ids)
        self._grow(n)
        self._sums[:n] = snap.sums
        self._first[:n], self._last[:n] = snap.first, snap.last
        self._stories = [None] * n
        self._ids = list(snap.story_ids)
        self._snapshot = snap
        self._by_story = {s: i for i, s in enumerate(self._ids)}
        self._by_article = dict(snap.article_story)
        self._norms[:n] = np.linalg.norm(snap.sums, axis=1)
        for index in np.flatnonzero(self._first[:n]).tolist():
            self._index_span(index, None, (int(self._first[index]), int(self._last[index])))
        self._recent = _Recent(self.options.recent, snap.extra["recent"])
        self._recent_undated = _Recent(self.options.recent, snap.extra["recent_undated"])

    def _rows(self, indices: Iterable[int]) -> StoryRows:
        """The stories at ``indices`` as the state file stores them."""
        chosen = list(indices)
        records: list[bytes] = []
        pools: list[Any] = []
        for i in chosen:
            state = self._stories[i]
            if state is None:  # never touched since loading: copy its record as read
                assert self._snapshot is not None
                record, vecs = self._snapshot.raw(i)
                records.append(record)
                pools.append(vecs)
            else:
                records.append(state.record())
                pools.append(state.pool_vecs)
        if len(chosen) == len(self._stories):
            articles = list(self._by_article.items())
        else:  # a delta: every story in it was touched, hence read
            articles = [(a, i) for i in chosen for a in self._state(i).article_ids]
        at = np.asarray(chosen, dtype=np.int64)
        return StoryRows(
            indices=chosen,
            ids=[self._ids[i] for i in chosen],
            records=records,
            pools=pools,
            sums=self._sums[at].reshape(len(chosen), self._dim),
            first=self._first[at],
            last=self._last[at],
            articles=articles,
        )

    def _dated(self, index: int) -> None:
        """Keep the time index and the recency lists in step with a story's span."""
        state = self._state(index)
        if state.first_day is None or state.last_day is None:
            self._recent_undated.touch(index)
        else:
            self._recent_undated.discard(index)
            old = (int(self._first[index]), int(self._last[index]))
            new = (state.first_day, state.last_day)
            if old != new:
                self._first[index], self._last[index] = new
                self._index_span(index, old if old[0] else None, new)
        self._recent.touch(index)

    def _index_span(self, index: int, old: tuple[int, int] | None, new: tuple[int, int]) -> None:
        """Enter a story in the buckets its (widened) span reaches and was not in yet."""
        w = self.options.window_days
        had = range((old[0] - w) // w, (old[1] + w) // w + 1) if old else range(0)
        for b in range((new[0] - w) // w, (new[1] + w) // w + 1):
            if b not in had:
                self._buckets.setdefault(b, []).append(index)
                self._bucket_arrays.pop(b, None)

    def _centroid(self, index: int) -> NDArray[np.float32]:
        total = self._sums[index]
        return total / max(float(np.linalg.norm(total)), 1e-12)
