"""Every ``newsgraph`` command, through Typer's CliRunner (in process) or a subprocess."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest import pipeline
from test_pipeline import DEDUP, SEEDS, StubCoder

runner = CliRunner()


@pytest.fixture
def stub_coder(monkeypatch: pytest.MonkeyPatch) -> StubCoder:
    coder = StubCoder()
    monkeypatch.setattr(pipeline, "make_coder", lambda settings: coder)
    return coder


@pytest.fixture
def seeded(tmp_path: Path, stub_coder: StubCoder) -> Path:
    db = tmp_path / "seeds.duckdb"
    result = runner.invoke(
        app, ["ingest", str(SEEDS), "--manifest", str(SEEDS / "manifest.jsonl"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    return db


def _bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(DEDUP / "same_event_a.txt", folder / "good_a.txt")
    body = (DEDUP / "same_event_b.txt").read_text().split("\n\n")
    html = "<html><body><article><h1>Hake accord</h1>" + "".join(f"<p>{p}</p>" for p in body[1:])
    (folder / "good_b.html").write_text(html + "</article></body></html>")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "undecodable.txt").write_bytes(b"\xef\xbb\xbfNews \xff\xfe\xc3\x28 text " * 40)
    (folder / "script.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>track();</script></body></html>"
    )
    return folder


def test_ingest_of_bad_input_stores_the_good_pages_and_exits_1_with_the_count(
    tmp_path: Path,
) -> None:
    db = tmp_path / "mixed.duckdb"
    result = runner.invoke(app, ["ingest", str(_bad_folder(tmp_path)), "--db", str(db), "--no-code"])
    assert result.exit_code == 1
    assert "4 of 6 pages failed; see `newsgraph failures`" in result.stderr
    listed = runner.invoke(app, ["failures", "--db", str(db), "--format", "jsonl"])
    assert listed.exit_code == 0
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(Path(r["location"]).name for r in rows) == [
        "binary.txt", "empty.txt", "script.html", "undecodable.txt",
    ]
    for row in rows:
        assert row["reason"] and "\n" not in row["reason"], row
    reasons = {Path(r["location"]).name: r["reason"] for r in rows}
    assert "binary" in reasons["binary.txt"] and "empty" in reasons["empty.txt"]
    assert "undecodable" in reasons["undecodable.txt"]
    assert "no article text" in reasons["script.html"]
    articles = runner.invoke(app, ["articles", "--db", str(db), "--format", "jsonl"])
    assert sorted(Path(json.loads(x)["location"]).name for x in articles.stdout.splitlines()) == [
        "good_a.txt", "good_b.html",
    ]
    table = runner.invoke(app, ["failures", "--db", str(db)])
    assert table.exit_code == 0 and "binary file" in table.stdout


def test_ingest_again_skips_everything_and_says_so(seeded: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(SEEDS), "--manifest", str(SEEDS / "manifest.jsonl"), "--db", str(seeded)]
    )
    assert result.exit_code == 0
    assert "5 pages: 0 articles, 0 duplicates, 0 failed, 5 already stored" in result.stderr


def test_articles_in_every_format(seeded: Path) -> None:
    table = runner.invoke(app, ["articles", "--db", str(seeded)])
    assert table.exit_code == 0 and "Press TV" in table.stdout and "SouthFront" in table.stdout
    lines = runner.invoke(app, ["articles", "--db", str(seeded), "--format", "jsonl"]).stdout
    rows = [json.loads(x) for x in lines.splitlines()]
    assert len(rows) == 5 and {r["events"] for r in rows} == {1}
    limited = runner.invoke(app, ["articles", "--db", str(seeded), "--format", "csv", "--limit", "2"])
    parsed = list(csv.DictReader(io.StringIO(limited.stdout)))
    assert len(parsed) == 2 and parsed[0]["outlet"] == "The Moscow Times"
    bad = runner.invoke(app, ["articles", "--db", str(seeded), "--format", "xml"])
    assert bad.exit_code == 2 and "unknown format 'xml'" in bad.stderr


def test_show_one_article(seeded: Path) -> None:
    rows = runner.invoke(app, ["articles", "--db", str(seeded), "--format", "jsonl"]).stdout
    first = json.loads(rows.splitlines()[0])
    shown = runner.invoke(app, ["show", first["article_id"], "--db", str(seeded)])
    assert shown.exit_code == 0
    assert "outlet: The Moscow Times" in shown.stdout and "published: 2012-11-22" in shown.stdout
    assert "CONSULT" in shown.stdout  # its event
    missing = runner.invoke(app, ["show", "nope", "--db", str(seeded)])
    assert missing.exit_code == 1 and "no article 'nope'" in missing.stderr


def test_events_with_filters_and_formats(seeded: Path) -> None:
    base = ["events", "--db", str(seeded)]
    table = runner.invoke(app, base)
    assert table.exit_code == 0 and "CONSULT" in table.stdout
    jsonl = runner.invoke(app, [*base, "--format", "jsonl"]).stdout.splitlines()
    assert len(jsonl) == 5
    event = json.loads(jsonl[0])
    assert event["source"][0]["code"] == "NOR" and event["outlet"] == "The Moscow Times"
    dyad = runner.invoke(app, [*base, "--dyad", "NOR,CHL", "--format", "jsonl"]).stdout
    assert len(dyad.splitlines()) == 5
    assert runner.invoke(app, [*base, "--dyad", "CHL,NOR", "--format", "jsonl"]).stdout == ""
    since = runner.invoke(app, [*base, "--since", "2016-03", "--until", "2016", "--format", "csv"])
    parsed = list(csv.DictReader(io.StringIO(since.stdout)))
    assert [(r["outlet"], r["date"], r["source"]) for r in parsed] == [("SouthFront", "2016-08", "NOR")]
    few = runner.invoke(app, [*base, "--actor", "CHL", "--outlet", "Press TV", "--format", "jsonl"])
    assert len(few.stdout.splitlines()) == 1
    assert runner.invoke(app, [*base, "--type", "ACCUSE", "--format", "jsonl"]).stdout == ""
    assert len(runner.invoke(app, [*base, "--limit", "2", "--format", "jsonl"]).stdout.splitlines()) == 2
    bad = runner.invoke(app, [*base, "--dyad", "RUS"])
    assert bad.exit_code == 2 and "SOURCE,TARGET" in bad.stderr


def test_extract_prints_metadata_and_body_and_stores_nothing(tmp_path: Path) -> None:
    page = SEEDS / "003_267f2ca69a1884cd.txt"
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {
        "title", "outlet", "author", "published", "published_source",
        "published_not_before", "language", "body",
    }
    assert data["language"] == "en" and len(data["body"]) > 200
    text = runner.invoke(app, ["extract", str(page), "--format", "text"])
    assert text.exit_code == 0 and text.stdout.startswith("title:") and "language: en" in text.stdout
    (tmp_path / "empty.txt").write_bytes(b"")
    empty = runner.invoke(app, ["extract", str(tmp_path / "empty.txt")])
    assert empty.exit_code == 1 and "empty file" in empty.stderr
    assert not list(tmp_path.glob("*.duckdb"))


def test_code_round_trip_with_a_bad_line_in_the_middle(
    tmp_path: Path, stub_coder: StubCoder
) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Norway met Chile. Then nothing.", "published": "2020-01-02"}),
        "{not json",
        json.dumps({"id": 7, "text": "Norway met Chile again."}),
        json.dumps({"id": "c"}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["code", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 1
    errors = [x for x in result.stderr.splitlines() if x.startswith("line ")]
    assert [x.split(":")[0] for x in errors] == ["line 2", "line 4"]
    events = [json.loads(x) for x in out.read_text().splitlines()]
    assert [e["id"] for e in events] == ["a", 7]
    first = events[0]
    for key in (
        "id", "type", "mode", "context", "cameo", "quad_class", "intensity", "source", "target",
        "location", "date", "date_precision", "negated", "hypothetical", "speaker", "evidence",
        "start", "end", "confidence",
    ):
        assert key in first, key
    assert first["source"] == {"text": "Norway", "code": "NOR", "country": "NOR", "sector": None}
    assert first["evidence"] == "Norway met Chile." and first["date"] == "2020-01-02"
    piped = runner.invoke(app, ["code"], input=lines[0] + "\n")
    assert piped.exit_code == 0 and json.loads(piped.stdout)["id"] == "a"


def test_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store at" in result.stderr
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nothing"), "--db", str(tmp_path / "x.duckdb")])
    assert missing.exit_code == 2 and "no such file or folder" in missing.stderr


def test_python_dash_m_and_the_console_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for command in ("ingest", "articles", "show", "extract", "events", "code", "failures"):
        assert command in result.stdout
    script = Path(sys.executable).parent / "newsgraph"
    assert script.exists()
    stats = subprocess.run(
        [str(script), "extract", str(SEEDS / "000_e6c350a121f355aa.txt"), "--format", "text"],
        capture_output=True, text=True, check=False,
    )
    assert stats.returncode == 0 and "language: en" in stats.stdout


def test_reading_a_store_a_server_holds_says_where_to_read_it(seeded: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent / "web"))
    from serverproc import start_server

    server = start_server(seeded, tmp_path / "server.log")
    try:
        result = runner.invoke(app, ["articles", "--db", str(seeded)])
    finally:
        server.stop()
    assert result.exit_code != 0
    assert "held by a running newsgraph server" in result.stderr
    assert f"{server.url}/api/" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    after = runner.invoke(app, ["articles", "--db", str(seeded), "--format", "jsonl"])
    assert after.exit_code == 0 and len(after.stdout.splitlines()) == 5


def test_serve_passes_its_options_to_the_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import newsgraph.web

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(newsgraph.web, "serve", lambda db, **kw: calls.append({"db": db, **kw}))
    db = str(tmp_path / "x.duckdb")
    assert runner.invoke(app, ["serve", "--db", db, "--port", "0", "--no-cache"]).exit_code == 0
    assert runner.invoke(app, ["serve", "--db", db]).exit_code == 0
    assert calls[0] == {"db": db, "host": "127.0.0.1", "port": 0, "read_only": False, "cache": False,
                        "allowed_hosts": ""}
    assert calls[1]["cache"] is True and calls[1]["port"] == 8000
