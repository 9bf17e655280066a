"""Incremental story clustering: articles about the same real-world event, across outlets.

Each article is embedded once (title and lead, one text) with the packaged sentence
encoder.  It joins the best candidate story when

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
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import IO

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError, StoreError
from .embed import Encoder
from .storystate import Story, StoryState, iso_to_day, load_state, save_state

__all__ = ["ClusterOptions", "Story", "StoryClusterer", "StoryInput", "split_sentences"]

_Pool = tuple[list[str], NDArray[np.float32]]
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
    summary_redundancy: float = 0.9  # cosine above which a sentence repeats a chosen one
    sentences_per_article: int = 4  # lead sentences kept as summary candidates
    pool_size: int = 16  # candidates kept per story, for its title and for its summary

    @classmethod
    def from_settings(cls, settings: object) -> ClusterOptions:
        """Options from ``Settings`` (``story_threshold``, ``story_window_days``) or defaults."""
        default = cls()
        return cls(
            threshold=float(getattr(settings, "story_threshold", default.threshold)),
            window_days=int(getattr(settings, "story_window_days", default.window_days)),
        )

    def __post_init__(self) -> None:
        if self.window_days < 1:
            raise ConfigError(f"story window_days is {self.window_days}; expected 1 or more")
        if not 0.0 < self.threshold < 2.0:
            raise ConfigError(f"story threshold is {self.threshold}; expected 0 < t < 2")


def split_sentences(text: str) -> list[str]:
    """A light sentence splitter for leads (spaCy sentences are better when at hand)."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


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


class StoryClusterer:
    """Groups articles into stories, a batch at a time, keeping what it has seen."""

    def __init__(self, encoder: Encoder, options: ClusterOptions | None = None) -> None:
        self.encoder = encoder
        self.options = options or ClusterOptions()
        self._dim = int(encoder.dim)
        self._sums = np.zeros((64, self._dim), dtype=np.float32)
        self._first = np.zeros(64, dtype=np.int64)  # 0: no date
        self._last = np.zeros(64, dtype=np.int64)
        self._stories: list[StoryState] = []
        self._by_article: dict[str, int] = {}
        self._by_story: dict[str, int] = {}
        self._buckets: dict[int, set[int]] = {}
        self._recent = _Recent(self.options.recent)
        self._recent_undated = _Recent(self.options.recent)

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
        for item, vec, pool in zip(own, *self._embed(own), strict=True):
            if item.article_id not in self._by_article:
                self._place(item, vec, pool)
        self._place_twins(twins)
        for item in batch:
            result[item.article_id] = self._stories[self._by_article[item.article_id]].story_id
        return result

    def stories(self, story_ids: Iterable[str] | None = None) -> list[Story]:
        """All stories (or the ones named), in the order they were opened."""
        chosen: Iterable[int] = range(len(self._stories))
        if story_ids is not None:
            chosen = [self._by_story[s] for s in story_ids if s in self._by_story]
        o = self.options
        return [
            self._stories[i].freeze(self._centroid(i), o.summary_size, o.summary_redundancy)
            for i in chosen
        ]

    def story_of(self, article_id: str) -> str | None:
        index = self._by_article.get(article_id)
        return None if index is None else self._stories[index].story_id

    def __len__(self) -> int:
        return len(self._stories)

    def save(self, target: str | Path | IO[bytes]) -> None:
        """Write the whole state (centroids, ids, pools) as one ``.npz``."""
        extra = {
            "encoder": self.encoder.name,
            "dim": self._dim,
            "options": asdict(self.options),
            "recent": self._recent.list(),
            "recent_undated": self._recent_undated.list(),
        }
        save_state(target, self._stories, self._sums[: len(self._stories)], extra)

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
        states, sums, extra = load_state(source)
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
        for state, vec_sum in zip(states, sums, strict=True):
            index = clusterer._new_slot(state)
            clusterer._sums[index] = vec_sum
            clusterer._dated(index)
        clusterer._recent = _Recent(clusterer.options.recent, extra["recent"])
        clusterer._recent_undated = _Recent(clusterer.options.recent, extra["recent_undated"])
        return clusterer

    # -- placing one article ---------------------------------------------------------

    def _embed(self, items: list[StoryInput]) -> tuple[NDArray[np.float32], list[_Pool]]:
        """One encoder call for the articles' texts and their summary candidates."""
        cap = self.options.sentences_per_article
        texts = [f"{it.title.strip()}. {it.lead.strip()}".strip(". ") for it in items]
        sentences = [list(it.sentences[:cap]) or split_sentences(it.lead)[:cap] for it in items]
        flat = [s for group in sentences for s in group]
        vectors = np.zeros((0, self._dim), dtype=np.float32)
        if items:
            vectors = np.asarray(self.encoder.encode(texts + flat), dtype=np.float32)
        pools: list[_Pool] = []
        start = len(items)
        for group in sentences:
            pools.append((group, vectors[start : start + len(group)]))
            start += len(group)
        return vectors[: len(items)], pools

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
                for item, vec, pool in zip(later, *self._embed(later), strict=True):
                    self._place(item, vec, pool)
                return
            waiting = later

    def _place(self, item: StoryInput, vec: NDArray[np.float32], pool: _Pool) -> None:
        day = iso_to_day(item.published)
        index = self._best(item, vec, day)
        if index is None:
            digest = hashlib.sha1(item.article_id.encode("utf-8")).hexdigest()[:16]
            index = self._new_slot(StoryState(story_id=f"story-{digest}"))
        state = self._stories[index]
        self._sums[index] += vec
        state.members += 1
        state.actors.update(item.actors)
        state.event_types.update(item.event_types)
        self._register(index, item, day)
        centroid = self._centroid(index)
        cap = self.options.pool_size
        if item.title.strip():
            state.add_pool(
                "titles", [(item.title.strip(), item.article_id)], vec[None, :], centroid, cap
            )
        sentences, vecs = pool
        if sentences:
            state.add_pool(
                "sentences", [(s, item.article_id) for s in sentences], vecs, centroid, cap
            )

    def _register(self, index: int, item: StoryInput, day: int | None) -> None:
        state = self._stories[index]
        state.article_ids.append(item.article_id)
        if item.outlet:
            state.outlets.setdefault(item.outlet, None)
        state.widen(day)
        self._by_article[item.article_id] = index
        self._dated(index)

    def _best(self, item: StoryInput, vec: NDArray[np.float32], day: int | None) -> int | None:
        candidates = self._candidates(day)
        if not candidates.size:
            return None
        sums = self._sums[candidates]
        cosines = (sums @ vec) / np.maximum(np.linalg.norm(sums, axis=1), 1e-12)
        o = self.options
        reach = o.threshold - o.actor_weight - o.event_weight
        best, best_score = None, o.threshold
        for k in np.flatnonzero(cosines >= reach):
            state = self._stories[int(candidates[k])]
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
        found: set[int] = set(self._recent_undated)
        if day is None:
            found.update(self._recent)
        else:
            bucket = self._buckets.get(day // self.options.window_days, set())
            w = self.options.window_days
            found.update(i for i in bucket if self._first[i] - w <= day <= self._last[i] + w)
        return np.fromiter(sorted(found), dtype=np.int64, count=len(found))

    # -- bookkeeping -----------------------------------------------------------------

    def _new_slot(self, state: StoryState) -> int:
        index = len(self._stories)
        if index == len(self._sums):
            grow = len(self._sums)
            self._sums = np.vstack([self._sums, np.zeros((grow, self._dim), dtype=np.float32)])
            self._first = np.concatenate([self._first, np.zeros(grow, dtype=np.int64)])
            self._last = np.concatenate([self._last, np.zeros(grow, dtype=np.int64)])
        self._stories.append(state)
        self._by_story[state.story_id] = index
        for article_id in state.article_ids:
            self._by_article[article_id] = index
        return index

    def _dated(self, index: int) -> None:
        """Keep the time index and the recency lists in step with a story's span."""
        state = self._stories[index]
        if state.first_day is None or state.last_day is None:
            self._recent_undated.touch(index)
        else:
            self._recent_undated.discard(index)
            w = self.options.window_days
            old = (int(self._first[index]), int(self._last[index]))
            self._first[index], self._last[index] = state.first_day, state.last_day
            if old != (state.first_day, state.last_day):
                for b in range((state.first_day - w) // w, (state.last_day + w) // w + 1):
                    self._buckets.setdefault(b, set()).add(index)
        self._recent.touch(index)

    def _centroid(self, index: int) -> NDArray[np.float32]:
        total = self._sums[index]
        return total / max(float(np.linalg.norm(total)), 1e-12)
