"""The public Python API: ``newsgraph.extract``, ``open``, ``code``, ``ingest`` and records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import StoreError
from newsgraph.records import Event

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def test_all_names_the_api_and_the_records() -> None:
    expected = {"extract", "open", "code", "ingest", "Settings", "Article", "Event", "Actor", "Page"}
    assert expected <= set(newsgraph.__all__)
    for name in newsgraph.__all__:
        assert getattr(newsgraph, name) is not None, name


def test_import_is_light() -> None:
    probe = (
        "import sys, newsgraph; "
        "print(sorted(m for m in ('spacy', 'duckdb', 'trafilatura') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "first",
    ["import newsgraph.extract.text", "from newsgraph.extract import extract_page", "newsgraph.extract"],
)
def test_extract_is_callable_however_the_package_was_imported_first(first: str) -> None:
    page = SEEDS / "001_ef909ba886559b65.txt"
    probe = f"import newsgraph\n{first}\nprint(newsgraph.extract({str(page)!r}).language)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "en"


def test_extract_takes_a_path_html_or_text() -> None:
    text = (SEEDS / "003_267f2ca69a1884cd.txt").read_text(encoding="utf-8")
    from_path = newsgraph.extract(SEEDS / "003_267f2ca69a1884cd.txt")
    from_text = newsgraph.extract(text)
    assert isinstance(from_path, newsgraph.Article) and from_path.body == from_text.body
    paragraphs = "".join(f"<p>{p}</p>" for p in from_text.body.split("\n\n"))
    from_html = newsgraph.extract(f"<html><body><article>{paragraphs}</article></body></html>")
    assert from_html.content_type == "html" and len(from_html.body) > 200


def test_ingest_then_open_read_only(tmp_path: Path) -> None:
    settings = newsgraph.Settings(db=str(tmp_path / "api.duckdb"), code_events=False)
    report = newsgraph.ingest(SEEDS, settings, manifest=SEEDS / "manifest.jsonl")
    assert (report.articles, report.failed) == (5, 0)
    with newsgraph.open(settings.db) as store:
        assert store.read_only and store.counts()["articles"] == 5
        assert {a["outlet"] for a in store.articles()} >= {"Press TV", "SouthFront"}
        with pytest.raises(StoreError, match="read-only"):
            store.finish_run(store.new_run([], {}), skipped=0)


def test_code_returns_events(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.events as events

    def fake(text: str, published: str | None = None) -> list[Event]:
        return [
            Event("CONSULT", None, None, "040", 1, 1.0, (), (), text, 0, len(text), 0, "met",
                  date=published)
        ]

    monkeypatch.setattr(events, "code", fake, raising=False)
    [event] = newsgraph.code("Norway met Chile.", published="2020-01-02")
    assert isinstance(event, Event) and event.date == "2020-01-02"
