"""What the story clusterer keeps about each story, and how it is saved.

A story is held as the *sum* of its articles' embeddings (its centroid, up to a
norm), its date span, counts of its actors and event types, its outlets and
articles, and two small pools of candidates with their embeddings: article titles
(for its title) and lead sentences (for its extractive summary).  Pools are pruned
to the candidates nearest the current centroid, so a story's memory is bounded
however many articles join it.

``save_state``/``load_state`` write one ``.npz`` file (numpy arrays plus a JSON
document as bytes; no pickle), to a path or a binary file object, so a store can
keep it in a file or a BLOB.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.typing import NDArray

from ..errors import StoreError

STATE_VERSION = 1
Vectors = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Story:
    """A cluster of articles about one real-world event, as the clusterer sees it now.

    ``summary`` holds the story's most central lead sentences, each with the id of
    the article it comes from.
    """

    story_id: str
    title: str
    first_date: str | None
    last_date: str | None
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]
    summary: tuple[tuple[str, str], ...]


def _empty(dim: int) -> Vectors:
    return np.zeros((0, dim), dtype=np.float32)


@dataclass(slots=True)
class StoryState:
    """Mutable bookkeeping of one story (the centroid sum lives in the clusterer's matrix)."""

    story_id: str
    first_day: int | None = None
    last_day: int | None = None
    members: int = 0  # articles in the centroid (near-duplicates are not)
    actors: Counter[str] = field(default_factory=Counter)
    event_types: Counter[str] = field(default_factory=Counter)
    outlets: dict[str, None] = field(default_factory=dict)  # ordered set
    article_ids: list[str] = field(default_factory=list)
    titles: list[tuple[str, str]] = field(default_factory=list)
    title_vecs: Vectors = field(default_factory=lambda: _empty(0))
    sentences: list[tuple[str, str]] = field(default_factory=list)
    sentence_vecs: Vectors = field(default_factory=lambda: _empty(0))

    def frequent(self, counts: Counter[str]) -> set[str]:
        """Labels seen in at least a quarter of the story's articles (all, for small ones)."""
        floor = max(1, self.members // 4)
        return {label for label, n in counts.items() if n >= floor}

    def widen(self, day: int | None) -> None:
        if day is None:
            return
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)

    def add_pool(
        self,
        which: str,
        items: list[tuple[str, str]],
        vecs: Vectors,
        centroid: NDArray[np.float32],
        cap: int,
    ) -> None:
        """Append candidates to the title or sentence pool; keep the ``cap`` most central."""
        pool: list[tuple[str, str]] = getattr(self, which)
        pool_vecs: Vectors = getattr(self, which[:-1] + "_vecs")
        pool = pool + items
        pool_vecs = np.vstack([pool_vecs, vecs]) if len(pool_vecs) else vecs
        if len(pool) > cap:
            keep = np.sort(np.argsort(-(pool_vecs @ centroid), kind="stable")[:cap])
            pool = [pool[i] for i in keep]
            pool_vecs = pool_vecs[keep]
        setattr(self, which, pool)
        setattr(self, which[:-1] + "_vecs", pool_vecs)

    def title(self, centroid: NDArray[np.float32]) -> str:
        if not self.titles:
            return ""
        return self.titles[int(np.argmax(self.title_vecs @ centroid))][0]

    def summary(
        self, centroid: NDArray[np.float32], size: int, redundancy: float
    ) -> tuple[tuple[str, str], ...]:
        """The most central pool sentences, skipping ones too close to a chosen one."""
        if not self.sentences:
            return ()
        chosen: list[int] = []
        for i in np.argsort(-(self.sentence_vecs @ centroid), kind="stable"):
            vec = self.sentence_vecs[i]
            if any(float(vec @ self.sentence_vecs[j]) > redundancy for j in chosen):
                continue
            chosen.append(int(i))
            if len(chosen) == size:
                break
        return tuple(self.sentences[i] for i in chosen)

    def freeze(self, centroid: NDArray[np.float32], size: int, redundancy: float) -> Story:
        return Story(
            story_id=self.story_id,
            title=self.title(centroid),
            first_date=day_to_iso(self.first_day),
            last_date=day_to_iso(self.last_day),
            outlets=tuple(self.outlets),
            article_ids=tuple(self.article_ids),
            summary=self.summary(centroid, size, redundancy),
        )


def iso_to_day(published: str | None) -> int | None:
    """A day number for ``YYYY-MM-DD`` (a longer timestamp is cut); None when less precise."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def day_to_iso(day: int | None) -> str | None:
    return None if day is None else date.fromordinal(day).isoformat()


def save_state(
    target: str | Path | IO[bytes],
    stories: list[StoryState],
    sums: Vectors,
    extra: dict[str, Any],
) -> None:
    """Write the stories, their centroid sums and ``extra`` (JSON-able) as one ``.npz``.

    A path is written atomically (a ``.partial`` file renamed into place).
    """
    dim = sums.shape[1]
    meta = {
        "version": STATE_VERSION,
        "extra": extra,
        "stories": [
            {
                "id": s.story_id,
                "first": s.first_day,
                "last": s.last_day,
                "members": s.members,
                "actors": dict(s.actors),
                "types": dict(s.event_types),
                "outlets": list(s.outlets),
                "articles": s.article_ids,
                "titles": s.titles,
                "sentences": s.sentences,
            }
            for s in stories
        ],
    }
    title_vecs = [s.title_vecs for s in stories if len(s.title_vecs)]
    sentence_vecs = [s.sentence_vecs for s in stories if len(s.sentence_vecs)]
    arrays = {
        "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        "sums": sums[: len(stories)],
        "title_vecs": np.vstack(title_vecs) if title_vecs else _empty(dim),
        "sentence_vecs": np.vstack(sentence_vecs) if sentence_vecs else _empty(dim),
    }
    if not isinstance(target, (str, Path)):
        np.savez_compressed(target, **arrays)  # type: ignore[arg-type]
        return
    path = Path(target)
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:  # numpy would add ".npz" to a bare name
        np.savez_compressed(handle, **arrays)  # type: ignore[arg-type]
    partial.replace(path)


def load_state(source: str | Path | IO[bytes]) -> tuple[list[StoryState], Vectors, dict[str, Any]]:
    """Read what ``save_state`` wrote: the stories, their centroid sums and ``extra``."""
    try:
        with np.load(source, allow_pickle=False) as data:
            meta = json.loads(data["meta"].tobytes().decode("utf-8"))
            sums = data["sums"].astype(np.float32)
            title_vecs = data["title_vecs"].astype(np.float32)
            sentence_vecs = data["sentence_vecs"].astype(np.float32)
    except (OSError, KeyError, ValueError) as exc:
        raise StoreError(f"cannot read story clusterer state from {source!r}: {exc}") from exc
    if meta.get("version") != STATE_VERSION:
        raise StoreError(
            f"story clusterer state has version {meta.get('version')!r}; expected "
            f"{STATE_VERSION}: rebuild it by clustering the stored articles again"
        )
    stories: list[StoryState] = []
    t = s = 0
    for row in meta["stories"]:
        titles = [(a, b) for a, b in row["titles"]]
        sentences = [(a, b) for a, b in row["sentences"]]
        stories.append(
            StoryState(
                story_id=row["id"],
                first_day=row["first"],
                last_day=row["last"],
                members=row["members"],
                actors=Counter(row["actors"]),
                event_types=Counter(row["types"]),
                outlets=dict.fromkeys(row["outlets"]),
                article_ids=list(row["articles"]),
                titles=titles,
                title_vecs=title_vecs[t : t + len(titles)],
                sentences=sentences,
                sentence_vecs=sentence_vecs[s : s + len(sentences)],
            )
        )
        t += len(titles)
        s += len(sentences)
    return stories, sums, meta["extra"]
