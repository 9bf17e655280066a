"""The one unit of per-page work: a batch of pages in, one outcome per page out.

::

    pages -> skip repeats of a location and pages whose content is stored already
          -> extract_page (on the executor)
          -> dedup (exact and near copies, ``Deduper``)
          -> code the new articles in ``settings.languages`` (``settings.code_events``;
             a body longer than ``coding_piece_chars`` in pieces: ``pieces.py``)
          -> score their tone (``settings.tone``)
          -> ArticleOutcome | DuplicateOutcome | FailureOutcome, in page order

``newsgraph ingest`` runs it in its own process and writes each batch to the store
(or through a running server); ``newsgraph run`` runs it in workers, shard by shard,
and writes Parquet partitions; the driver of a batch run codes the few articles its
corpus-wide dedup pass turns new with the same ``code_articles`` and ``tone_of``.  So
every setting means the same on every path.

With ``keep_copies`` (a worker: the driver decides duplicates again, corpus-wide) a
copy stays an ``ArticleOutcome`` with its text and fingerprint, linked by ``copy_of``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, replace
from functools import partial
from itertools import islice
from typing import Any, Protocol

from ..errors import ConfigError, NewsgraphError, PageError
from ..records import Article, ArticleTone, Coding, Failure, Page, PageTally
from ..runners import Executor, InlineExecutor
from ..settings import Settings
from ..store import (
    ArticleOutcome,
    DuplicateOutcome,
    FailureOutcome,
    Outcome,
    PageState,
    page_id,
)
from ..store.pages import not_coded_reason
from .dedup import Deduper, TwinLookup
from .pieces import check_piece_chars, code_in_pieces

log = logging.getLogger(__name__)

CODING_BATCH = 16  # articles per spaCy batch when ``coding_batch_size`` is 0
PIECE_CHARS = Settings().coding_piece_chars  # longer bodies are coded in pieces


class PageLookup(TwinLookup, Protocol):
    """What the work asks the store: page states and dedup twins (``Store``,
    ``RemoteStore`` and ``BulkStore`` answer it)."""

    def page_states(self, page_ids: list[str]) -> dict[str, PageState]: ...


def content_hash(page: Page) -> str:
    """Hash of a page's content and metadata (what decides whether it changed)."""
    data = [page.content_type, page.content, page.error, asdict(page.meta)]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:32]


def location_key(location: str) -> str:
    """What a page is keyed by: its location, a local file's resolved path in it (so
    ``a.txt``, ``./a.txt`` and ``/abs/a.txt`` are one page; ``file#record-N`` keeps its
    record); URLs and locations that name no file as they are."""
    if "://" in location:
        return location
    path, mark, record = location, "", ""
    if not os.path.exists(path) and "#" in location:
        path, mark, record = location.rpartition("#")
    if not path or not os.path.exists(path):
        return location
    return os.path.realpath(path) + mark + record


def article_id(location: str, chash: str) -> str:
    return hashlib.sha256(f"{location}\0{chash}".encode()).hexdigest()[:16]


def one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def raise_if_fatal(exc: Exception) -> None:
    """Re-raise errors that would hit every document alike (bad settings or data files)."""
    if isinstance(exc, NewsgraphError) and not isinstance(exc, PageError):
        raise exc


def chunks(items: Iterable[Page], size: int) -> Iterator[list[Page]]:
    it = iter(items)
    while batch := list(islice(it, max(1, size))):
        yield batch


def coded_languages(settings: Settings) -> set[str]:
    return {x.strip() for x in settings.languages.split(",") if x.strip()}


def coding_batch(settings: Settings) -> int:
    """Articles parsed together: ``coding_batch_size`` (0: ``CODING_BATCH``).

    spaCy holds the whole batch's parse at once: 64 news articles of 600 words took
    a worker's peak from 0.6 to 1.2 GB, 16 to 0.8 GB, for the same codings and CPU."""
    given = settings.coding_batch_size
    return given if given > 0 else CODING_BATCH


def make_coder(settings: Settings) -> Any:
    from ..events import Coder

    return Coder(settings)


def extract_one(page: Page, settings: Settings) -> Article | Failure:
    """Extract one page; a problem with the page becomes a Failure (one-line reason).

    Fatal errors (``ConfigError``, ``DataFileError``, ...) are raised: they would
    fail every page alike, and failures are stored and not retried.
    """
    if page.error:
        return Failure(page.location, one_line(page.error))
    try:
        from ..extract import extract_page

        return extract_page(page, settings)
    except PageError as exc:
        return Failure(page.location, exc.reason)
    except NewsgraphError:  # fatal (a bad setting or data file): stop the run
        raise
    except Exception as exc:  # a bug met on one page must not stop the run
        return Failure(page.location, one_line(f"unexpected {type(exc).__name__}: {exc}"))


def code_texts(
    coder: Any,
    items: Sequence[tuple[str, str | None]],
    batch_size: int,
    piece_chars: int = PIECE_CHARS,
) -> list[Coding | Exception]:
    """Codings in order; a text the coder fails on gets the exception instead (fatal
    errors are raised).  A failing batch is coded again one text at a time.  A text
    longer than ``piece_chars`` is coded in pieces, one at a time (``pieces.py``)."""
    size = check_piece_chars(piece_chars)
    long = {i for i, (text, _) in enumerate(items) if len(text) > size}
    if not long:
        return _code_batch(coder, items, batch_size)
    short = iter(_code_batch(coder, [x for i, x in enumerate(items) if i not in long], batch_size))
    out: list[Coding | Exception] = []
    for i, (text, published) in enumerate(items):
        if i not in long:
            out.append(next(short))
            continue
        try:
            out.append(code_in_pieces(coder.code, text, published, size))
        except Exception as exc:
            raise_if_fatal(exc)
            out.append(exc)
    return out


def _code_batch(
    coder: Any, items: Sequence[tuple[str, str | None]], batch_size: int
) -> list[Coding | Exception]:
    if not items:
        return []
    try:
        codings: list[Coding | Exception] = list(
            coder.code_many(items, batch_size=max(1, batch_size))
        )
        if len(codings) == len(items):
            return codings
    except Exception as exc:  # fall back to one at a time to find the culprit
        raise_if_fatal(exc)
    out: list[Coding | Exception] = []
    for text, published in items:
        try:
            out.append(coder.code(text, published))
        except Exception as exc:
            raise_if_fatal(exc)
            out.append(exc)
    return out


def code_articles(
    coder: Any, articles: Sequence[Article], batch_size: int, piece_chars: int = PIECE_CHARS
) -> list[Coding | str]:
    """Codings in order; an article the coder fails on gets a one-line note instead."""
    found = code_texts(coder, [(a.body, a.published) for a in articles], batch_size, piece_chars)
    return [
        one_line(f"not coded: {type(c).__name__}: {c}") if isinstance(c, Exception) else c
        for c in found
    ]


def with_coding(article: Article, coding: Coding | str | None) -> tuple[Article, Coding | None]:
    """The article (with a note when the coder failed on it) and its coding."""
    if isinstance(coding, str):
        return replace(article, note="; ".join(x for x in (article.note, coding) if x)), None
    return article, coding


def text_tone(sentences: Sequence[str] | None, body: str) -> ArticleTone:
    """The tone of an article: of its sentences, else of its body split into sentences."""
    from ..stories.cluster import split_sentences
    from ..tone import article_tone

    return article_tone(sentences or split_sentences(body))


class Toner:
    """An article's tone when ``on``: of its coded sentences, else of its body split
    into sentences.  A missing VADER lexicon turns it off for the run, said once."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, article: Article, coding: Coding | None) -> ArticleTone | None:
        if not self.on:
            return None
        texts = [s.text for s in coding.sentences] if coding is not None else []
        try:
            return text_tone(texts, article.body)
        except ConfigError as exc:  # the rest is stored
            self.on = False
            log.warning("tone is not scored in this run: %s", exc)
            return None


def skip_stored(
    pages: Sequence[tuple[str, str, str]],
    lookup: PageLookup,
    tally: PageTally,
    aliases: dict[str, str] | None = None,
) -> list[bool]:
    """For each ``(page_id, location, content_hash)``: is this content stored already?
    Those pages are counted as skipped (and as failed before, with their reason).
    ``aliases`` gives a page id the page was stored under before (a store written when
    pages were keyed by the location as given), looked up when the id is not stored."""
    aliases = aliases or {}
    states = lookup.page_states([pid for pid, _, _ in pages] + list(aliases.values()))
    stored = []
    for pid, location, chash in pages:
        state = states.get(pid) or states.get(aliases.get(pid, ""))
        known = state is not None and state.content_hash == chash
        if state is not None and known:
            tally.skipped_already_stored += 1
            if state.status == "failed":
                tally.previously_failed += 1
                tally.failures.append((location, state.reason or ""))
        stored.append(known)
    return stored


def count_outcomes(tally: PageTally, outcomes: Iterable[Outcome], coding: bool = True) -> None:
    """Add stored outcomes to a run's counts (with ``coding``, a run that codes events:
    the articles stored without a coding, and why, too)."""
    for o in outcomes:
        if isinstance(o, ArticleOutcome) and o.copy_of is None:
            tally.articles += 1
            tally.events += len(o.coding.events) if o.coding is not None else 0
            reason = not_coded_reason(o.article.note, o.article.language)
            if coding and o.coding is None and reason is not None:
                tally.not_coded.append((o.location, reason))
        elif isinstance(o, ArticleOutcome | DuplicateOutcome):
            tally.duplicates += 1
        else:
            tally.failed += 1
            tally.failures.append((o.location, o.reason))


class PageWork:
    """Turns batches of pages into outcomes (see the module docstring).

    ``store`` (optional) is asked which pages are stored already and for dedup twins;
    ``tally`` counts the pages read and skipped; ``coder`` makes the event coder on
    first need (``make_coder``)."""

    def __init__(
        self,
        settings: Settings,
        store: PageLookup | None = None,
        executor: Executor | None = None,
        tally: PageTally | None = None,
        coder: Callable[[Settings], Any] | None = None,
        keep_copies: bool = False,
    ) -> None:
        self.settings = settings
        self.store = store
        self.executor = executor or InlineExecutor()
        self.tally = tally if tally is not None else PageTally()
        self.deduper = Deduper(settings, store)
        self.languages = coded_languages(settings)
        self.keep_copies = keep_copies
        self.tone = Toner(settings.tone)
        self.coded = 0  # articles given to the coder
        self._make_coder = coder or make_coder
        self._coder: Any = None
        self._seen: set[str] = set()

    def process(self, batch: Sequence[Page]) -> list[Outcome]:
        """One outcome per page of the batch that needs storing, in page order."""
        todo: list[tuple[Page, str, str]] = []
        aliases: dict[str, str] = {}  # page id -> the id of the location as given
        for page in batch:
            self.tally.pages += 1
            key = location_key(page.location)
            if key in self._seen:  # the same location (or file) twice in one run
                self.tally.skipped_already_stored += 1
                continue
            self._seen.add(key)
            pid = page_id(key)
            if key != page.location:
                aliases[pid] = page_id(page.location)
            todo.append((page, pid, content_hash(page)))
        if self.store is not None and todo:
            keys = [(pid, page.location, chash) for page, pid, chash in todo]
            stored = skip_stored(keys, self.store, self.tally, aliases)
            todo = [t for t, known in zip(todo, stored, strict=True) if not known]
        extract = partial(extract_one, settings=self.settings)
        extracted = list(self.executor.map(extract, [page for page, _, _ in todo]))
        return self._outcomes(todo, extracted)

    def committed(self) -> None:
        """The store holds every outcome returned so far."""
        self.deduper.committed()

    def codes(self, language: str | None) -> bool:
        return self.settings.code_events and language in self.languages

    def _outcomes(
        self, todo: list[tuple[Page, str, str]], extracted: list[Article | Failure]
    ) -> list[Outcome]:
        items = [
            (i, article_id(page.location, chash), page.location, result)
            for i, ((page, _, chash), result) in enumerate(zip(todo, extracted, strict=True))
            if isinstance(result, Article)
        ]
        verdicts = self.deduper.resolve([(aid, loc, art.body) for _, aid, loc, art in items])
        new = [
            n
            for n, ((_, _, _, art), d) in enumerate(zip(items, verdicts, strict=True))
            if d.match is None and self.codes(art.language)
        ]
        codings = dict(zip(new, self._code([items[n][3] for n in new]), strict=True))
        made: dict[int, Outcome] = {}
        for n, ((i, aid, _, art), d) in enumerate(zip(items, verdicts, strict=True)):
            page, pid, chash = todo[i]
            if d.match is not None and not self.keep_copies:
                m = d.match
                made[i] = DuplicateOutcome(
                    pid, page.location, chash, art, m.article_id, m.kind, m.similarity
                )
                continue
            art, coding = with_coding(art, codings.get(n))
            fp = d.fingerprint
            copy_of = d.match.article_id if d.match is not None else None
            tone = self.tone(art, coding) if copy_of is None else None
            made[i] = ArticleOutcome(
                pid, page.location, chash, aid, art, fp.body_hash, fp.signature, fp.bands,
                coding, tone, copy_of,
            )  # fmt: skip
        return [
            FailureOutcome(pid, page.location, chash, result.reason)
            if isinstance(result, Failure)
            else made[i]
            for i, ((page, pid, chash), result) in enumerate(zip(todo, extracted, strict=True))
        ]

    def _code(self, articles: list[Article]) -> list[Coding | str]:
        if not articles:
            return []
        if self._coder is None:
            self._coder = self._make_coder(self.settings)
        self.coded += len(articles)
        return code_articles(
            self._coder, articles, coding_batch(self.settings), self.settings.coding_piece_chars
        )
