"""Stories in the store: clustering after each batch, incremental state, the command."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from analysis_factories import SEEDS, copy_store
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import ConfigError
from newsgraph.ingest.after import _gate_date, state_path, update_stories
from newsgraph.ingest.pipeline import ingest
from newsgraph.settings import Settings
from newsgraph.store import LATEST, Store
from newsgraph.store.stories import stories


def _stories(settings: Settings) -> list[dict]:
    with Store.open(settings.db, read_only=True) as store:
        return stories(store.connection)


def _by_seed(rows: list[dict]) -> dict[str, str]:
    """seed number ("000") -> story id."""
    return {Path(a["location"]).name[:3]: r["story_id"] for r in rows for a in r["articles"]}


def test_idlib_articles_form_one_story_and_2012_stands_alone(seeds_db: Settings) -> None:
    rows = _stories(seeds_db)
    seeds = _by_seed(rows)
    assert set(seeds) == {"000", "001", "002", "003", "004"}
    assert seeds["001"] == seeds["003"]
    assert [s for s in seeds.values()].count(seeds["000"]) == 1
    idlib = next(r for r in rows if r["story_id"] == seeds["001"])
    assert idlib["outlets"] == ["The Moscow Times", "Tsarizm"]
    assert (idlib["first_date"], idlib["last_date"]) == ("2020-02-19", "2020-02-20")
    assert idlib["title"] in {a["title"] for a in idlib["articles"]}
    members = {a["article_id"] for a in idlib["articles"]}
    assert idlib["summary"] and all(s["article_id"] in members for s in idlib["summary"])


def test_month_dated_article_is_not_merged_across_years(seeds_db: Settings) -> None:
    seeds = _by_seed(_stories(seeds_db))
    assert seeds["004"] not in {seeds["000"], seeds["002"], seeds["001"]}
    assert _gate_date("2016-08") == "2016-08-15"
    assert _gate_date("2016") == "2016-07-02"
    assert _gate_date("2016-08-03T10:00:00") == "2016-08-03"
    assert _gate_date(None) is None


def test_store_has_the_story_tables_and_tones(seeds_db: Settings) -> None:
    with Store.open(seeds_db.db, read_only=True) as store:
        assert store.schema_version == LATEST
        counts = store.counts()
    assert counts["stories"] == 4 and counts["story_articles"] == 5
    assert counts["article_tone"] == 5 and counts["story_summary"] >= 4
    assert state_path(seeds_db.db).is_file()


def test_stories_command_jsonl_lists_ids_and_locations(seeds_db: Settings) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", seeds_db.db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 4
    for line in lines:
        assert line["articles"]
        for article in line["articles"]:
            assert article["article_id"] and (article["url"] or article["location"])
    table = CliRunner().invoke(
        app, ["stories", "--db", seeds_db.db, "--actor", "RUS", "--since", "2020"]
    )
    assert table.exit_code == 0 and "Tsarizm" in table.stdout and "2012" not in table.stdout


def test_near_duplicate_joins_its_twins_story_and_state_is_incremental(
    seeds_db: Settings, tmp_path: Path
) -> None:
    settings = copy_store(seeds_db, tmp_path)
    before = _by_seed(_stories(settings))
    state_before = state_path(settings.db).stat().st_mtime_ns
    page = tmp_path / "pages" / "copy_of_003.txt"
    page.parent.mkdir()
    text = (SEEDS / "003_267f2ca69a1884cd.txt").read_text(encoding="utf-8")
    page.write_text(text.replace("Support The Moscow Times!", "Anatolia Wire"), encoding="utf-8")
    manifest = page.parent / "manifest.jsonl"
    manifest.write_text(
        json.dumps({"path": page.name, "outlet": "Anatolia Wire", "published": "2020-02-21"}) + "\n"
    )
    report = ingest([page.parent], settings, manifest=manifest)
    assert report.duplicates == 1
    rows = _stories(settings)
    assert _by_seed(rows) == before  # the stored stories did not move
    idlib = next(r for r in rows if r["story_id"] == before["003"])
    copies = [c for a in idlib["articles"] for c in a["copies"]]
    assert [Path(c["location"]).name for c in copies] == ["copy_of_003.txt"]
    assert "Anatolia Wire" in idlib["outlets"]
    assert state_path(settings.db).stat().st_mtime_ns == state_before  # nothing to cluster


def test_lost_state_is_rebuilt_to_the_same_stories(seeds_db: Settings, tmp_path: Path) -> None:
    settings = copy_store(seeds_db, tmp_path)
    state_path(settings.db).unlink()
    before = _by_seed(_stories(settings))
    done = update_stories(settings)
    assert done["clustered"] == 5
    assert _by_seed(_stories(settings)) == before
    assert state_path(settings.db).is_file()


def test_articles_stored_without_a_story_are_caught_up(seeds_db: Settings, tmp_path: Path) -> None:
    settings = copy_store(seeds_db, tmp_path)
    conn = duckdb.connect(settings.db)
    conn.execute(
        "DELETE FROM story_articles WHERE article_id IN (SELECT article_id FROM articles "
        "WHERE location LIKE '%000_%')"
    )
    conn.close()
    assert len(_by_seed(_stories(settings))) == 4
    update_stories(settings)  # the state knows the article: its rows are written again
    assert len(_by_seed(_stories(settings))) == 5


@dataclass(frozen=True, slots=True)
class _NoStories(Settings):
    """Settings with ``stories`` off (``AfterBatch`` reads it with getattr)."""

    stories: bool = False


def test_stories_can_be_turned_off_and_caught_up_later(tmp_path: Path) -> None:
    settings = _NoStories(db=str(tmp_path / "off.duckdb"), code_events=False)
    report = ingest([SEEDS / "000_e6c350a121f355aa.txt"], settings)
    assert report.articles == 1
    with Store.open(settings.db, read_only=True) as store:
        counts = store.counts()
    assert counts["stories"] == 0 and counts["article_tone"] == 1
    assert not state_path(settings.db).exists()
    on = Settings(db=settings.db, code_events=False)
    assert update_stories(on) == {"clustered": 1, "toned": 0}
    assert state_path(settings.db).exists()


def test_missing_encoder_or_lexicon_does_not_stop_an_ingest(
    tmp_path: Path, monkeypatch: Any
) -> None:
    import newsgraph.ingest.after as hook
    import newsgraph.tone as tone

    def missing(*args: object, **kwargs: object) -> None:
        raise ConfigError("the sentence encoder package is missing; install it")

    monkeypatch.setattr(hook, "cached_encoder", missing)
    monkeypatch.setattr(tone, "_analyzer", missing)
    settings = Settings(db=str(tmp_path / "bare.duckdb"))
    report = ingest(
        [SEEDS / "000_e6c350a121f355aa.txt", SEEDS / "002_caba7b9c3f013d6f.txt"], settings
    )
    assert report.articles == 2
    with Store.open(settings.db, read_only=True) as store:
        counts = store.counts()
    assert counts["stories"] == 0 and counts["article_tone"] == 0


def test_explain_shows_what_joins_each_article_to_its_story(seeds_db: Settings) -> None:
    seeds = _by_seed(_stories(seeds_db))
    idlib = CliRunner().invoke(
        app, ["stories", "--db", seeds_db.db, "--explain", seeds["001"], "--format", "jsonl"]
    )
    assert idlib.exit_code == 0, idlib.output
    rows = {Path(r["location"]).name[:3]: r for r in map(json.loads, idlib.stdout.splitlines())}
    assert set(rows) == {"001", "003"}
    assert rows["001"]["linked_id"] == rows["003"]["article_id"]
    assert rows["003"]["linked_id"] == rows["001"]["article_id"]
    shared = rows["001"]["shared"]
    assert "idlib" in shared["places"] and {"SYR", "TUR"} <= set(shared["places"])
    assert "erdogan" in shared["people"]
    assert shared["dates"] == ["2020-02-19", "2020-02-20"]
    assert rows["001"]["score"] >= 0.95 > rows["001"]["similarity"]
    assert (rows["001"]["event_date"], rows["001"]["date_precision"]) == ("2020-02-19", "day")
    text = CliRunner().invoke(app, ["stories", "--db", seeds_db.db, "--explain", seeds["001"]])
    assert "most like:" in text.stdout and "idlib" in text.stdout and "erdogan" in text.stdout
    alone = CliRunner().invoke(app, ["stories", "--db", seeds_db.db, "--explain", seeds["000"]])
    assert alone.exit_code == 0 and "alone in its story" in alone.stdout
    month = CliRunner().invoke(
        app, ["stories", "--db", seeds_db.db, "--explain", seeds["004"], "--format", "jsonl"]
    )
    (row,) = map(json.loads, month.stdout.splitlines())
    assert (row["event_date"], row["date_precision"], row["date_source"]) == (
        "2016-08",
        "month",
        "published",
    )
    missing = CliRunner().invoke(app, ["stories", "--db", seeds_db.db, "--explain", "story-none"])
    assert missing.exit_code != 0 and "no story" in missing.output


def test_story_page_and_api_say_why_each_article_is_there(seeds_db: Settings) -> None:
    from starlette.testclient import TestClient

    from newsgraph.web.app import create_app

    seeds = _by_seed(_stories(seeds_db))
    with TestClient(create_app(seeds_db.db, read_only=True)) as client:
        api = client.get(f"/api/stories/{seeds['001']}").json()
        whys = [a["why"] for a in api["articles"]]
        assert all(w["score"] >= 0.95 and "idlib" in w["shared"]["places"] for w in whys)
        page = client.get(f"/stories/{seeds['001']}")
        assert page.status_code == 200
        assert page.text.count("most like") == 2 and "erdogan" in page.text
        assert "dated 2020-02-19 (day, published)" in page.text
        alone = client.get(f"/stories/{seeds['000']}").text
        assert "alone in its story" in alone
