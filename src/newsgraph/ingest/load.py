"""The driver's side of a shard: the corpus-wide dedup pass, then one load transaction.

Workers dedup within their shard only.  Shards are loaded in plan order (the order an
inline ingest reads the pages), and for each one the driver decides again, page by
page, with the MinHash fingerprints the worker stored and the store's ``minhashes``
and ``lsh_bands`` of every shard loaded before (``Deduper.resolve``, the same rule
as ``newsgraph ingest``).  So duplicate links come out as an inline run makes them:

* a worker's article that copies one of an earlier shard becomes a duplicate (its
  coding is dropped);
* a worker's in-shard duplicate whose original turned out to be a copy itself may
  now be new: the driver codes that one article itself (rare);
* everything else keeps the worker's verdict, and its rows are copied from the
  partitions without passing through Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..records import Article, Coding, PageTally
from ..settings import Settings
from ..store import ArticleOutcome, RunInfo
from ..store.bulk import DECISION_COLUMNS, BulkStore, ShardLoad
from ..store.pages import not_coded
from ..store.partitions import ShardResult, remove_stale
from .dedup import Deduper, DedupResult, Fingerprint
from .plan import Shard
from .work import (
    Toner,
    code_articles,
    coded_languages,
    coding_batch,
    skip_stored,
    with_coding,
)
from .worker import shard_coder


@dataclass(slots=True, kw_only=True)
class LoadTally(PageTally):
    """What the loads of a run added up to (the driver's final verdicts)."""

    coded_by_driver: int = 0  # in-shard copies that became articles corpus-wide
    toned: int = 0  # of those, the ones whose tone the driver scored
    dropped_codings: int = 0  # worker articles that copy an earlier shard's article


class _KnownFingerprints(Deduper):
    """A ``Deduper`` fed the fingerprints the workers computed.

    ``resolve`` is given each article's id in place of its body, and ``fingerprint``
    looks it up instead of hashing the text again.
    """

    def __init__(self, settings: Settings, store: BulkStore) -> None:
        super().__init__(settings, store)
        self.known: dict[str, Fingerprint] = {}

    def fingerprint(self, body: str) -> Fingerprint:
        return self.known[body]

    def resolve_known(self, items: Sequence[tuple[str, str, Fingerprint]]) -> list[DedupResult]:
        self.known = {aid: fp for aid, _, fp in items}
        try:
            return self.resolve([(aid, loc, aid) for aid, loc, _ in items])
        finally:
            self.known = {}


class ShardLoader:
    """Loads shards into the store, one transaction each, in the order given."""

    def __init__(self, store: BulkStore, settings: Settings, run: RunInfo) -> None:
        self.store = store
        self.settings = settings
        self.run = run
        self.tally = LoadTally()
        self.deduper = _KnownFingerprints(settings, store)
        self.languages = coded_languages(settings)
        self.tone = Toner(settings.tone)
        self.seen: set[str] = set()  # page ids met so far in this run

    def load(self, shard: Shard, result: ShardResult) -> None:
        folder = Path(result.folder)
        tally = self.tally
        pages = pq.read_table(
            folder / "pages.parquet",
            columns=["page_id", "location", "content_hash", "status", "reason"],
        ).to_pylist()
        fresh = []
        skipped = result.repeats
        for row in pages:
            if row["page_id"] in self.seen:
                skipped += 1
                continue
            self.seen.add(row["page_id"])
            fresh.append(row)
        keys = [(row["page_id"], row["location"], row["content_hash"]) for row in fresh]
        known = PageTally()  # pages stored before, counted once the shard is loaded
        stored = skip_stored(keys, self.store, known) if fresh else []
        skipped += known.skipped_already_stored
        tally.previously_failed += known.previously_failed
        tally.failures += known.failures
        todo = [row for row, done in zip(fresh, stored, strict=True) if not done]
        decisions, promoted = self._decide(folder, todo)
        outcomes = self._code(folder, promoted)
        load = ShardLoad(
            shard_id=shard.shard_id,
            position=shard.position,
            inputs=list(shard.inputs),
            folder=folder,
            decisions=decisions,
            outcomes=outcomes,
            pages=result.pages,
            skipped=skipped,
        )
        try:
            counts = self.store.load_shard(self.run, load)
        except BaseException:
            self.deduper.forget()
            raise
        self.deduper.committed()
        remove_stale(folder)
        tally.pages += result.pages
        tally.skipped_already_stored += skipped
        tally.articles += counts.articles
        tally.duplicates += counts.duplicates
        tally.failed += counts.failed
        tally.events += counts.events
        tally.failures.extend(
            (r["location"], r["reason"] or "") for r in todo if r["status"] == "failed"
        )
        if todo and self.settings.code_events:  # a run that codes: what it left uncoded
            unread = not_coded(self.store.connection, self.run.run_id,
                               page_ids=[r["page_id"] for r in todo])  # fmt: skip
            tally.not_coded.extend((r["location"], r["reason"]) for r in unread)

    def _decide(
        self, folder: Path, todo: list[dict[str, Any]]
    ) -> tuple[dict[str, list[Any]], dict[str, tuple[dict[str, Any], Fingerprint]]]:
        """Per-page decisions (``store.bulk`` columns) and the pages the driver must code."""
        arts = {
            r["page_id"]: r
            for r in pq.read_table(
                folder / "articles.parquet",
                columns=["article_id", "page_id", "body_hash", "language"],
            ).to_pylist()
        }
        signatures = {
            r["article_id"]: r["signature"]
            for r in pq.read_table(folder / "minhashes.parquet").to_pylist()
        }
        bands: dict[str, list[tuple[int, int]]] = {}
        for r in pq.read_table(folder / "lsh_bands.parquet").to_pylist():
            bands.setdefault(r["article_id"], []).append((r["band"], r["bucket"]))
        items = []
        for row in todo:
            if row["status"] == "failed":
                continue
            art = arts[row["page_id"]]
            aid = art["article_id"]
            fp = Fingerprint(
                art["body_hash"], signatures[aid], tuple(b for _, b in sorted(bands.get(aid, [])))
            )
            items.append((aid, row["location"], fp))
        verdicts = dict(
            zip([aid for aid, _, _ in items], self.deduper.resolve_known(items), strict=True)
        )
        decisions: dict[str, list[Any]] = {name: [] for name in DECISION_COLUMNS}
        promoted: dict[str, tuple[dict[str, Any], Fingerprint]] = {}
        for row in todo:
            art = arts.get(row["page_id"]) if row["status"] != "failed" else None
            aid = art["article_id"] if art is not None else None
            verdict = verdicts[aid] if aid is not None else None
            status, link, of, kind, sim, take = "failed", None, None, None, None, False
            if verdict is not None and verdict.match is not None:
                m = verdict.match
                status, link, of, kind, sim = (
                    "duplicate",
                    m.article_id,
                    m.article_id,
                    m.kind,
                    m.similarity,
                )
                if row["status"] == "article":
                    self.tally.dropped_codings += 1
            elif verdict is not None:
                status, link, take = "article", aid, True
                assert art is not None and aid is not None
                if row["status"] == "duplicate" and (self._codes(art["language"]) or self.tone.on):
                    take = False  # the worker did not code or score it: the driver does
                    promoted[aid] = (row, verdict.fingerprint)
            for name, value in zip(
                DECISION_COLUMNS,
                (row["page_id"], status, link, aid, of, kind, sim, take),
                strict=True,
            ):
                decisions[name].append(value)
        return decisions, promoted

    def _codes(self, language: str | None) -> bool:
        return self.settings.code_events and language in self.languages

    def _code(
        self, folder: Path, promoted: dict[str, tuple[dict[str, Any], Fingerprint]]
    ) -> list[ArticleOutcome]:
        if not promoted:
            return []
        table = pq.read_table(folder / "articles.parquet")
        table = table.filter(
            pc.is_in(table["article_id"], value_set=pa.array(list(promoted), type=pa.string()))
        )
        fields = set(Article.__dataclass_fields__)
        articles = {
            r["article_id"]: Article(**{k: v for k, v in r.items() if k in fields})
            for r in table.to_pylist()
        }
        order = list(promoted)
        to_code = [aid for aid in order if self._codes(articles[aid].language)]
        codings: dict[str, Coding | str] = {}
        if to_code:
            found = code_articles(
                shard_coder(self.settings),
                [articles[aid] for aid in to_code],
                coding_batch(self.settings),
                self.settings.coding_piece_chars,
            )
            codings = dict(zip(to_code, found, strict=True))
        self.tally.coded_by_driver += len(to_code)
        outcomes = []
        for aid in order:
            row, fp = promoted[aid]
            art, kept = with_coding(articles[aid], codings.get(aid))
            tone = self.tone(art, kept)
            self.tally.toned += tone is not None
            outcomes.append(
                ArticleOutcome(
                    row["page_id"], row["location"], row["content_hash"], aid, art,
                    fp.body_hash, fp.signature, fp.bands, kept, tone,
                )
            )  # fmt: skip
        return outcomes
