"""The ingest run: pages in, articles, duplicate links, failures and events stored.

Stages, batch by batch (``settings.batch_size`` pages)::

    iter_pages -> (skip pages already stored) -> extract_page -> dedup
               -> Coder.code_many (new articles in settings.languages, if code_events)
               -> store, the whole batch in one transaction (batches done in less
                  than ``settings.commit_seconds`` share one: fast runs do not pay
                  a commit every few pages)
               -> tone and stories of the stored batches (unless ``tone`` and
                  ``stories`` are both off); progress is reported after each commit

Every input page ends as exactly one of: an article, a duplicate link to an article,
or a failure with its one-line reason.  A page whose location and content hash are
stored already is skipped, so running the same input again changes nothing and a
killed run resumes where it stopped.  A page whose content changed at a stored
location replaces its old version (see ``newsgraph.store.store``).  The content hash
covers the page's content and what the input said about it (manifest, feed), so a
corrected manifest entry is picked up too.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from .errors import NewsgraphError, PageError
from .records import Article, Coding, Failure, Page, PageTally
from .runners import Executor, InlineExecutor
from .settings import Settings
from .store import ArticleOutcome, DuplicateOutcome, FailureOutcome, Outcome, Store, page_id
from .stories.dedup import Deduper
from .stories.pipeline_hook import AfterBatch
from .web.client import RemoteStore, remote_writer


@dataclass(slots=True, kw_only=True)
class RunReport(PageTally):
    """What a run did (the page counts of ``PageTally``)."""

    db: str
    run_id: int | None = None


Progress = Callable[[RunReport], None]


def content_hash(page: Page) -> str:
    """Hash of a page's content and metadata (what decides whether it changed)."""
    data = [page.content_type, page.content, page.error, asdict(page.meta)]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:32]


def article_id(location: str, chash: str) -> str:
    return hashlib.sha256(f"{location}\0{chash}".encode()).hexdigest()[:16]


def extract_one(page: Page, settings: Settings) -> Article | Failure:
    """Extract one page; a problem with the page becomes a Failure (one-line reason).

    Fatal errors (``ConfigError``, ``DataFileError``, ...) are raised: they would
    fail every page alike, and failures are stored and not retried.
    """
    if page.error:
        return Failure(page.location, _one_line(page.error))
    try:
        from .extract import extract_page

        return extract_page(page, settings)
    except PageError as exc:
        return Failure(page.location, exc.reason)
    except NewsgraphError:  # fatal (a bad setting or data file): stop the run
        raise
    except Exception as exc:  # a bug met on one page must not stop the run
        return Failure(page.location, _one_line(f"unexpected {type(exc).__name__}: {exc}"))


def ingest(
    inputs: str | Path | Sequence[str | Path],
    settings: Settings | None = None,
    manifest: Any = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> RunReport:
    """Ingest files, folders or archives into the store at ``settings.db``."""
    from .sources import iter_pages, load_manifest

    settings = settings or Settings.load()
    paths = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    if isinstance(manifest, str | Path):
        manifest = load_manifest(manifest)
    executor = executor or InlineExecutor()
    report = RunReport(db=settings.db)
    # A running `newsgraph serve` owns the store file: write through it (see web/client.py).
    remote = remote_writer(settings.db)
    with remote or Store.open(settings.db, memory_mb=settings.store_memory_mb) as store:
        run = store.new_run([str(p) for p in paths], asdict(settings))
        report.run_id = run.run_id
        batcher = _Batcher(settings, store, executor, report)
        # tone and stories of each stored batch; the server runs them itself
        after = _after_batch(settings, store) if remote is None else None
        status = "interrupted"
        pending: list[Outcome] = []
        last_commit = time.monotonic()

        def commit() -> None:
            store.write_batch(run, pending)
            batcher.deduper.committed()
            if after is not None:
                after.batch(pending)
            _count(report, pending)
            pending.clear()
            if progress is not None:
                progress(report)

        try:
            pages = iter_pages(paths, settings, manifest)
            waiting = False  # batches processed since the last commit
            for batch in _chunks(pages, max(1, settings.batch_size)):
                pending += batcher.process(batch)
                waiting = True
                # batches that take less than commit_seconds share a transaction
                if time.monotonic() - last_commit >= settings.commit_seconds:
                    commit()
                    waiting = False
                    last_commit = time.monotonic()
            if waiting:
                commit()
            status = "done"
        finally:
            if after is not None:
                after.close()
            store.finish_run(run, report.skipped_already_stored, status)
    return report


class _Batcher:
    """Turns one batch of pages into one outcome per page that needs storing."""

    def __init__(
        self,
        settings: Settings,
        store: Store | RemoteStore,
        executor: Executor,
        report: RunReport,
    ) -> None:
        self.settings = settings
        self.store = store
        self.executor = executor
        self.report = report
        self.deduper = Deduper(settings, store)
        self.languages = {x.strip() for x in settings.languages.split(",") if x.strip()}
        self.seen: set[str] = set()
        self._coder: Any = None

    def process(self, batch: list[Page]) -> list[Outcome]:
        todo: list[tuple[Page, str, str]] = []
        for page in batch:
            self.report.pages += 1
            if page.location in self.seen:  # the same location twice in one run
                self.report.skipped_already_stored += 1
                continue
            self.seen.add(page.location)
            todo.append((page, page_id(page.location), content_hash(page)))
        states = self.store.page_states([pid for _, pid, _ in todo])
        fresh = []
        for page, pid, chash in todo:
            state = states.get(pid)
            if state is not None and state.content_hash == chash:
                self.report.skipped_already_stored += 1
                if state.status == "failed":
                    self.report.previously_failed += 1
                    self.report.failures.append((page.location, state.reason or ""))
                continue
            fresh.append((page, pid, chash))
        extracted = list(
            self.executor.map(partial(extract_one, settings=self.settings), [p for p, _, _ in fresh])
        )
        return self._outcomes(fresh, extracted)

    def _outcomes(
        self, fresh: list[tuple[Page, str, str]], extracted: list[Article | Failure]
    ) -> list[Outcome]:
        items = [
            (i, article_id(page.location, chash), page.location, result)
            for i, ((page, _, chash), result) in enumerate(zip(fresh, extracted, strict=True))
            if isinstance(result, Article)
        ]
        dedup = self.deduper.resolve([(aid, loc, art.body) for _, aid, loc, art in items])
        found = {i: (aid, art, d) for (i, aid, _, art), d in zip(items, dedup, strict=True)}
        to_code = [
            i
            for i, (_, art, d) in found.items()
            if d.match is None and self.settings.code_events and art.language in self.languages
        ]
        codings = dict(zip(to_code, self._code([found[i][1] for i in to_code]), strict=True))
        outcomes: list[Outcome] = []
        for i, ((page, pid, chash), result) in enumerate(zip(fresh, extracted, strict=True)):
            if isinstance(result, Failure):
                outcomes.append(FailureOutcome(pid, page.location, chash, result.reason))
                continue
            aid, art, d = found[i]
            if d.match is not None:
                outcomes.append(
                    DuplicateOutcome(
                        pid, page.location, chash, art, d.match.article_id, d.match.kind,
                        d.match.similarity,
                    )
                )
                continue
            coding = codings.get(i)
            if isinstance(coding, str):
                art = replace(art, note="; ".join(x for x in (art.note, coding) if x))
                coding = None
            fp = d.fingerprint
            outcomes.append(
                ArticleOutcome(
                    pid, page.location, chash, aid, art, fp.body_hash, fp.signature, fp.bands, coding
                )
            )
        return outcomes

    def _code(self, articles: list[Article]) -> list[Coding | str]:
        """Codings in order; an article the coder fails on gets a one-line note instead."""
        if not articles:
            return []
        if self._coder is None:
            self._coder = make_coder(self.settings)
        items = [(a.body, a.published) for a in articles]
        try:
            codings: list[Coding | str] = list(
                self._coder.code_many(items, batch_size=max(1, self.settings.coding_batch_size))
            )
            if len(codings) == len(items):
                return codings
        except Exception as exc:  # fall back to one at a time to find the culprit
            _raise_if_fatal(exc)
        out: list[Coding | str] = []
        for text, published in items:
            try:
                out.append(self._coder.code(text, published))
            except Exception as exc:
                _raise_if_fatal(exc)
                out.append(_one_line(f"not coded: {type(exc).__name__}: {exc}"))
        return out


def _after_batch(settings: Settings, store: Store | RemoteStore) -> AfterBatch | None:
    """What runs after each stored batch (tone, stories), or None when both are off:
    an ingest of the foundation alone (no coding, no stories, no tone) stores articles only.
    """
    if not settings.tone and not settings.stories:
        return None
    after = AfterBatch(settings, store)
    after.tone = settings.tone
    return after


def _count(report: RunReport, outcomes: list[Outcome]) -> None:
    for o in outcomes:
        if isinstance(o, ArticleOutcome):
            report.articles += 1
            report.events += len(o.coding.events) if o.coding is not None else 0
        elif isinstance(o, DuplicateOutcome):
            report.duplicates += 1
        else:
            report.failed += 1
            report.failures.append((o.location, o.reason))


def _chunks(items: Iterable[Page], size: int) -> Iterator[list[Page]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def estimate_pages(inputs: Sequence[str | Path]) -> int | None:
    """A quick guess of the number of pages (files under the inputs), for progress bars."""
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
            if path.suffix.lower() in {".warc", ".gz", ".jsonl", ".xml", ".rss", ".atom"}:
                return None
            total += 1
    return total or None


def _raise_if_fatal(exc: Exception) -> None:
    """Re-raise errors that would hit every document alike (bad settings or data files)."""
    if isinstance(exc, NewsgraphError) and not isinstance(exc, PageError):
        raise exc


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


@dataclass(frozen=True, slots=True)
class LineError:
    """A JSONL input line that could not be coded (one-line message)."""

    line: int
    message: str


def make_coder(settings: Settings) -> Any:
    from .events import Coder

    return Coder(settings)


def code_records(
    lines: Iterable[str], settings: Settings, coder: Any = None
) -> Iterator[dict[str, Any] | LineError]:
    """Code JSONL records ``{"id", "text", "published"?}``: one dict per event, in order.

    A malformed line yields a ``LineError`` and the rest goes on.  Records are coded
    in batches of ``settings.batch_size`` with ``Coder.code_many``.
    """
    from .store.rows import event_to_dict

    def flush(batch: list[tuple[int, Any, str, str | None]]) -> Iterator[dict[str, Any] | LineError]:
        nonlocal coder
        if not batch:
            return
        coder = coder or make_coder(settings)
        items = [(text, published) for _, _, text, published in batch]
        try:
            codings = list(coder.code_many(items, batch_size=max(1, settings.coding_batch_size)))
        except Exception as exc:
            _raise_if_fatal(exc)
            codings = []
        for i, (lineno, rid, text, published) in enumerate(batch):
            try:
                coding = codings[i] if len(codings) == len(batch) else coder.code(text, published)
            except Exception as exc:
                _raise_if_fatal(exc)
                yield LineError(lineno, _one_line(f"cannot code record {rid!r}: {type(exc).__name__}: {exc}"))
                continue
            for event in coding.events:
                yield event_to_dict(event, rid)

    batch: list[tuple[int, Any, str, str | None]] = []
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


def _parse_record(lineno: int, line: str) -> tuple[int, Any, str, str | None] | LineError:
    expected = 'expected {"id": ..., "text": "...", "published": "YYYY-MM-DD"?}'
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return LineError(lineno, f"invalid JSON ({exc.msg} at column {exc.colno}); {expected}")
    if not isinstance(record, dict):
        return LineError(lineno, f"a JSON {type(record).__name__}; {expected}")
    text, published = record.get("text"), record.get("published")
    if not isinstance(text, str) or not text.strip():
        return LineError(lineno, f"no 'text' string; {expected}")
    if published is not None and not isinstance(published, str):
        return LineError(lineno, f"'published' is {published!r}; {expected}")
    return lineno, record.get("id"), text, published
