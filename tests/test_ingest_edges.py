"""Nothing lost without a word: pages stored but not coded are counted with their reason
(summary, exit code 3, ``failures --not-coded``), an empty folder is said and stores
nothing, a file named two ways is one page, a killed run is marked ``interrupted``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import NOT_CODED_EXIT, app
from newsgraph.ingest import pipeline
from newsgraph.ingest.driver import run_batch
from newsgraph.ingest.pipeline import LineError, code_records, ingest
from newsgraph.ingest.work import location_key
from newsgraph.settings import Settings
from newsgraph.store import Store
from test_pipeline import DEDUP, StubCoder

runner = CliRunner()

# Three short reports written for these tests, one per language that is not coded.
FRENCH = (
    "Le conseil municipal de Lyon a voté mardi un nouveau plan pour les transports publics. "
    "Les élus ont débattu pendant plusieurs heures avant d'adopter le texte, qui prévoit "
    "davantage de lignes de tramway et des tarifs réduits pour les étudiants. Le maire a "
    "déclaré que les travaux commenceraient au printemps prochain."
)
RUSSIAN = (
    "Городской совет Новосибирска во вторник утвердил новый план развития общественного "
    "транспорта. Депутаты обсуждали документ несколько часов, после чего приняли его "
    "большинством голосов. План предусматривает новые трамвайные линии и скидки для "
    "студентов. Мэр заявил, что работы начнутся следующей весной."
)
ARABIC = (
    "وافق المجلس البلدي في مدينة الإسكندرية يوم الثلاثاء على خطة جديدة للنقل العام. "
    "وناقش الأعضاء الخطة لعدة ساعات قبل أن يعتمدوها بأغلبية الأصوات. وتتضمن الخطة "
    "خطوط ترام جديدة وتخفيضات للطلاب. وقال رئيس البلدية إن الأعمال ستبدأ في الربيع المقبل."
)

ELLERY = (
    "Dock workers at Port Ellery ended their strike on Friday after the harbour board agreed "
    "to a new shift plan. The board said ships would be unloaded at night again from Monday, "
    "and the union said its members would vote on the full agreement next week. Traders "
    "welcomed the news after ten days of delays at the quay."
)


@pytest.fixture
def stub_coder(monkeypatch: pytest.MonkeyPatch) -> StubCoder:
    coder = StubCoder(fail_on="Port Ellery")
    monkeypatch.setattr(pipeline, "make_coder", lambda settings: coder)
    return coder


def languages_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "languages"
    folder.mkdir()
    (folder / "lyon.txt").write_text("Tramway à Lyon\n\n" + FRENCH, encoding="utf-8")
    (folder / "novosibirsk.txt").write_text("Трамвай\n\n" + RUSSIAN, encoding="utf-8")
    (folder / "alexandria.txt").write_text("الترام\n\n" + ARABIC, encoding="utf-8")
    shutil.copy(DEDUP / "same_event_a.txt", folder / "english.txt")
    return folder


def test_pages_in_other_languages_are_counted_stored_not_coded(
    tmp_path: Path, stub_coder: StubCoder
) -> None:
    db = tmp_path / "lang.duckdb"
    result = runner.invoke(app, ["ingest", str(languages_folder(tmp_path)), "--db", str(db)])
    assert result.exit_code == NOT_CODED_EXIT == 3, result.output
    assert "4 articles" in result.stderr and "0 failed" in result.stderr
    assert "3 stored, not coded: language ar 1, language fr 1, language ru 1" in " ".join(
        result.stderr.split()
    )
    listed = runner.invoke(app, ["failures", "--db", str(db), "--not-coded", "--format", "jsonl"])
    rows = {
        Path(r["location"]).name: r["reason"] for r in map(json.loads, listed.stdout.splitlines())
    }
    assert rows == {
        "lyon.txt": "language fr", "novosibirsk.txt": "language ru", "alexandria.txt": "language ar",
    }  # fmt: skip
    again = runner.invoke(app, ["ingest", str(tmp_path / "languages"), "--db", str(db)])
    assert again.exit_code == 0  # nothing new stored: nothing newly left uncoded


def test_a_coder_error_is_counted_too_and_failures_come_first(
    tmp_path: Path, stub_coder: StubCoder
) -> None:
    folder = languages_folder(tmp_path)
    (folder / "ellery.txt").write_text(ELLERY, encoding="utf-8")  # the stub refuses it
    (folder / "empty.txt").write_bytes(b"")
    report = ingest([folder], Settings(db=str(tmp_path / "s.duckdb"), stories=False))
    reasons = sorted(reason for _, reason in report.not_coded)
    assert reasons == ["coder error", "language ar", "language fr", "language ru"]
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 1  # a failed page: 1, as before
    assert "4 stored, not coded" in result.stderr


def test_the_batch_run_counts_them_as_well(tmp_path: Path) -> None:
    folder = languages_folder(tmp_path)
    (folder / "english.txt").unlink()  # no page for the coder: no spaCy needed
    settings = Settings(db=str(tmp_path / "b.duckdb"), stories=False)
    report = run_batch([folder], settings)
    assert sorted(r for _, r in report.not_coded) == ["language ar", "language fr", "language ru"]


def test_a_run_asked_not_to_code_counts_nothing_as_not_coded(tmp_path: Path) -> None:
    db = tmp_path / "nocode.duckdb"
    folder = languages_folder(tmp_path)
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-code"])
    assert result.exit_code == 0 and "not coded" not in result.stderr
    listed = runner.invoke(app, ["failures", "--db", str(db), "--not-coded", "--format", "jsonl"])
    assert len(listed.stdout.splitlines()) == 3  # the store still says why they have no events


def test_an_empty_folder_says_so_exits_1_and_creates_no_store(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    db = tmp_path / "never.duckdb"
    result = runner.invoke(app, ["ingest", str(empty), "--db", str(db)])
    assert result.exit_code == 1
    assert f"no pages found in {empty}" in " ".join(result.stderr.split())
    assert not db.exists()
    batch = runner.invoke(app, ["run", str(empty), "--db", str(db), "--workers", "0"])
    assert batch.exit_code == 1 and "no pages found" in batch.stderr and not db.exists()


def test_one_file_by_a_relative_and_an_absolute_path_is_one_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "bad.txt").write_bytes(bytes(range(256)) * 20)
    settings = Settings(db=str(tmp_path / "one.duckdb"), code_events=False, stories=False)
    first = ingest(["pages/bad.txt"], settings)
    second = ingest([str(tmp_path / "pages" / "bad.txt"), "./pages/bad.txt"], settings)
    assert first.failed == 1 and second.failed == 0 and second.previously_failed == 1
    with Store.open(settings.db, read_only=True) as store:
        assert len(store.failures()) == 1
    assert location_key("pages/bad.txt") == str((tmp_path / "pages" / "bad.txt").resolve())
    assert location_key("pages/bad.txt#record-2").endswith("/pages/bad.txt#record-2")
    assert location_key("https://example.test/a#b") == "https://example.test/a#b"


def test_a_store_keyed_by_relative_locations_is_not_doubled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page stored before locations were resolved is found under its old key."""
    from newsgraph.ingest import work

    monkeypatch.chdir(tmp_path)
    shutil.copy(DEDUP / "same_event_a.txt", tmp_path / "a.txt")
    settings = Settings(db=str(tmp_path / "old.duckdb"), code_events=False, stories=False)
    with monkeypatch.context() as old:
        old.setattr(work, "location_key", lambda location: location)
        assert ingest(["a.txt"], settings).articles == 1
    again = ingest(["a.txt"], settings)
    assert (again.articles, again.duplicates, again.skipped_already_stored) == (0, 0, 1)


def test_a_run_left_running_is_marked_interrupted_on_the_next_start(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "k.duckdb"), code_events=False, stories=False)
    shutil.copy(DEDUP / "same_event_a.txt", tmp_path / "a.txt")
    ingest([tmp_path / "a.txt"], settings)
    with Store.open(settings.db) as store:  # what a run killed mid-way leaves behind
        store.connection.execute("UPDATE runs SET status = 'running', finished_at = NULL")
    shutil.copy(DEDUP / "same_event_b.txt", tmp_path / "b.txt")
    ingest([tmp_path / "b.txt"], settings)
    with Store.open(settings.db, read_only=True) as store:
        assert [(r["run_id"], r["status"]) for r in store.runs()] == [
            (1, "interrupted"), (2, "done"),
        ]  # fmt: skip


def test_code_says_invalid_control_character_at_column_once() -> None:
    (found,) = list(code_records(['{"id": 1, "text": "a\tb"}'], Settings()))
    assert isinstance(found, LineError)
    assert "Invalid control character at column" in found.message
    assert "at at" not in found.message


def test_the_not_coded_exit_code_is_documented() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "exits 3" in readme and "languages" in readme.lower()
