"""The ingest run end to end: sources, extraction, dedup, (stub) coding and the store."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import newsgraph
from newsgraph.ingest import pipeline
from newsgraph.ingest.pipeline import RunReport, ingest
from newsgraph.records import Actor, Coding, Event, Sentence
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
DEDUP = Path(__file__).resolve().parent / "data" / "dedup"


class StubCoder:
    """Codes the first sentence of each text as one CONSULT event (no spaCy)."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on
        self.coded = 0

    def code(self, text: str, published: str | None = None) -> Coding:
        if self.fail_on and self.fail_on in text:
            raise ValueError("stub coder refuses this text")
        self.coded += 1
        first = text.split(". ")[0] + "."
        event = Event(
            type="CONSULT", mode=None, context=None, cameo="040", quad_class=1, intensity=1.0,
            source=(Actor("Norway", "NOR", "NOR"),), target=(Actor("Chile", "CHL", "CHL"),),
            evidence=first, start=0, end=len(first), sentence_index=0, trigger="met",
            date=published, date_precision="day" if published else "unknown",
        )
        return Coding((Sentence(0, 0, len(first), first),), (), (event,), ())

    def code_many(
        self, items: Iterable[tuple[str, str | None]], batch_size: int = 64
    ) -> Iterator[Coding]:
        for text, published in items:
            yield self.code(text, published)


@pytest.fixture
def stub_coder(monkeypatch: pytest.MonkeyPatch) -> StubCoder:
    coder = StubCoder()
    monkeypatch.setattr(pipeline, "make_coder", lambda settings: coder)
    return coder


def _settings(tmp_path: Path, **kw: Any) -> Settings:
    return Settings(db=str(tmp_path / "store.duckdb"), **kw)


def _counts(settings: Settings) -> dict[str, int]:
    with newsgraph.open(settings.db) as store:
        return store.counts()


def _folder(tmp_path: Path) -> Path:
    """Two articles about one event, a wire story and a syndicated copy, and a bad file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("same_event_a.txt", "same_event_b.txt", "wire_original.txt", "wire_copy.txt"):
        shutil.copy(DEDUP / name, folder / name.replace("wire_", "wire_1_" if "orig" in name else "wire_2_"))
    (folder / "empty.txt").write_bytes(b"")
    rows = [
        {"path": "wire_1_original.txt", "outlet": "Harbour Post", "url": "https://harbour.test/a"},
        {"path": "wire_2_copy.txt", "outlet": "Coastal Daily", "url": "https://coastal.test/b"},
    ]
    (folder / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return folder


def test_the_seeds_with_their_manifest(tmp_path: Path) -> None:
    settings = _settings(tmp_path, code_events=False)
    report = ingest([SEEDS], settings, manifest=SEEDS / "manifest.jsonl")
    assert (report.pages, report.articles, report.failed, report.duplicates) == (5, 5, 0, 0)
    manifest = {
        row["path"]: row
        for row in map(json.loads, (SEEDS / "manifest.jsonl").read_text().splitlines())
    }
    with newsgraph.open(settings.db) as store:
        rows = store.articles()
        assert len(rows) == 5
        for row in rows:
            expected = manifest[Path(row["location"]).name]
            assert (row["outlet"], row["published"]) == (expected["outlet"], expected["published"])
            assert store.article(row["article_id"])["published_source"] == "manifest"


def test_every_page_ends_as_one_article_duplicate_or_failure(
    tmp_path: Path, stub_coder: StubCoder
) -> None:
    settings = _settings(tmp_path)
    folder = _folder(tmp_path)
    report = ingest([folder], settings, manifest=folder / "manifest.jsonl")
    assert (report.pages, report.articles, report.duplicates, report.failed) == (5, 3, 1, 1)
    assert report.events == 3 and stub_coder.coded == 3
    assert report.failures == [(str(folder / "empty.txt"), "empty file")]
    with newsgraph.open(settings.db) as store:
        counts = store.counts()
        assert counts["pages"] == 5 and counts["articles"] + counts["duplicates"] == 4
        original = store.article(str(folder / "wire_1_original.txt"))
        assert original is not None and original["outlet"] == "Harbour Post"
        [copy] = original["copies"]
        assert (copy["outlet"], copy["url"], copy["kind"]) == (
            "Coastal Daily", "https://coastal.test/b", "near",
        )
        assert copy["location"] == str(folder / "wire_2_copy.txt")
        assert len(store.events(actor="NOR")) == 3  # copies are not coded twice


def test_reingesting_the_same_folder_changes_no_table(tmp_path: Path, stub_coder: StubCoder) -> None:
    settings = _settings(tmp_path, batch_size=2)
    folder = _folder(tmp_path)
    ingest([folder], settings, manifest=folder / "manifest.jsonl")
    before = _counts(settings)
    again = ingest([folder], settings, manifest=folder / "manifest.jsonl")
    assert _counts(settings) == before
    assert (again.skipped_already_stored, again.articles, again.failed) == (5, 0, 0)
    assert again.previously_failed == 1 and not again.ok  # the empty file still fails
    assert before["events"] == 3 and before["runs"] == 1


def test_a_changed_page_replaces_its_old_version(tmp_path: Path, stub_coder: StubCoder) -> None:
    settings = _settings(tmp_path)
    folder = _folder(tmp_path)
    ingest([folder], settings, manifest=folder / "manifest.jsonl")
    before = _counts(settings)
    page = folder / "same_event_a.txt"
    page.write_text(page.read_text() + "\nThe ministry later corrected the tonnage figure.\n")
    report = ingest([folder], settings, manifest=folder / "manifest.jsonl")
    assert (report.articles, report.skipped_already_stored) == (1, 4)
    assert _counts(settings)["articles"] == before["articles"]
    with newsgraph.open(settings.db) as store:
        article = store.article(str(page))
        assert article is not None and "corrected the tonnage" in article["body"]


def test_a_page_the_coder_fails_on_is_stored_uncoded_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coder = StubCoder(fail_on="Quotas first.")
    monkeypatch.setattr(pipeline, "make_coder", lambda settings: coder)
    settings = _settings(tmp_path)
    folder = _folder(tmp_path)
    report = ingest([folder], settings, manifest=folder / "manifest.jsonl")
    assert (report.articles, report.events) == (3, 2)
    with newsgraph.open(settings.db) as store:
        article = store.article(str(folder / "same_event_b.txt"))
        assert article is not None and not article["coded"]
        assert "not coded: ValueError: stub coder refuses this text" in article["note"]


def test_code_events_off_and_other_languages_are_not_coded(
    tmp_path: Path, stub_coder: StubCoder
) -> None:
    folder = _folder(tmp_path)
    manifest = folder / "manifest.jsonl"
    report = ingest([folder], _settings(tmp_path, code_events=False), manifest=manifest)
    assert report.articles == 3 and report.events == 0 and stub_coder.coded == 0
    report = ingest([folder], _settings(tmp_path / "x", languages="fr"), manifest=manifest)
    assert report.articles == 3 and report.events == 0 and stub_coder.coded == 0


def test_the_same_location_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    settings = _settings(tmp_path, code_events=False)
    folder = _folder(tmp_path)
    report = ingest(
        [folder, folder / "same_event_a.txt"], settings, manifest=folder / "manifest.jsonl"
    )
    assert report.pages == 6 and report.skipped_already_stored == 1
    assert _counts(settings)["pages"] == 5


def test_progress_is_reported_after_each_committed_batch(tmp_path: Path) -> None:
    seen: list[int] = []
    settings = _settings(tmp_path, code_events=False, batch_size=2, commit_seconds=0.0)

    def progress(report: RunReport) -> None:
        seen.append(report.pages)
        with pytest.raises(Exception):  # noqa: B017 - the writer holds the file lock
            newsgraph.open(settings.db)

    ingest([SEEDS], settings, manifest=SEEDS / "manifest.jsonl", progress=progress)
    assert seen == [2, 4, 5]


def test_content_hash_covers_content_and_metadata() -> None:
    from newsgraph.ingest import work
    from newsgraph.records import Page, PageMeta

    page = Page("a.txt", "text", "text")
    assert work.content_hash(page) == work.content_hash(Page("a.txt", "text", "text"))
    assert work.content_hash(page) != work.content_hash(Page("a.txt", "text 2", "text"))
    other = Page("a.txt", "text", "text", meta=PageMeta(outlet="Press TV"))
    assert work.content_hash(page) != work.content_hash(other)


@pytest.mark.parametrize("tone", [True, False])
def test_tone_is_scored_after_each_batch_unless_turned_off(tmp_path: Path, tone: bool) -> None:
    settings = _settings(tmp_path, code_events=False, stories=False, tone=tone)
    ingest([SEEDS], settings, manifest=SEEDS / "manifest.jsonl")
    assert _counts(settings)["article_tone"] == (5 if tone else 0)
    assert _counts(settings)["articles"] == 5


def test_quick_batches_share_a_transaction_with_the_same_rows(tmp_path: Path) -> None:
    seen: list[int] = []
    grouped = _settings(tmp_path / "a", code_events=False, batch_size=2, commit_seconds=3600.0)
    ingest([SEEDS], grouped, manifest=SEEDS / "manifest.jsonl", progress=lambda r: seen.append(r.pages))
    assert seen == [5]  # one commit at the end
    each = _settings(tmp_path / "b", code_events=False, batch_size=2, commit_seconds=0.0)
    ingest([SEEDS], each, manifest=SEEDS / "manifest.jsonl")
    with newsgraph.open(grouped.db) as a, newsgraph.open(each.db) as b:
        assert a.counts() == b.counts()
        assert [r["article_id"] for r in a.articles()] == [r["article_id"] for r in b.articles()]
        runs = a.runs()
    assert len(runs) == 1 and runs[0]["pages"] == 5
