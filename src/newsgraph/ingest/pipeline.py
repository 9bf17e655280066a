"""The inline ingest run (``newsgraph ingest``), and coding JSONL records (``newsgraph code``).

Batch by batch (``settings.batch_size`` pages)::

    iter_pages -> PageWork.process (skip stored pages, extract, dedup, code, tone)
               -> the sink: the store, or a running server that holds it, the whole
                  batch in one transaction (batches done in less than
                  ``settings.commit_seconds`` share one: fast runs do not pay a
                  commit every few pages)
               -> stories of the stored batches (``AfterBatch``, unless
                  ``settings.stories`` is off; a server runs its own);
                  progress is reported after each commit

Every input page ends as exactly one of: an article, a duplicate link to an article,
or a failure with its one-line reason.  A page whose location and content hash are
stored already is skipped, so running the same input again changes nothing and a
killed run resumes where it stopped.  A page whose content changed at a stored
location replaces its old version (see ``newsgraph.store.store``).  The content hash
covers the page's content and what the input said about it (manifest, feed), so a
corrected manifest entry is picked up too.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from ..errors import NoPagesError
from ..records import PageTally
from ..runners import Executor
from ..settings import Settings
from ..sources import Manifest, iter_pages, load_manifest
from ..sources.jsonl import json_reason
from ..store import Outcome, Store
from ..store.remote import remote_writer
from ..store.rows import event_to_dict
from .after import AfterBatch
from .sinkrun import SinkRun
from .work import (
    PageWork,
    chunks,
    code_texts,
    coding_batch,
    make_coder,
    one_line,
)

__all__ = ["LineError", "RunReport", "code_records", "ingest", "make_coder"]


@dataclass(slots=True, kw_only=True)
class RunReport(PageTally):
    """What a run did (the page counts of ``PageTally``)."""

    db: str
    run_id: int | None = None


Progress = Callable[[RunReport], None]


def ingest(
    inputs: str | Path | Sequence[str | Path],
    settings: Settings | None = None,
    manifest: str | Path | Manifest | None = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> RunReport:
    """Ingest files, folders or archives into the store at ``settings.db``.

    Raises ``NoPagesError`` (and touches no store) when the inputs hold no page."""
    settings = settings or Settings.load()
    paths = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    if isinstance(manifest, str | Path):
        manifest = load_manifest(manifest)
    report = RunReport(db=settings.db)
    pages = iter_pages(paths, settings, manifest)
    first = next(pages, None)
    if first is None:  # nothing to store: no run row, and no new store file
        raise NoPagesError(f"no pages found in {', '.join(str(p) for p in paths)}")
    # A running `newsgraph serve` owns the store file: write through it (store/remote.py).
    remote = remote_writer(settings.db)
    with remote or Store.open(settings.db, memory_mb=settings.store_memory_mb) as store:
        work = PageWork(settings, store, executor, tally=report, coder=make_coder)
        named = [str(p) for p in paths]
        # the story hook named here, where tests replace it
        with SinkRun(settings, store, named, work, report, progress, AfterBatch) as run:
            report.run_id = run.run.run_id
            pending: list[Outcome] = []
            last_commit = time.monotonic()
            waiting = False  # batches processed since the last commit
            for batch in chunks(chain([first], pages), settings.batch_size):
                pending += work.process(batch)
                waiting = True
                # batches that take less than commit_seconds share a transaction
                if time.monotonic() - last_commit >= settings.commit_seconds:
                    run.write(pending)
                    pending.clear()
                    waiting = False
                    last_commit = time.monotonic()
            if waiting:
                run.write(pending)
    return report


def estimate_pages(inputs: Sequence[str | Path]) -> int | None:
    """A quick guess of the number of pages (files under the inputs), for progress bars."""
    from ..sources import CONTAINER_SUFFIXES

    total = 0
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            total += sum(
                1
                for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.name != "manifest.jsonl"
            )
        elif path.is_file():
            if path.name.lower().endswith(CONTAINER_SUFFIXES):
                return None
            total += 1
    return total or None


# -- newsgraph code ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineError:
    """A JSONL input line that could not be coded (one-line message)."""

    line: int
    message: str


Record = tuple[int, Any, str, str | None]  # line number, id, text, published


def code_records(
    lines: Iterable[str], settings: Settings, coder: Any = None
) -> Iterator[dict[str, Any] | LineError]:
    """Code JSONL records ``{"id", "text", "published"?}``: one dict per event, in order.

    A malformed line yields a ``LineError`` and the rest goes on.  Records are coded
    in batches of ``settings.batch_size`` with ``Coder.code_many``.
    """

    def flush(batch: list[Record]) -> Iterator[dict[str, Any] | LineError]:
        nonlocal coder
        if not batch:
            return
        coder = coder or make_coder(settings)
        items = [(text, published) for _, _, text, published in batch]
        found = code_texts(coder, items, coding_batch(settings), settings.coding_piece_chars)
        for (lineno, rid, _, _), coding in zip(batch, found, strict=True):
            if isinstance(coding, Exception):
                message = f"cannot code record {rid!r}: {type(coding).__name__}: {coding}"
                yield LineError(lineno, one_line(message))
                continue
            for event in coding.events:
                yield event_to_dict(event, rid)

    batch: list[Record] = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parsed = _parse_record(lineno, line)
        if isinstance(parsed, LineError):
            yield parsed
            continue
        batch.append(parsed)
        if len(batch) >= max(1, settings.batch_size):
            yield from flush(batch)
            batch = []
    yield from flush(batch)


def _parse_record(lineno: int, line: str) -> Record | LineError:
    expected = 'expected {"id": ..., "text": "...", "published": "YYYY-MM-DD"?}'
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return LineError(lineno, f"invalid JSON ({json_reason(exc)}); {expected}")
    if not isinstance(record, dict):
        return LineError(lineno, f"a JSON {type(record).__name__}; {expected}")
    text, published = record.get("text"), record.get("published")
    if not isinstance(text, str) or not text.strip():
        return LineError(lineno, f"no 'text' string; {expected}")
    if published is not None and not isinstance(published, str):
        return LineError(lineno, f"'published' is {published!r}; {expected}")
    return lineno, record.get("id"), text, published
