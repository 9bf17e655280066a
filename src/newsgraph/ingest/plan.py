"""Shard planning: the inputs of a run cut into shards, in the order ``iter_pages`` reads them.

A shard is either a run of single-page files (``.txt``, ``.html``, and anything
``iter_pages`` turns into one page or one error page), at most ``shard_size`` of
them, or ONE container file (WARC, JSONL, feed, URL list), which the worker streams.
Concatenating the pages of every shard, in shard order, gives exactly the pages of
``iter_pages(inputs)`` in the same order, so a batch run decides duplicates the way
an inline ingest does.

A shard's id hashes its inputs (path, size and modification time of each file), the
settings that change what a page becomes, and the manifest's bytes: a re-run of the
same inputs with the same settings finds its finished shards in the ledger.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..settings import Settings
from ..sources import CONTAINER_SUFFIXES, Manifest, resolved, walk_files

DEFAULT_SHARD_SIZE = Settings().shard_size
PLAN_VERSION = 1
# settings that do not change what a worker makes of a page (any other setting does,
# so a new one makes shards run again rather than reuse stale partitions)
_NEUTRAL = frozenset({
    "db", "batch_size", "stories", "story_encoder", "story_encoder_parallel",
    "story_save_seconds", "story_threshold",
    "story_window_days", "shard_size",  # the driver's clustering; shards hash their inputs
    "worker_max_shards", "worker_max_rss_mb",  # when a worker process is replaced
    "coding_batch_size",  # articles parsed together: the same codings
    "store_memory_mb",  # the driver's store, not what workers make
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Shard:
    """A unit of work: inputs that ``iter_pages`` reads in this order."""

    shard_id: str
    position: int
    inputs: tuple[str, ...]


def settings_key(settings: Settings) -> str:
    values = {k: v for k, v in asdict(settings).items() if k not in _NEUTRAL}
    return json.dumps(values, sort_keys=True, default=str)


def manifest_key(manifest: Manifest | None) -> str:
    if manifest is None:
        return ""
    try:
        return hashlib.sha256(Path(manifest.path).read_bytes()).hexdigest()
    except OSError:
        return str(manifest.path)


def plan_shards(
    inputs: Sequence[str | Path],
    settings: Settings,
    manifest: Manifest | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
) -> list[Shard]:
    """Cut the inputs into shards, in reading order (see the module docstring)."""
    size = max(1, shard_size)
    common = f"{PLAN_VERSION}\0{settings_key(settings)}\0{manifest_key(manifest)}"
    shards: list[Shard] = []

    def add(group: list[str]) -> None:
        digest = hashlib.sha256(common.encode("utf-8"))
        for item in group:
            digest.update(b"\0" + _stamp(item).encode("utf-8"))
        shards.append(Shard(digest.hexdigest()[:24], len(shards), tuple(group)))

    group: list[str] = []
    for item, whole in _units(inputs, manifest):
        if whole:
            if group:
                add(group)
                group = []
            add([item])
        else:
            group.append(item)
            if len(group) >= size:
                add(group)
                group = []
    if group:
        add(group)
    return shards


def _units(inputs: Sequence[str | Path], manifest: Manifest | None) -> Iterator[tuple[str, bool]]:
    """(input, is a container) for every file ``iter_pages`` would read, in order."""
    skip = resolved(Path(manifest.path)) if manifest is not None else None
    for item in inputs:
        if isinstance(item, str) and item.lower().startswith(("http://", "https://")):
            yield item, False
            continue
        path = Path(item)
        if path.is_dir():
            for file, problem in walk_files(path, skip, set()):
                # an unreadable folder: iter_pages on it gives its one error page
                yield str(file), problem is None and _is_container(file)
        elif path.is_file() and skip is not None and resolved(path) == skip:
            continue
        else:
            yield str(item), path.is_file() and _is_container(path)


def _is_container(path: Path) -> bool:
    return path.name.lower().endswith(CONTAINER_SUFFIXES)


def _stamp(item: str) -> str:
    try:
        st = os.stat(item)
    except OSError:
        return f"{item}\0-"
    return f"{item}\0{st.st_size}\0{st.st_mtime_ns}"
