"""What the story clusterer keeps, and how it is saved.

The clusterer's memory is one row per article (``ArticleRecord``): its embedding (as
float16, the precision every score is computed at, so a vector read back scores as
it did when it was added), the span of days its date may mean, its identity record,
title, lead sentences, outlet and publication date, and the near-duplicate twin it
follows.  Stories are derived from the rows: each article's component in the graph
of linked pairs (union-find parents) and its story.  A story's title and summary are
read from its most central articles when it is frozen (``title``, ``summary``).

The state file is a log of segments after an 8-byte header::

    NGSTORY3 | SEGMENT2 meta_len body_len | meta (JSON) | body (arrays) | crc32 END. | ...

A *full* segment holds every article; a *delta* segment holds the articles added
since the last save, and both hold the whole assignment (parents, stories, twins:
a few bytes an article).  Saving after a run appends one delta; when the deltas
outweigh the last full segment the file is rewritten whole to a ``.partial`` file
and renamed into place.  Body arrays are raw little-endian numpy (no pickle, no
compression), read through ``mmap``; an article's record is parsed only when the
clusterer needs it.  Crash safety: an append is flushed and fsynced before the save
returns; a segment cut short or failing its crc is ignored on load (with anything
after it), so a partial write never spoils the state saved before it.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.typing import NDArray

from ..errors import StoreError
from .identity import Identity

STATE_VERSION = 3
MAGIC = b"NGSTORY3"
_SEG = struct.Struct("<8sQQ")  # segment magic, meta bytes, body bytes
_SEG_MAGIC = b"SEGMENT2"
_TAIL = struct.Struct("<I4s")  # crc32 of meta + body, end mark
_END = b"END."
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


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What the clusterer keeps of one article besides its vector."""

    title: str
    sentences: tuple[str, ...]
    outlet: str | None
    published: str | None
    identity: Identity

    def record(self) -> bytes:
        return json.dumps(
            {
                "title": self.title,
                "sentences": list(self.sentences),
                "outlet": self.outlet,
                "published": self.published,
                "identity": self.identity.to_json(),
            },
            ensure_ascii=False,
        ).encode("utf-8")

    @classmethod
    def from_record(cls, raw: bytes) -> ArticleRecord:
        row = json.loads(raw)
        return cls(
            title=row["title"],
            sentences=tuple(row["sentences"]),
            outlet=row["outlet"],
            published=row["published"],
            identity=Identity.from_json(row["identity"]),
        )


def _words(sentence: str) -> set[str]:
    return {w.strip(".,;:!?\"'()[]").lower() for w in sentence.split()} - {""}


def title(pool: Sequence[tuple[str, ArticleRecord]]) -> str:
    """The title of the most central article (``pool`` is ranked) that has one."""
    return next((r.title for _, r in pool if r.title), "")


def summary(
    pool: Sequence[tuple[str, ArticleRecord]], size: int, overlap: float
) -> tuple[tuple[str, str], ...]:
    """Lead sentences of the most central articles (``pool`` is ranked), first sentences
    first.  A sentence is skipped when its words overlap a chosen one's by ``overlap``
    or more (Jaccard), so outlets repeating each other are not summarised twice."""
    chosen: list[tuple[str, str]] = []
    seen: list[set[str]] = []
    depth = max((len(r.sentences) for _, r in pool), default=0)
    for position in range(depth):
        for article_id, r in pool:
            if position >= len(r.sentences):
                continue
            words = _words(r.sentences[position])
            if any(len(words & w) / max(len(words | w), 1) >= overlap for w in seen):
                continue
            chosen.append((r.sentences[position], article_id))
            seen.append(words)
            if len(chosen) == size:
                return tuple(chosen)
    return tuple(chosen)


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
class StateRows:
    """What one segment holds: the rows from ``start`` on, and the whole assignment."""

    start: int
    ids: Sequence[str]  # article ids of the rows written
    vecs: NDArray[np.float16]
    lo: NDArray[np.int64]  # day spans, 0 for undated
    hi: NDArray[np.int64]
    records: Sequence[bytes]
    parent: NDArray[np.int64]  # every row: union-find parent
    story: NDArray[np.int64]  # every row: index in ``story_ids``, -1 for a twin
    twin: NDArray[np.int64]  # every row: the row it is a near-duplicate of, or -1
    story_ids: Sequence[str]


def _segment(kind: str, total: int, extra: dict[str, Any], rows: StateRows) -> list[bytes]:
    """The pieces of one segment (header, meta, aligned arrays, tail), crc included."""
    dim = int(rows.vecs.shape[1]) if rows.vecs.ndim == 2 else int(extra["dim"])
    offsets = np.zeros(len(rows.records) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(r) for r in rows.records])
    arrays: dict[str, NDArray[Any]] = {
        "vecs": np.ascontiguousarray(rows.vecs, dtype=np.float16).reshape(-1, dim),
        "lo": np.asarray(rows.lo, dtype=np.int64),
        "hi": np.asarray(rows.hi, dtype=np.int64),
        "rec_off": offsets,
        "recs": np.frombuffer(b"".join(rows.records), dtype=np.uint8),
        "parent": np.asarray(rows.parent, dtype=np.int64),
        "story": np.asarray(rows.story, dtype=np.int64),
        "twin": np.asarray(rows.twin, dtype=np.int64),
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
            "start": rows.start,
            "dim": dim,
            "extra": extra,
            "ids": list(rows.ids),
            "stories": list(rows.story_ids),
            "arrays": layout,
        },
        ensure_ascii=False,
    ).encode("utf-8")
    crc = zlib.crc32(meta)
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
    return [_SEG.pack(_SEG_MAGIC, len(meta), offset), meta, *pieces, _TAIL.pack(crc, _END)]


class Log:
    """Where this clusterer's state was last read or written, for appending to it."""

    def __init__(self, path: Path, end: int, full_bytes: int, rows: int) -> None:
        self.path, self.end, self.full_bytes, self.rows = path.resolve(), end, full_bytes, rows
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

    def appended(self, end: int, rows: int) -> None:
        self.end, self.rows = end, rows
        self.file = (*self.file[:2], end)


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


def write_full(target: str | Path | IO[bytes], extra: dict[str, Any], rows: StateRows) -> int:
    """Write a new state file holding every article; returns its size in bytes.

    A path is written atomically (a ``.partial`` file, fsynced, renamed into place).
    """
    pieces = [MAGIC, *_segment("full", len(rows.parent), extra, rows)]
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


def append_delta(path: str | Path, end: int, extra: dict[str, Any], rows: StateRows) -> int:
    """Append a delta segment after the first ``end`` bytes (a torn tail is cut off).

    Returns the new end of the file.
    """
    pieces = _segment("delta", len(rows.parent), extra, rows)
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
    """A state file read back; article records are parsed on demand (``record``)."""

    ids: list[str]
    vecs: NDArray[np.float16]
    lo: NDArray[np.int64]
    hi: NDArray[np.int64]
    parent: NDArray[np.int64]
    story: NDArray[np.int64]
    twin: NDArray[np.int64]
    story_ids: list[str]
    extra: dict[str, Any]
    end: int  # bytes of valid segments: where the next delta goes
    full_bytes: int  # size of the header and the last full segment
    raw: Callable[[int], bytes]

    def record(self, row: int) -> ArticleRecord:
        return ArticleRecord.from_record(self.raw(row))


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
    """Read a state file: whole arrays now, article records when asked for."""
    where = repr(str(source)) if isinstance(source, (str, Path)) else "stream"
    try:
        data = _buffer(source)
    except OSError as exc:
        raise StoreError(f"cannot read story clusterer state {where}: {exc}") from exc
    segments, end, full_end = _segments(data, where)
    first = (
        max(i for i, s in enumerate(segments) if s.meta["kind"] == "full")
        if any(s.meta["kind"] == "full" for s in segments)
        else None
    )
    if first is None:
        raise StoreError(f"story clusterer state {where} holds no full segment; delete it")
    used = segments[first:]
    last = used[-1]
    total, dim = int(last.meta["total"]), int(last.meta["dim"])
    ids: list[str] = []
    parts: list[tuple[_Segment, int]] = []  # segment, first row
    for seg in used:
        if int(seg.meta["start"]) != len(ids):
            raise StoreError(f"story clusterer state {where} is inconsistent; delete it")
        parts.append((seg, len(ids)))
        ids.extend(seg.meta["ids"])
    if len(ids) != total:
        raise StoreError(f"story clusterer state {where} misses articles; delete it")
    vecs = np.concatenate([s.arrays["vecs"].reshape(-1, dim) for s in used]) if used else None
    lo = np.concatenate([s.arrays["lo"] for s in used])
    hi = np.concatenate([s.arrays["hi"] for s in used])
    starts = [start for _, start in parts]

    def raw(row: int) -> bytes:
        k = int(np.searchsorted(starts, row, side="right")) - 1
        seg, start = parts[k]
        p = row - start
        a, b = int(seg.arrays["rec_off"][p]), int(seg.arrays["rec_off"][p + 1])
        return seg.arrays["recs"][a:b].tobytes()

    assert vecs is not None
    return Snapshot(
        ids=ids,
        vecs=vecs,
        lo=lo,
        hi=hi,
        parent=np.array(last.arrays["parent"]),
        story=np.array(last.arrays["story"]),
        twin=np.array(last.arrays["twin"]),
        story_ids=list(last.meta["stories"]),
        extra=last.meta["extra"],
        end=end,
        full_bytes=full_end,
        raw=raw,
    )
