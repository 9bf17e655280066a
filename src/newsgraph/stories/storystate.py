"""What the story clusterer keeps about each story, and how it is saved.

A story is held as the *sum* of its articles' embeddings (its centroid, up to a
norm), its date span, counts of its actors and event types, its outlets and
articles, and a small pool of its most central articles (id, title, lead sentences
and the article's embedding, as float16): the pool gives the story its title and its
extractive summary.  The pool is pruned to the articles nearest the current
centroid, so a story's memory is bounded however many articles join it.

The state file is a log of segments after an 8-byte header::

    NGSTORY2 | SEGMENT2 meta_len body_len | meta (JSON) | body (arrays) | crc32 END. | ...

A *full* segment holds every story; a *delta* segment holds only the stories touched
since the last save (their whole records, which replace the earlier ones).  Saving
after a run appends one delta (cost: the touched stories, not the store); when the
deltas outweigh the last full segment the file is rewritten whole to a ``.partial``
file and renamed into place.  Body arrays are raw little-endian numpy (no pickle, no
compression), read through ``mmap``; a story's record is parsed only when the
clusterer touches it.  Crash safety: an append is flushed and fsynced before the
save returns; a segment cut short or failing its crc is ignored on load (with
anything after it), so a partial write never spoils the state saved before it.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.typing import NDArray

from ..errors import StoreError

STATE_VERSION = 2
MAGIC = b"NGSTORY2"
_SEG = struct.Struct("<8sQQ")  # segment magic, meta bytes, body bytes
_SEG_MAGIC = b"SEGMENT2"
_TAIL = struct.Struct("<I4s")  # crc32 of meta + body, end mark
_END = b"END."
Vectors = NDArray[np.float32]
PoolVectors = NDArray[np.float16]
PoolEntry = tuple[str, str, tuple[str, ...]]  # article id, title, lead sentences


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


def _empty(dim: int) -> PoolVectors:
    return np.zeros((0, dim), dtype=np.float16)


def _words(sentence: str) -> set[str]:
    return {w.strip(".,;:!?\"'()[]").lower() for w in sentence.split()} - {""}


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
    pool: list[PoolEntry] = field(default_factory=list)
    pool_vecs: PoolVectors = field(default_factory=lambda: _empty(0))

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
        self, entry: PoolEntry, vec: NDArray[np.float32], centroid: NDArray[np.float32], cap: int
    ) -> None:
        """Add an article to the pool; keep the ``cap`` articles nearest the centroid."""
        row = np.asarray(vec, dtype=np.float16)[None, :]
        pool = [*self.pool, entry]
        vecs = np.vstack([self.pool_vecs, row]) if len(self.pool_vecs) else row
        if len(pool) > cap:
            keep = np.sort(np.argsort(-self._closeness(vecs, centroid), kind="stable")[:cap])
            pool = [pool[i] for i in keep]
            vecs = vecs[keep]
        self.pool, self.pool_vecs = pool, vecs

    @staticmethod
    def _closeness(vecs: PoolVectors, centroid: NDArray[np.float32]) -> NDArray[np.float32]:
        return np.asarray(vecs, dtype=np.float32) @ centroid

    def _ranked(self, centroid: NDArray[np.float32]) -> list[int]:
        if not self.pool:
            return []
        return [
            int(i) for i in np.argsort(-self._closeness(self.pool_vecs, centroid), kind="stable")
        ]

    def title(self, centroid: NDArray[np.float32]) -> str:
        """The title of the most central article that has one."""
        return next((self.pool[i][1] for i in self._ranked(centroid) if self.pool[i][1]), "")

    def summary(
        self, centroid: NDArray[np.float32], size: int, overlap: float
    ) -> tuple[tuple[str, str], ...]:
        """Lead sentences of the most central articles, first sentences first.

        A sentence is skipped when its words overlap a chosen one's by ``overlap`` or
        more (Jaccard), so outlets repeating each other are not summarised twice.
        """
        ranked = self._ranked(centroid)
        chosen: list[tuple[str, str]] = []
        seen: list[set[str]] = []
        depth = max((len(self.pool[i][2]) for i in ranked), default=0)
        for position in range(depth):
            for i in ranked:
                article_id, _, sentences = self.pool[i]
                if position >= len(sentences):
                    continue
                words = _words(sentences[position])
                if any(len(words & w) / max(len(words | w), 1) >= overlap for w in seen):
                    continue
                chosen.append((sentences[position], article_id))
                seen.append(words)
                if len(chosen) == size:
                    return tuple(chosen)
        return tuple(chosen)

    def freeze(self, centroid: NDArray[np.float32], size: int, overlap: float) -> Story:
        return Story(
            story_id=self.story_id,
            title=self.title(centroid),
            first_date=day_to_iso(self.first_day),
            last_date=day_to_iso(self.last_day),
            outlets=tuple(self.outlets),
            article_ids=tuple(self.article_ids),
            summary=self.summary(centroid, size, overlap),
        )

    def record(self) -> bytes:
        """The story without its vectors, as JSON (see ``from_record``)."""
        return json.dumps(
            {
                "id": self.story_id,
                "first": self.first_day,
                "last": self.last_day,
                "members": self.members,
                "actors": dict(self.actors),
                "types": dict(self.event_types),
                "outlets": list(self.outlets),
                "articles": self.article_ids,
                "pool": self.pool,
            },
            ensure_ascii=False,
        ).encode("utf-8")

    @classmethod
    def from_record(cls, raw: bytes, pool_vecs: PoolVectors) -> StoryState:
        row = json.loads(raw)
        return cls(
            story_id=row["id"],
            first_day=row["first"],
            last_day=row["last"],
            members=row["members"],
            actors=Counter(row["actors"]),
            event_types=Counter(row["types"]),
            outlets=dict.fromkeys(row["outlets"]),
            article_ids=list(row["articles"]),
            pool=[(a, t, tuple(s)) for a, t, s in row["pool"]],
            pool_vecs=pool_vecs,
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


# -- the state file -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryRows:
    """Stories to write in one segment: their slots, ids, records and vectors."""

    indices: Sequence[int]
    ids: Sequence[str]
    records: Sequence[bytes]
    pools: Sequence[PoolVectors]
    sums: Vectors
    first: NDArray[np.int64]  # day numbers, 0 for none
    last: NDArray[np.int64]
    articles: Sequence[tuple[str, int]]  # article id -> slot, for the stories written


def _segment(kind: str, total: int, extra: dict[str, Any], rows: StoryRows) -> list[bytes]:
    """The pieces of one segment (header, meta, aligned arrays, tail), crc included."""
    dim = int(rows.sums.shape[1])
    pool_off = np.zeros(len(rows.pools) + 1, dtype=np.int64)
    pool_off[1:] = np.cumsum([len(p) for p in rows.pools])
    detail_off = np.zeros(len(rows.records) + 1, dtype=np.int64)
    detail_off[1:] = np.cumsum([len(r) for r in rows.records])
    pools = [np.asarray(p, dtype=np.float16).reshape(-1, dim) for p in rows.pools if len(p)]
    arrays: dict[str, NDArray[Any]] = {
        "index": np.asarray(rows.indices, dtype=np.int64),
        "sums": np.ascontiguousarray(rows.sums, dtype=np.float32).reshape(-1, dim),
        "first": np.asarray(rows.first, dtype=np.int64),
        "last": np.asarray(rows.last, dtype=np.int64),
        "pool_off": pool_off,
        "pool": np.vstack(pools) if pools else _empty(dim),
        "detail_off": detail_off,
        "details": np.frombuffer(b"".join(rows.records), dtype=np.uint8),
        "art_story": np.asarray([s for _, s in rows.articles], dtype=np.int64),
    }
    layout: dict[str, list[Any]] = {}
    pieces: list[bytes] = []
    offset = 0
    for name, array in arrays.items():
        data = array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()
        layout[name] = [array.dtype.str, list(array.shape), offset]
        pad = -len(data) % 8
        pieces.append(data + b"\0" * pad)
        offset += len(data) + pad
    meta = json.dumps(
        {
            "version": STATE_VERSION,
            "kind": kind,
            "total": total,
            "dim": dim,
            "extra": extra,
            "ids": list(rows.ids),
            "articles": [a for a, _ in rows.articles],
            "arrays": layout,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    crc = zlib.crc32(meta)
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
    return [_SEG.pack(_SEG_MAGIC, len(meta), offset), meta, *pieces, _TAIL.pack(crc, _END)]


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_full(
    target: str | Path | IO[bytes], total: int, extra: dict[str, Any], rows: StoryRows
) -> int:
    """Write a new state file holding every story; returns its size in bytes.

    A path is written atomically (a ``.partial`` file, fsynced, renamed into place).
    """
    pieces = [MAGIC, *_segment("full", total, extra, rows)]
    if not isinstance(target, (str, Path)):
        for piece in pieces:
            target.write(piece)
        return sum(len(p) for p in pieces)
    path = Path(target)
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as handle:
        for piece in pieces:
            handle.write(piece)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)
    _fsync_dir(path)
    return sum(len(p) for p in pieces)


def append_delta(
    path: str | Path, end: int, total: int, extra: dict[str, Any], rows: StoryRows
) -> int:
    """Append a delta segment after the first ``end`` bytes (a torn tail is cut off).

    Returns the new end of the file.
    """
    pieces = _segment("delta", total, extra, rows)
    with Path(path).open("r+b") as handle:
        handle.truncate(end)
        handle.seek(end)
        for piece in pieces:
            handle.write(piece)
        handle.flush()
        os.fsync(handle.fileno())
    return end + sum(len(p) for p in pieces)


@dataclass(slots=True)
class _Segment:
    meta: dict[str, Any]
    arrays: dict[str, NDArray[Any]]


@dataclass(slots=True)
class Snapshot:
    """A state file read back; story records are parsed on demand (``state``)."""

    story_ids: list[str]
    sums: Vectors
    first: NDArray[np.int64]
    last: NDArray[np.int64]
    article_story: dict[str, int]
    extra: dict[str, Any]
    end: int  # bytes of valid segments: where the next delta goes
    full_bytes: int  # size of the header and the last full segment
    raw: Callable[[int], tuple[bytes, PoolVectors]]

    def state(self, index: int) -> StoryState:
        record, vecs = self.raw(index)
        return StoryState.from_record(record, vecs)


def _buffer(source: str | Path | IO[bytes]) -> bytes | mmap.mmap:
    if not isinstance(source, (str, Path)):
        return source.read()
    with Path(source).open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return b""
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _segments(data: bytes | mmap.mmap, where: str) -> tuple[list[_Segment], int, int]:
    """The valid segments, the end of the last one and the size up to the last full one."""
    if bytes(data[: len(MAGIC)]) != MAGIC:
        raise StoreError(
            f"story clusterer state {where} is not a version {STATE_VERSION} state file; "
            "rebuild it by clustering the stored articles again (delete the file)"
        )
    segments: list[_Segment] = []
    view = memoryview(data)
    pos, full_end, size = len(MAGIC), 0, len(data)
    while pos + _SEG.size <= size:
        magic, meta_len, body_len = _SEG.unpack_from(data, pos)
        start = pos + _SEG.size
        end = start + meta_len + body_len + _TAIL.size
        if magic != _SEG_MAGIC or end > size:
            break
        crc, mark = _TAIL.unpack_from(data, end - _TAIL.size)
        body = start + meta_len
        if (
            mark != _END
            or zlib.crc32(view[body : body + body_len], zlib.crc32(view[start:body])) != crc
        ):
            break
        meta = json.loads(bytes(view[start:body]))
        arrays = {
            name: np.frombuffer(
                data, dtype=np.dtype(dtype), count=int(np.prod(shape)), offset=body + offset
            ).reshape(shape)
            for name, (dtype, shape, offset) in meta["arrays"].items()
        }
        segments.append(_Segment(meta, arrays))
        if meta["kind"] == "full":
            full_end = end
        pos = end
    if not segments:
        raise StoreError(f"story clusterer state {where} holds no complete segment; delete it")
    return segments, pos, full_end


def read_state(source: str | Path | IO[bytes]) -> Snapshot:
    """Read a state file: whole arrays now, story records when asked for."""
    where = repr(str(source)) if isinstance(source, (str, Path)) else "stream"
    try:
        data = _buffer(source)
    except OSError as exc:
        raise StoreError(f"cannot read story clusterer state {where}: {exc}") from exc
    segments, end, full_end = _segments(data, where)
    last = segments[-1].meta
    total, dim = int(last["total"]), int(last["dim"])
    sums = np.zeros((total, dim), dtype=np.float32)
    first = np.zeros(total, dtype=np.int64)
    last_day = np.zeros(total, dtype=np.int64)
    seg_of = np.full(total, -1, dtype=np.int64)
    pos_of = np.zeros(total, dtype=np.int64)
    story_ids: list[str] = [""] * total
    article_story: dict[str, int] = {}
    for number, seg in enumerate(segments):
        index = seg.arrays["index"]
        if len(index) and int(index.max()) >= total:
            raise StoreError(f"story clusterer state {where} is inconsistent; delete it")
        sums[index] = seg.arrays["sums"]
        first[index] = seg.arrays["first"]
        last_day[index] = seg.arrays["last"]
        seg_of[index] = number
        pos_of[index] = np.arange(len(index))
        for i, story_id in zip(index.tolist(), seg.meta["ids"], strict=True):
            story_ids[i] = story_id
        article_story.update(
            zip(seg.meta["articles"], seg.arrays["art_story"].tolist(), strict=True)
        )
    if total and int(seg_of.min()) < 0:
        raise StoreError(f"story clusterer state {where} misses stories; delete it")

    def raw(i: int) -> tuple[bytes, PoolVectors]:
        seg, p = segments[int(seg_of[i])].arrays, int(pos_of[i])
        d0, d1 = int(seg["detail_off"][p]), int(seg["detail_off"][p + 1])
        v0, v1 = int(seg["pool_off"][p]), int(seg["pool_off"][p + 1])
        return seg["details"][d0:d1].tobytes(), seg["pool"][v0:v1]

    return Snapshot(
        story_ids, sums, first, last_day, article_story, last["extra"], end, full_end, raw
    )
