"""Writing batches and asking the store questions, with records built by hand."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from store_factories import (
    article_outcome,
    duplicate_outcome,
    failure_outcome,
    make_coding,
    make_event,
)

from newsgraph.errors import StoreError
from newsgraph.records import Actor
from newsgraph.store import Store, page_id

BODY = "Russia condemned Turkey over the downing of a jet near the border on Tuesday."


def _filled(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "s.duckdb")
    run = store.new_run(["in"], {"db": "s"})
    events = (
        make_event(),
        make_event(
            "Turkey met Russia in Sochi.",
            type="CONSULT",
            cameo="040",
            quad_class=1,
            source=(Actor("Turkey", "TURGOV", "TUR", "GOV"),),
            target=(Actor("Russia", "RUS", "RUS"), Actor("Iran", "IRN", "IRN")),
            location=None,
            date="2020-03",
            date_precision="month",
            speaker=Actor("Erdogan", "TURGOV", "TUR", "GOV"),
        ),
    )
    store.write_batch(
        run,
        [
            article_outcome("one.txt", BODY, make_coding(events)),
            duplicate_outcome("copy.txt", of="a-one.txt-h1"),
            failure_outcome("bad.bin", "binary file (NUL bytes)"),
            article_outcome("two.txt", "Another story entirely, about fish.", outlet="Tsarizm",
                            published="2016-08", language="fr"),
        ],
    )
    store.finish_run(run, skipped=0)
    return store


def test_a_batch_lands_in_every_table(tmp_path: Path) -> None:
    with _filled(tmp_path) as store:
        counts = store.counts()
        assert counts["pages"] == 4
        assert (counts["articles"], counts["duplicates"]) == (2, 1)
        assert (counts["events"], counts["event_actors"]) == (2, 5)
        assert (counts["sentences"], counts["mentions"], counts["quotes"]) == (1, 1, 1)
        assert counts["minhashes"] == 2 and counts["lsh_bands"] == 2 * 14
        [run] = store.runs()
        assert (run["pages"], run["articles"], run["duplicates"], run["failed"], run["events"]) == (4, 2, 1, 1, 2)
        assert run["status"] == "done"
        assert store.failures()[0]["reason"] == "binary file (NUL bytes)"
        assert store.has_page("one.txt", "h1") and not store.has_page("one.txt", "h2")


def test_events_are_filtered_by_actor_dyad_type_dates_and_outlet(tmp_path: Path) -> None:
    with _filled(tmp_path) as store:
        assert len(store.events()) == 2
        assert {e["type"] for e in store.events(actor="TUR")} == {"ACCUSE", "CONSULT"}
        assert [e["type"] for e in store.events(actor="IRN")] == ["CONSULT"]
        assert [e["type"] for e in store.events(dyad=("RUS", "TUR"))] == ["ACCUSE"]
        assert [e["type"] for e in store.events(dyad=("TUR", "RUS"))] == ["CONSULT"]
        assert [e["type"] for e in store.events(type="CONSULT")] == ["CONSULT"]
        assert [e["type"] for e in store.events(since="2020-03-15")] == ["CONSULT"]
        assert [e["type"] for e in store.events(until="2020-02")] == ["ACCUSE"]
        assert store.events(outlet="Nobody") == []
        assert len(store.events(limit=1)) == 1 and len(store.events(limit=1, offset=1)) == 1
        consult = store.events(type="CONSULT")[0]
        assert [a["code"] for a in consult["target"]] == ["RUS", "IRN"]
        assert consult["speaker"] == {"text": "Erdogan", "code": "TURGOV"}
        assert consult["location"] is None and consult["outlet"] == "Harbour Post"
        accuse = store.events(type="ACCUSE")[0]
        assert accuse["location"] == {
            "name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62,
            "feature": None, "geonameid": None, "admin1": None,
        }  # fmt: skip


def test_articles_and_one_article_with_its_copies(tmp_path: Path) -> None:
    with _filled(tmp_path) as store:
        rows = store.articles()
        assert [r["location"] for r in rows] == ["two.txt", "one.txt"]
        one = rows[1]
        assert (one["events"], one["copies"], one["coded"]) == (2, 1, True)
        assert [r["location"] for r in store.articles(outlet="Tsarizm")] == ["two.txt"]
        assert [r["location"] for r in store.articles(since="2017")] == ["one.txt"]
        assert [r["location"] for r in store.articles(until="2016-08-10")] == ["two.txt"]
        assert [r["location"] for r in store.articles(language="fr")] == ["two.txt"]
        full = store.article("a-one.txt-h1")
        assert full is not None and full["body"] == BODY
        assert [c["outlet"] for c in full["copies"]] == ["Copy Desk"]
        assert len(full["events"]) == 2 and full["quotes"][0]["speaker_code"] == "RUSGOV"
        by_copy = store.article("copy.txt")  # a duplicate's location leads to its twin
        assert by_copy is not None and by_copy["article_id"] == "a-one.txt-h1"
        assert store.article("nothing") is None


def test_a_failing_batch_is_rolled_back_whole(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        run = store.new_run(["in"], {})
        good = article_outcome("one.txt", BODY)
        with pytest.raises(StoreError, match="cannot write a batch"):
            store.write_batch(run, [good, good])  # the same article twice breaks the key
        assert all(n == 0 for t, n in store.counts().items() if t != "schema_version")
        store.write_batch(run, [good])
        assert store.counts()["articles"] == 1 and len(store.runs()) == 1


def test_a_run_that_stores_nothing_leaves_no_row(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        run = store.new_run(["in"], {})
        store.write_batch(run, [])
        store.finish_run(run, skipped=5)
        assert store.runs() == []


def test_read_only_handles_refuse_writes(tmp_path: Path) -> None:
    _filled(tmp_path).close()
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.counts()["articles"] == 2
        with pytest.raises(StoreError, match="read-only"):
            store.write_batch(store.new_run([], {}), [failure_outcome("x")])


def test_a_changed_page_replaces_its_old_version_and_moves_links(tmp_path: Path) -> None:
    with _filled(tmp_path) as store:
        run = store.new_run(["in"], {})
        store.write_batch(run, [article_outcome("one.txt", BODY + " Updated.", chash="h2")])
        counts = store.counts()
        assert (counts["pages"], counts["articles"], counts["duplicates"]) == (4, 2, 1)
        assert counts["events"] == 0 and counts["event_actors"] == 0 and counts["quotes"] == 0
        assert counts["lsh_bands"] == 2 * 14 and counts["minhashes"] == 2
        copy = store.article("copy.txt")
        assert copy is not None and copy["article_id"] == "a-one.txt-h2"
        states = store.page_states([page_id("one.txt"), page_id("copy.txt")])
        assert states[page_id("copy.txt")].article_id == "a-one.txt-h2"
        assert states[page_id("one.txt")].content_hash == "h2"


def test_an_article_still_linked_is_kept_when_its_page_now_fails(tmp_path: Path) -> None:
    with _filled(tmp_path) as store:
        run = store.new_run(["in"], {})
        store.write_batch(run, [failure_outcome("one.txt", "empty file", chash="h3")])
        assert store.article("a-one.txt-h1") is not None
        assert store.page_states([page_id("one.txt")])[page_id("one.txt")].status == "failed"
        store.write_batch(run, [failure_outcome("two.txt", "empty file", chash="h3")])
        assert store.counts()["articles"] == 1  # nothing linked to two.txt: removed


def test_duckdb_memory_is_capped_by_the_setting_or_a_quarter_of_the_machine(tmp_path: Path) -> None:
    """DuckDB caches the store's blocks up to its limit (80% of the machine by default):
    a long run's driver would grow with the store and crowd out its workers."""
    from newsgraph.store.store import memory_limit_mb

    limit = "SELECT current_setting('memory_limit')"
    with Store.open(tmp_path / "a.duckdb", memory_mb=300) as store:
        assert store.connection.execute(limit).fetchone() == ("300.0 MiB",)
    with Store.open(tmp_path / "a.duckdb", read_only=True) as store:
        shown = str(store.connection.execute(limit).fetchone()[0])
    total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    assert 256 <= memory_limit_mb() <= max(256, total_mb // 4)
    value, unit = shown.split()
    assert float(value) * {"MiB": 1, "GiB": 1024}[unit] == pytest.approx(memory_limit_mb(), abs=110)  # shown to 0.1


def test_ingest_and_batch_runs_open_the_store_with_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.ingest import run_batch
    from newsgraph.ingest.pipeline import ingest
    from newsgraph.settings import Settings
    from newsgraph.store.bulk import BulkStore

    seen: list[int] = []
    for cls in (Store, BulkStore):
        real = cls.open.__func__  # type: ignore[attr-defined]

        def spy(cls_: type[Store], path: Any, read_only: bool = False, memory_mb: int = 0, real: Any = real) -> Any:
            seen.append(memory_mb)
            return real(cls_, path, read_only, memory_mb)

        monkeypatch.setattr(cls, "open", classmethod(spy))
    page = tmp_path / "in" / "a.txt"
    page.parent.mkdir()
    page.write_text("A title\n\n" + "Officials met in Athens on Monday to talk. " * 20, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "s.duckdb"), code_events=False, stories=False, store_memory_mb=321)
    ingest([page.parent], settings)
    run_batch([page.parent], replace(settings, db=str(tmp_path / "b.duckdb")), stories=False)
    assert seen and set(seen) == {321}
