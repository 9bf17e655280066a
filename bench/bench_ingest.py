"""Issue: foundation. Extraction and ingest speed as ratios to trafilatura's bare extract.

Three figures, each on the same pages in the same process:

* HTML extraction: ``newsgraph.extract.extract_page`` vs ``trafilatura.extract``;
* text extraction (furniture classifier, title, outlet, dates, language) vs
  ``trafilatura.extract`` on the same text wrapped in minimal HTML paragraphs;
* the whole ingest into DuckDB without event coding (read, decode, extract, dates,
  dedup, store) vs reading the same files and running ``trafilatura.extract``.

Target: what newsgraph adds around the extraction costs at most 30% (ratio <= 1.30).
"""

from __future__ import annotations

import html
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.make_corpus import write_corpus


def _timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def _wrap(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    return f"<html><body><article>{paragraphs}</article></body></html>"


def run(quick: bool = False) -> str:
    import trafilatura

    from newsgraph.extract import extract_page
    from newsgraph.pipeline import ingest
    from newsgraph.settings import Settings
    from newsgraph.sources import iter_pages

    n = 60 if quick else 600
    settings = Settings(code_events=False, stories=False)
    rows: list[tuple[str, int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kind in ("html", "text"):
            folder = write_corpus(n, root / kind, [kind])
            pages = list(iter_pages([folder], settings))
            contents = [p.content if kind == "html" else _wrap(p.content) for p in pages]
            base = _timed(lambda c=contents: [trafilatura.extract(x) for x in c])
            ours = _timed(lambda p=pages: [extract_page(x, settings) for x in p])
            rows.append((f"{kind} extraction", len(pages), base, ours))

        mixed = write_corpus(n, root / "mixed", ["html", "text"], seed=11)
        files = sorted(p for p in mixed.rglob("*") if p.is_file())

        def baseline() -> None:
            for path in files:
                raw = path.read_text(encoding="utf-8")
                trafilatura.extract(raw if path.suffix == ".html" else _wrap(raw))

        base = _timed(baseline, repeat=2)
        db_dir = root / "dbs"
        db_dir.mkdir()
        counter = iter(range(100))

        def whole() -> None:
            db = db_dir / f"run{next(counter)}.duckdb"
            ingest([mixed], Settings(code_events=False, stories=False, db=str(db)))

        ours = _timed(whole, repeat=2)
        rows.append(("whole ingest into DuckDB (no coding)", len(files), base, ours))

    lines = [
        "## Ingest (foundation)",
        "",
        "Pages from `bench/make_corpus.py`; baseline = `trafilatura.extract` on the same pages "
        "(text pages wrapped in `<p>` paragraphs). Ratio = newsgraph time / baseline time; "
        "target <= 1.30.",
        "",
        "| what | pages | baseline pages/s | newsgraph pages/s | ratio | target met |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, count, base, ours in rows:
        ratio = ours / base
        lines.append(
            f"| {name} | {count} | {count / base:.1f} | {count / ours:.1f} | {ratio:.2f} | "
            f"{'yes' if ratio <= 1.30 else 'no'} |"
        )
    return "\n".join(lines)
