"""The work of one shard, in a worker process: pages in, one Parquet file per table out.

``run_shard`` streams the shard's pages in batches of ``settings.batch_size``:
extract, dedup within the shard, code the new articles, and append each batch's
rows to the partition writers.  Nothing of the shard is kept beyond the writers
and the shard's MinHash memory (a few hundred fingerprints).

What the partitions hold (the same columns as the store's tables):

* ``pages``: one row per page, with the worker's verdict (``duplicate`` rows link
  to the in-shard article they copy);
* ``articles``, ``minhashes``, ``lsh_bands``: the text and fingerprint of every
  extracted page, in-shard duplicates included, so that the driver's corpus-wide
  dedup pass can turn any page into an article or a duplicate;
* ``sentences``, ``mentions``, ``events``, ``event_actors``, ``quotes``: the
  codings of the articles the worker found new, and their ``article_tone`` when
  the run scores tone (``ShardTask.tone``: as ``ingest``'s after-batch hook does).

Files are written under temporary names and renamed into place when the shard is
done; the ``_done.json`` marker comes last.  A shard folder without the marker is
an attempt that died: its files are never read, and the next attempt replaces them.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import ConfigError, NewsgraphError, PageError
from ..pipeline import article_id, content_hash, extract_one, make_coder
from ..records import Article, Coding, Failure, Page
from ..runners import on_recycle
from ..settings import Settings
from ..sources import Manifest, iter_pages
from ..store import ArticleOutcome, FailureOutcome, page_id
from ..store.rows import batch_columns
from ..stories.dedup import Deduper
from .partitions import PartitionWriter, ShardResult
from .plan import Shard

CODING_BATCH = 16  # articles per spaCy batch in a worker (see ``coding_batch``)


@dataclass(frozen=True, slots=True)
class ShardTask:
    """What a worker needs for one shard (picklable)."""

    shard: Shard
    settings: Settings
    manifest: Manifest | None
    folder: str
    schemas: Mapping[str, pa.Schema]
    tone: bool = True  # score the tone of the new articles here


def run_shard(task: ShardTask) -> ShardResult:
    """Process one shard and write its partitions (the function workers run)."""
    started = time.perf_counter()
    try:
        return _run_shard(task, started)
    finally:
        release_library_caches()


def _run_shard(task: ShardTask, started: float) -> ShardResult:
    settings = task.settings
    work = _ShardWork(settings, task.tone)
    pages = iter_pages(task.shard.inputs, settings, task.manifest)
    with PartitionWriter(Path(task.folder), task.schemas) as writer:
        for batch in _chunks(pages, max(1, settings.batch_size)):
            writer.write(work.process(batch))
        result = ShardResult(
            shard_id=task.shard.shard_id,
            folder=task.folder,
            pages=work.pages,
            repeats=work.repeats,
            articles=work.articles,
            duplicates=work.duplicates,
            failed=work.failed,
            coded=work.coded,
            seconds=time.perf_counter() - started,
            pid=os.getpid(),
            peak_rss=peak_rss(),
        )
        writer.commit(result)
    return result


def release_library_caches() -> None:
    """Empty the caches in which trafilatura keeps whole texts (after each shard).

    Its ``trim`` and ``line_processing`` memoise up to 1,024 strings each, a whole
    element's text apiece: bounded in count, not in bytes, so a worker that meets
    very long pages would keep them.  Refilling them costs little next to a shard."""
    utils = sys.modules.get("trafilatura.utils")
    for name in ("trim", "line_processing"):
        clear = getattr(getattr(utils, name, None), "cache_clear", None)
        if clear is not None:
            clear()


def peak_rss() -> int:
    """This process's peak resident set size in bytes.

    On Linux, ``VmHWM``: the high-water mark of this program's own memory.  Not
    ``ru_maxrss``, which keeps the peak from before ``exec``: a worker spawned by a
    parent (a Dask nanny in the driver, a process pool) would report at least the
    parent's RSS at the time it was started."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def shard_coder(settings: Settings) -> Any:
    """One coder per worker process (spaCy, lexicon and actor resolver loaded once)."""
    return _coder(replace(settings, db="", batch_size=0))


@lru_cache(maxsize=2)
def _coder(settings: Settings) -> Any:
    return make_coder(settings)


@on_recycle
def drop_models() -> None:
    """Forget this process's coder and spaCy pipeline (inline worker recycling).

    The pipeline's vocabulary grows with every new word it meets (about one lexeme
    and three strings a word), so a long run keeps a growing model; the next shard
    loads a fresh one."""
    _coder.cache_clear()
    nlp = sys.modules.get("newsgraph.nlp")  # not imported (no spaCy) in uncoded runs
    if nlp is not None:
        nlp.clear_models()


def coding_batch(settings: Settings) -> int:
    """Articles parsed together: ``coding_batch_size`` (0: ``CODING_BATCH``).

    spaCy holds the whole batch's parse at once: 64 news articles of 600 words took
    a worker's peak from 0.6 to 1.2 GB, 16 to 0.8 GB, for the same codings and CPU."""
    given = settings.coding_batch_size
    return given if given > 0 else CODING_BATCH


def code_articles(coder: Any, articles: list[Article], batch_size: int) -> list[Coding | str]:
    """Codings in order; an article the coder fails on gets a one-line note instead."""
    if not articles:
        return []
    items = [(a.body, a.published) for a in articles]
    try:
        codings: list[Coding | str] = list(coder.code_many(items, batch_size=max(1, batch_size)))
        if len(codings) == len(items):
            return codings
    except Exception as exc:  # fall back to one at a time to find the culprit
        _raise_if_fatal(exc)
    out: list[Coding | str] = []
    for text, published in items:
        try:
            out.append(coder.code(text, published))
        except Exception as exc:
            _raise_if_fatal(exc)
            out.append(" ".join(f"not coded: {type(exc).__name__}: {exc}".split())[:500])
    return out


def with_coding(article: Article, coding: Coding | str | None) -> tuple[Article, Coding | None]:
    """The article (with a note when the coder failed on it) and its coding."""
    if isinstance(coding, str):
        return replace(article, note="; ".join(x for x in (article.note, coding) if x)), None
    return article, coding


def tone_columns(outcomes: list[ArticleOutcome]) -> dict[str, list[Any]]:
    """``article_tone`` rows, scored as the store's tone pass does: on the coded
    sentences, or on the body split into sentences when there are none."""
    from ..stories.cluster import split_sentences
    from ..tone import article_tone

    columns: dict[str, list[Any]] = {k: [] for k in ("article_id", "tone", "sentences", "positive", "negative")}
    for o in outcomes:
        texts = [s.text for s in o.coding.sentences] if o.coding is not None else []
        t = article_tone(texts or split_sentences(o.article.body))
        for key, value in zip(
            columns, (o.article_id, t.tone, t.sentences, t.positive, t.negative), strict=True
        ):
            columns[key].append(value)
    return columns


def _raise_if_fatal(exc: Exception) -> None:
    if isinstance(exc, NewsgraphError) and not isinstance(exc, PageError):
        raise exc


class _ShardWork:
    """Turns a shard's pages into partition rows, batch by batch, keeping counts."""

    def __init__(self, settings: Settings, tone: bool = True) -> None:
        self.settings = settings
        self.deduper = Deduper(settings)  # no store: remembers the shard's articles
        self.languages = {x.strip() for x in settings.languages.split(",") if x.strip()}
        self.seen: set[str] = set()
        self.tone = tone
        self.pages = self.repeats = self.articles = self.duplicates = 0
        self.failed = self.coded = 0

    def process(self, batch: list[Page]) -> dict[str, dict[str, list[Any]]]:
        fresh: list[tuple[Page, str, str]] = []
        for page in batch:
            self.pages += 1
            if page.location in self.seen:
                self.repeats += 1
                continue
            self.seen.add(page.location)
            fresh.append((page, page_id(page.location), content_hash(page)))
        extracted = list(map(partial(extract_one, settings=self.settings), [p for p, _, _ in fresh]))
        items = [
            (i, article_id(page.location, chash), page.location, result)
            for i, ((page, _, chash), result) in enumerate(zip(fresh, extracted, strict=True))
            if isinstance(result, Article)
        ]
        found = self.deduper.resolve([(aid, loc, art.body) for _, aid, loc, art in items])
        to_code = [
            n
            for n, ((_, _, _, art), d) in enumerate(zip(items, found, strict=True))
            if d.match is None and self.settings.code_events and art.language in self.languages
        ]
        coder = shard_coder(self.settings) if to_code else None
        codings = dict(
            zip(
                to_code,
                code_articles(coder, [items[n][3] for n in to_code], coding_batch(self.settings)),
                strict=True,
            )
        )
        self.coded += len(to_code)
        made: dict[int, tuple[ArticleOutcome, str | None]] = {}
        for n, ((i, aid, _, art), d) in enumerate(zip(items, found, strict=True)):
            page, pid, chash = fresh[i]
            art, coding = with_coding(art, codings.get(n))
            fp = d.fingerprint
            outcome = ArticleOutcome(
                pid, page.location, chash, aid, art, fp.body_hash, fp.signature, fp.bands, coding
            )
            made[i] = (outcome, d.match.article_id if d.match is not None else None)
        outcomes: list[ArticleOutcome | FailureOutcome] = []
        links: dict[int, str] = {}  # row of ``pages`` -> the in-shard article it copies
        for i, ((page, pid, chash), result) in enumerate(zip(fresh, extracted, strict=True)):
            if isinstance(result, Failure):
                outcomes.append(FailureOutcome(pid, page.location, chash, result.reason))
                self.failed += 1
                continue
            outcome, link = made[i]
            if link is not None:
                links[len(outcomes)] = link
            outcomes.append(outcome)
        self.articles += len(items) - len(links)
        self.duplicates += len(links)
        tables = batch_columns(list(outcomes), 0, datetime.now(UTC).replace(tzinfo=None))
        if self.tone:
            try:
                tables["article_tone"] = tone_columns(
                    [o for i, o in enumerate(outcomes) if i not in links and isinstance(o, ArticleOutcome)]
                )
            except ConfigError:  # no VADER lexicon: the driver's tone pass says so once
                self.tone = False
        pages = tables.get("pages")
        for index, of_article_id in links.items():
            assert pages is not None
            pages["status"][index] = "duplicate"
            pages["article_id"][index] = of_article_id
        return tables


def _chunks(items: Iterable[Page], size: int) -> Iterator[list[Page]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
