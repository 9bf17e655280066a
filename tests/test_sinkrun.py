"""SinkRun, the run of ``ingest`` and ``watch`` into a sink: its row, each batch written
and counted, and how it ends (done, or interrupted when an exception left it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest.sinkrun import SinkRun
from newsgraph.ingest.work import PageWork
from newsgraph.records import Page, PageTally
from newsgraph.settings import Settings
from newsgraph.store import FailureOutcome, Store, page_id


def _failure(location: str) -> FailureOutcome:
    return FailureOutcome(page_id(location), location, "h-" + location, "empty file")


def test_a_run_that_ends_is_done_with_every_batch_stored_and_counted(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "store.duckdb"), stories=False)
    tally = PageTally()
    seen: list[int] = []
    with Store.open(settings.db) as store:
        work = PageWork(settings, store, tally=tally)
        with SinkRun(settings, store, ["in"], work, tally, lambda t: seen.append(t.failed)) as run:
            run.write([_failure("a.txt")])
            run.write([_failure("b.txt"), _failure("c.txt")])
        (row,) = store.runs()
    assert (row["run_id"], row["status"], row["failed"]) == (run.run.run_id, "done", 3)
    assert seen == [1, 3]  # progress after each batch
    assert [loc for loc, _ in tally.failures] == ["a.txt", "b.txt", "c.txt"]


def test_a_run_left_by_an_exception_is_interrupted_and_keeps_what_it_stored(
    tmp_path: Path,
) -> None:
    settings = Settings(db=str(tmp_path / "store.duckdb"), stories=False)
    tally = PageTally()
    with Store.open(settings.db) as store:
        work = PageWork(settings, store, tally=tally)
        with pytest.raises(KeyboardInterrupt), SinkRun(settings, store, ["in"], work, tally) as run:
            run.write([_failure("a.txt")])
            raise KeyboardInterrupt
        (row,) = store.runs()
        assert store.counts()["pages"] == 1
    assert (row["status"], row["failed"]) == ("interrupted", 1)


_FRENCH = (
    "Le conseil municipal a présenté mardi le nouveau budget de la ville. Les habitants ont "
    "posé de nombreuses questions sur les travaux du port et sur les horaires des bus. "
    "Le maire a promis une nouvelle réunion publique avant la fin du mois de novembre."
)


@pytest.mark.parametrize("coding", [True, False])
def test_pages_not_coded_are_counted_only_in_a_run_that_codes(tmp_path: Path, coding: bool) -> None:
    # ingest and watch alike: with coding off no page is "stored, not coded"
    settings = Settings(db=str(tmp_path / "store.duckdb"), stories=False, code_events=coding)
    tally = PageTally()
    with Store.open(settings.db) as store:
        work = PageWork(settings, store, tally=tally)
        with SinkRun(settings, store, ["in"], work, tally) as run:
            run.write(work.process([Page("fr.txt", _FRENCH * 3, "text")]))
    assert tally.articles == 1
    assert [loc for loc, _ in tally.not_coded] == (["fr.txt"] if coding else [])
