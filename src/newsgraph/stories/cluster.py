"""Story clustering: articles about the same real-world event, across outlets.

Two articles are scored by what makes an event this event (``identity``): the cosine
of their embeddings (title and lead, cut at ``text_chars``, with the packaged sentence
encoder) plus the names, numbers, places and coded events they share; two articles
dated further apart than ``window_days`` (by their publication dates, else the dates
their texts imply, each with its precision) never link.

Stories are a function of the set of articles, not of the order they came in:

1. *Components*: articles whose pair scores ``threshold`` or more are linked, and a
   component is what links reach (union-find; adding articles only joins
   components, in whatever order and batches they come).
2. *Stories*: inside each component, average-link agglomeration of all its pairs
   (the nearest-neighbour chain, members in a stable order: date, then id) keeps
   merging while two groups' mean pair score reaches ``threshold``; an article left
   alone then joins the group of the member it scores best with, if that pair
   reaches ``threshold``.  Groups never cross components (a mean at the threshold
   needs one pair above it), so a batch re-clusters only the components it touched.

A story is named after its first member by date, then id.  A near-duplicate
(``duplicate_of`` a known article) follows its twin's story and takes no part in
scoring.  Candidate pairs come from a time-bucketed index (an undated article is
compared with every article, and every article with the undated ones), so the cost
of one article depends on how many articles lie around its date, not on the store.

``save`` to a path appends the articles added since the last save (``storystate``);
``load`` reads the arrays at once and each article's record only when it is needed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import IO

import numpy as np
from numpy.typing import NDArray

from ..errors import StoreError
from .embed import Encoder
from .identity import Identity, Link, apart, bonus, compare, identity_of, load_weights
from .inputs import ClusterOptions, StoryInput, article_text, split_sentences
from .linkage import attach_singles, average_link, pair_scores
from .storystate import (
    ArticleRecord,
    Log,
    Snapshot,
    StateRows,
    Story,
    append_delta,
    day_to_iso,
    iso_to_day,
    read_state,
    summary,
    title,
    write_full,
)

__all__ = ["ClusterOptions", "Story", "StoryClusterer", "StoryInput", "split_sentences"]
_LAST = 10**9  # the sort key of an undated article: after every date
_DIGITS = 9  # scores are rounded, so a vector product's last bits never flip a link


def story_id_of(article_id: str) -> str:
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:16]


class StoryClusterer:
    """Groups articles into stories, a batch at a time, keeping what it has seen."""

    def __init__(self, encoder: Encoder, options: ClusterOptions | None = None) -> None:
        self.encoder = encoder
        self.options = options or ClusterOptions()
        self.weights = load_weights()
        self._dim = int(encoder.dim)
        self._vecs = np.zeros((64, self._dim), dtype=np.float32)
        self._lo = np.zeros(64, dtype=np.int64)  # day span; 0: undated
        self._hi = np.zeros(64, dtype=np.int64)
        self._parent: list[int] = []
        self._twin: list[int] = []
        self._story: list[str] = []  # story id of each row ("" for a twin)
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._records: list[ArticleRecord | None] = []
        self._snapshot: Snapshot | None = None
        self._components: dict[int, list[int]] = {}  # root -> rows (no twins)
        self._stories: dict[str, list[int]] = {}  # story id -> rows (no twins)
        self._twins: dict[int, list[int]] = {}  # row -> its near-duplicates
        self._buckets: dict[int, list[int]] = {}  # window-sized bucket -> dated rows
        self._undated: list[int] = []
        self._saved_rows = 0
        self._changed = False
        self.retired: set[str] = set()  # stories that ceased to be since the caller cleared it
        self.touched: set[str] = set()  # stories made or changed since the caller cleared it
        self._log: Log | None = None

    # -- the public API --------------------------------------------------------------

    def add(self, items: Iterable[StoryInput]) -> dict[str, str]:
        """Cluster a batch; returns article_id -> story_id for every item given."""
        batch = list(items)
        fresh = list({it.article_id: it for it in batch if it.article_id not in self._row}.values())
        known = set(self._row) | {it.article_id for it in fresh}
        twins = [it for it in fresh if it.duplicate_of and it.duplicate_of in known]
        twin_ids = {it.article_id for it in twins}
        own = sorted(
            (self._with_identity(it) for it in fresh if it.article_id not in twin_ids),
            key=lambda it: (self._key_of(it), it.article_id),
        )
        rows = [self._register(it, vec) for it, vec in zip(own, self._embed(own), strict=True)]
        self._link_all(rows)
        self._place_twins(twins)
        self._recluster({self._find(r) for r in rows})
        return {it.article_id: self.story_of(it.article_id) or "" for it in batch}

    def stories(self, story_ids: Iterable[str] | None = None) -> list[Story]:
        """All stories (or the ones named that exist), ordered by id."""
        chosen = sorted(self._stories) if story_ids is None else list(story_ids)
        return [self._freeze(s) for s in chosen if s in self._stories]

    def story_of(self, article_id: str) -> str | None:
        row = self._row.get(article_id)
        if row is None:
            return None
        while self._twin[row] >= 0:
            row = self._twin[row]
        return self._story[row]

    def identity(self, article_id: str) -> Identity | None:
        """The identity record the clusterer holds for an article."""
        row = self._row.get(article_id)
        return None if row is None else self._record(row).identity

    def explain(self, story_id: str) -> dict[str, tuple[str | None, Link | None]]:
        """For each article of a story: the member it is most like, and why.

        A near-duplicate is explained by its twin (no link).  A story of one article
        has no link.
        """
        rows = self._stories.get(story_id, [])
        out: dict[str, tuple[str | None, Link | None]] = {}
        sim = self._matrix(rows) if len(rows) > 1 else np.zeros((1, 1))
        np.fill_diagonal(sim, -np.inf)
        for i, row in enumerate(rows):
            if len(rows) > 1:
                other = rows[int(np.argmax(sim[i]))]  # ties: the first by date, then id
                out[self._ids[row]] = (self._ids[other], self._pair(row, other))
            else:
                out[self._ids[row]] = (None, None)
            for twin in self._all_twins(row):
                out[self._ids[twin]] = (self._ids[self._twin[twin]], None)
        return out

    def __len__(self) -> int:
        return len(self._stories)

    def save(self, target: str | Path | IO[bytes]) -> None:
        """Write the state: to a path it was read from or saved to, only what was added.

        A file object (or another path) gets the whole state.  A failure leaves the
        file as it was (see ``storystate``).
        """
        extra = {"encoder": self.encoder.name, "dim": self._dim, "options": asdict(self.options)}
        if not isinstance(target, (str, Path)):
            write_full(target, extra, self._state_rows(0))
            return
        path = Path(target)
        if self._log is not None and self._log.appendable(path):
            if self._changed:  # else the file already holds this state
                end = append_delta(path, self._log.end, extra, self._state_rows(self._log.rows))
                self._log.appended(end, len(self._ids))
        else:
            size = write_full(path, extra, self._state_rows(0))
            self._log = Log(path, size, size, len(self._ids))
        self._changed = False

    @classmethod
    def load(
        cls,
        source: str | Path | IO[bytes],
        encoder: Encoder,
        options: ClusterOptions | None = None,
    ) -> StoryClusterer:
        """Rebuild a clusterer from ``save``; the encoder must produce the same space.

        ``options`` replace the saved ones for what is added from now on.
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
            clusterer._log = Log(Path(source), snap.end, snap.full_bytes, len(snap.ids))
        return clusterer

    # -- rows ------------------------------------------------------------------------

    def _embed(self, items: list[StoryInput]) -> NDArray[np.float32]:
        """One encoder call, one text per article; kept at float16 precision."""
        if not items:
            return np.zeros((0, self._dim), dtype=np.float32)
        texts = [article_text(it, self.options.text_chars) for it in items]
        vecs = np.asarray(self.encoder.encode(texts), dtype=np.float32)
        return vecs.astype(np.float16).astype(np.float32)

    def _with_identity(self, item: StoryInput) -> StoryInput:
        return item if item.identity is not None else replace(item, identity=self._identity(item))

    @staticmethod
    def _identity(item: StoryInput) -> Identity:
        return item.identity or identity_of(
            item.title, item.lead, published=item.published, actors=item.actors
        )

    def _key_of(self, item: StoryInput) -> int:
        span = self._identity(item).span()
        return span[0] if span else _LAST

    def _record(self, row: int) -> ArticleRecord:
        record = self._records[row]
        if record is None:
            assert self._snapshot is not None
            record = self._records[row] = self._snapshot.record(row)
        return record

    def _raw(self, row: int) -> bytes:
        record = self._records[row]
        if record is None:  # never needed since loading: copy it as read
            assert self._snapshot is not None
            return self._snapshot.raw(row)
        return record.record()

    def _grow(self, size: int) -> None:
        if size <= len(self._vecs):
            return
        grow = max(size, 2 * len(self._vecs)) - len(self._vecs)
        self._vecs = np.vstack([self._vecs, np.zeros((grow, self._dim), dtype=np.float32)])
        self._lo = np.concatenate([self._lo, np.zeros(grow, dtype=np.int64)])
        self._hi = np.concatenate([self._hi, np.zeros(grow, dtype=np.int64)])

    def _register(self, item: StoryInput, vec: NDArray[np.float32] | None) -> int:
        row = len(self._ids)
        self._grow(row + 1)
        identity = self._identity(item)
        cap = self.options.sentences_per_article
        sentences = [s for s in item.sentences[:cap] if s.strip()] or split_sentences(item.lead)[
            :cap
        ]
        self._records.append(
            ArticleRecord(
                item.title.strip(), tuple(sentences), item.outlet, item.published, identity
            )
        )
        self._ids.append(item.article_id)
        self._row[item.article_id] = row
        self._parent.append(row)
        self._twin.append(-1)
        self._story.append("")
        self._changed = True
        if vec is None:  # a near-duplicate: no vector, no place in the graph
            return row
        self._vecs[row] = vec
        span = identity.span()
        if span is None:
            self._undated.append(row)
        else:
            self._lo[row], self._hi[row] = span
            self._index(row)
        self._components[row] = [row]
        return row

    def _index(self, row: int) -> None:
        w = self.options.window_days
        for b in range(int(self._lo[row]) // w, int(self._hi[row]) // w + 1):
            self._buckets.setdefault(b, []).append(row)

    def _candidates(self, row: int) -> NDArray[np.int64]:
        """Rows that may link with ``row`` and came before it (time-gated)."""
        if self._lo[row] == 0:
            found = np.arange(row, dtype=np.int64)
            return found[self._twin_mask(found)]
        found = self._window(int(self._lo[row]), int(self._hi[row]))
        return found[found < row]

    def _window(self, lo: int, hi: int) -> NDArray[np.int64]:
        """Rows dated within the window of days ``lo`` .. ``hi``, and the undated ones."""
        w = self.options.window_days
        near: list[int] = []
        for b in range((lo - w) // w, (hi + w) // w + 1):
            near.extend(self._buckets.get(b, ()))
        found = np.unique(np.asarray(near, dtype=np.int64))
        found = found[(self._lo[found] - w <= hi) & (lo <= self._hi[found] + w)]
        return np.concatenate([found, np.asarray(self._undated, dtype=np.int64)])

    def _twin_mask(self, rows: NDArray[np.int64]) -> NDArray[np.bool_]:
        twins = np.asarray(self._twin, dtype=np.int64)[rows] if len(rows) else rows
        return np.asarray(twins < 0, dtype=bool)

    # -- scoring and the graph -------------------------------------------------------

    def _cosines(self, row: int, others: NDArray[np.int64]) -> NDArray[np.float64]:
        a = self._vecs[row].astype(np.float64)
        return np.round(self._vecs[others].astype(np.float64) @ a, _DIGITS)

    def _score(self, a: int, b: int, cosine: float) -> float:
        if cosine < self.options.floor:
            return cosine
        ia, ib = self._record(a).identity, self._record(b).identity
        if apart(ia.span(), ib.span(), self.options.window_days):
            return self.weights.date_gate
        return round(cosine + bonus(ia, ib, self.weights), _DIGITS)

    def _pair(self, a: int, b: int) -> Link:
        cosine = float(self._cosines(a, np.asarray([b], dtype=np.int64))[0])
        link = compare(
            self._record(a).identity, self._record(b).identity, cosine, self.options.window_days
        )
        return link if cosine >= self.options.floor else Link(cosine, cosine, gated=link.gated)

    def _find(self, row: int) -> int:
        parent = self._parent
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if len(self._components[ra]) < len(self._components[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._components[ra].extend(self._components.pop(rb))

    def _link_all(self, rows: list[int]) -> None:
        """``_link`` each new row; rows dated to a day are sieved a week-bucket at a
        time (one product of the bucket's rows with the articles around it)."""
        w = self.options.window_days
        buckets: dict[int, list[int]] = {}
        for row in rows:
            lo, hi = int(self._lo[row]), int(self._hi[row])
            if lo and lo == hi:
                buckets.setdefault(lo // w, []).append(row)
            else:
                self._link(row, self._candidates(row))
        sieve = self._reach() - 1e-3  # float32 products: a sieve with 1e-3 to spare
        for group in buckets.values():
            at = np.asarray(group, dtype=np.int64)
            near = self._window(int(self._lo[at].min()), int(self._hi[at].max()))
            rough = self._vecs[at] @ self._vecs[near].T
            for i, row in enumerate(group):
                keep = (near < row) & (self._lo[near] - w <= self._hi[row])
                keep &= self._lo[row] <= self._hi[near] + w
                keep |= (near < row) & (self._lo[near] == 0)
                self._link(row, near[keep & (rough[i] >= sieve)])

    def _reach(self) -> float:
        return max(self.options.floor, self.options.threshold - self.weights.most)

    def _link(self, row: int, others: NDArray[np.int64]) -> None:
        """Join ``row``'s component with every row of ``others`` it scores the threshold
        with."""
        if not len(others):
            return
        reach = self._reach()
        rough = self._vecs[others] @ self._vecs[row]  # float32: a sieve, 1e-3 to spare
        others = others[rough >= reach - 1e-3]
        cosines = self._cosines(row, others)
        for k in np.flatnonzero(cosines >= reach).tolist():
            other = int(others[k])
            if self._find(other) == self._find(row):
                continue
            if self._score(row, other, float(cosines[k])) >= self.options.threshold:
                self._union(row, other)

    def _matrix(self, rows: list[int]) -> NDArray[np.float64]:
        """The pair scores of these rows (``linkage.pair_scores``)."""
        at = np.asarray(rows, dtype=np.int64)
        vecs = self._vecs[at].astype(np.float64)
        o = self.options
        return pair_scores(
            np.round(vecs @ vecs.T, _DIGITS),
            [self._record(r).identity for r in rows],
            self._lo[at],
            self._hi[at],
            o.window_days,
            o.floor,
            self.weights,
            _DIGITS,
        )

    def _recluster(self, roots: set[int]) -> None:
        """Average-link stories inside each touched component."""
        for root in sorted(roots, key=lambda r: self._ids[r]):
            rows = sorted(
                self._components[root], key=lambda r: (int(self._lo[r]) or _LAST, self._ids[r])
            )
            old = {self._story[r] for r in rows} - {""}
            if len(rows) > 1:
                sim = self._matrix(rows)
                labels = average_link(sim, self.options.threshold)
                labels = attach_singles(sim, labels, self.options.threshold)
            else:
                labels = [0]
            groups: dict[int, list[int]] = {}
            for r, label in zip(rows, labels, strict=True):
                groups.setdefault(label, []).append(r)
            for sid in old:
                self._stories.pop(sid, None)
            new: set[str] = set()
            for members in groups.values():
                sid = story_id_of(self._ids[members[0]])
                self._stories[sid] = members
                for r in members:
                    self._story[r] = sid
                new.add(sid)
            self.retired |= old - new
            self.retired -= new
            self.touched |= new
            self.touched -= self.retired

    def _place_twins(self, twins: list[StoryInput]) -> None:
        """Near-duplicates follow their twin once it is known (chains too); a twin
        that never arrives leaves its copy to be clustered as an article."""
        waiting = twins
        while waiting:
            later = [it for it in waiting if it.duplicate_of not in self._row]
            for item in waiting:
                target = self._row.get(item.duplicate_of or "")
                if target is not None:
                    row = self._register(item, None)
                    self._twin[row] = target
                    self._twins.setdefault(target, []).append(row)
                    self.touched.add(self.story_of(item.article_id) or "")
            if len(later) == len(waiting):
                break
            waiting = later
        orphans = [it for it in waiting if it.article_id not in self._row]
        rows = [self._register(it, v) for it, v in zip(orphans, self._embed(orphans), strict=True)]
        self._link_all(rows)
        self._recluster({self._find(r) for r in rows})

    def _all_twins(self, row: int) -> list[int]:
        out: list[int] = []
        todo = list(self._twins.get(row, ()))
        while todo:
            t = todo.pop(0)
            out.append(t)
            todo.extend(self._twins.get(t, ()))
        return out

    # -- stories ---------------------------------------------------------------------

    def _freeze(self, story_id: str) -> Story:
        rows = self._stories[story_id]
        at = np.asarray(rows, dtype=np.int64)
        total = self._vecs[at].astype(np.float64).sum(axis=0)
        centroid = total / max(float(np.linalg.norm(total)), 1e-12)
        closeness = np.round(self._vecs[at].astype(np.float64) @ centroid, _DIGITS)
        ranked = [rows[int(i)] for i in np.argsort(-closeness, kind="stable")]
        pool = [(self._ids[r], self._record(r)) for r in ranked[: self.options.pool_size]]
        members = [r for row in rows for r in (row, *self._all_twins(row))]
        days = [
            d for d in (iso_to_day(self._record(r).published) for r in members) if d is not None
        ]
        outlets = dict.fromkeys(o for o in (self._record(r).outlet for r in members) if o)
        o = self.options
        return Story(
            story_id=story_id,
            title=title(pool),
            first_date=day_to_iso(min(days)) if days else None,
            last_date=day_to_iso(max(days)) if days else None,
            outlets=tuple(outlets),
            article_ids=tuple(self._ids[r] for r in members),
            summary=summary(pool, o.summary_size, o.summary_overlap),
        )

    # -- the state file --------------------------------------------------------------

    def _state_rows(self, start: int) -> StateRows:
        n = len(self._ids)
        story_ids = sorted(self._stories)
        index = {s: i for i, s in enumerate(story_ids)}
        return StateRows(
            start=start,
            ids=self._ids[start:],
            vecs=self._vecs[start:n].astype(np.float16),
            lo=self._lo[start:n],
            hi=self._hi[start:n],
            records=[self._raw(r) for r in range(start, n)],
            parent=np.asarray([self._find(r) for r in range(n)], dtype=np.int64),
            story=np.asarray([index.get(s, -1) for s in self._story], dtype=np.int64),
            twin=np.asarray(self._twin, dtype=np.int64),
            story_ids=story_ids,
        )

    def _adopt(self, snap: Snapshot) -> None:
        """Take a read state: arrays now, article records lazily (``_record``)."""
        n = len(snap.ids)
        self._grow(n)
        self._vecs[:n] = snap.vecs.astype(np.float32)
        self._lo[:n], self._hi[:n] = snap.lo, snap.hi
        self._ids = list(snap.ids)
        self._row = {a: i for i, a in enumerate(self._ids)}
        self._records = [None] * n
        self._snapshot = snap
        self._parent = snap.parent.tolist()
        self._twin = snap.twin.tolist()
        self._story = [snap.story_ids[s] if s >= 0 else "" for s in snap.story.tolist()]
        for row in range(n):
            target = self._twin[row]
            if target >= 0:
                self._twins.setdefault(target, []).append(row)
                continue
            self._components.setdefault(self._parent[row], []).append(row)
            self._stories.setdefault(self._story[row], []).append(row)
            if self._lo[row] == 0:
                self._undated.append(row)
            else:
                self._index(row)
        for rows in self._stories.values():
            rows.sort(key=lambda r: (int(self._lo[r]) or _LAST, self._ids[r]))
