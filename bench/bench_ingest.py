"""Issue: foundation. Extraction and ingest speed as ratios to trafilatura's bare extract.

Three figures, each on the same pages in the same process:

* HTML extraction: ``newsgraph.extract.extract_page`` vs ``trafilatura.extract``;
* text extraction (furniture classifier, title, outlet, dates, language) vs
  ``trafilatura.extract`` on the same text wrapped in minimal HTML paragraphs;
* the whole ingest into DuckDB (read, decode, extract, dates, dedup, store) vs reading
  the same files and running ``trafilatura.extract``.  Without event coding, story
  clustering and tone scoring, which are later stages; a second row shows the cost
  with tone scoring on (the default of ``newsgraph ingest --no-code``).

The two sides run interleaved, page by page for the extraction figures and run by run
for the whole ingest, so that a change in the machine's load hits both alike; each
round gives a ratio of the two sides' totals and the table shows the median round, in
wall time and in the CPU time of the process.

Target: what newsgraph adds around the extraction costs at most 30% (ratio <= 1.30).
"""

from __future__ import annotations

import html
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.make_corpus import write_corpus

TARGET = 1.30


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    pages: int
    base_wall: float
    ours_wall: float
    base_cpu: float
    ours_cpu: float
    gated: bool = True  # held to the target


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _compare(
    name: str,
    items: Sequence[Any],
    base: Callable[[Any], object],
    ours: Callable[[Any], object],
    rounds: int,
    gated: bool = True,
    pages: int | None = None,
) -> Row:
    """Run ``base`` and ``ours`` on each item, side by side, for a number of rounds.

    The two alternate item by item (and which goes first alternates too), so a change
    in the machine's load hits both alike.  Each round gives a ratio of the two sides'
    totals; the row holds the round with the median wall-time ratio (CPU likewise).
    """
    for item in items[:3]:  # warm-up: models, caches, lazy imports
        base(item), ours(item)
    per_round: list[tuple[float, float, float, float]] = []
    for r in range(rounds):
        spent = {"base": [0.0, 0.0], "ours": [0.0, 0.0]}
        for i, item in enumerate(items):
            sides = (("base", base), ("ours", ours))
            for side, fn in sides if (i + r) % 2 == 0 else sides[::-1]:
                wall, cpu = _clock()
                fn(item)
                wall2, cpu2 = _clock()
                spent[side][0] += wall2 - wall
                spent[side][1] += cpu2 - cpu
        per_round.append((spent["base"][0], spent["ours"][0], spent["base"][1], spent["ours"][1]))
    by_wall = sorted(per_round, key=lambda t: t[1] / t[0])[len(per_round) // 2]
    by_cpu = sorted(per_round, key=lambda t: t[3] / t[2])[len(per_round) // 2]
    count = len(items) if pages is None else pages
    return Row(name, count, by_wall[0], by_wall[1], by_cpu[2], by_cpu[3], gated)


def _wrap(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    return f"<html><body><article>{paragraphs}</article></body></html>"


def _settings(db: Path, tone: bool) -> Any:
    """Ingest settings without coding or stories, with or without tone scoring."""
    from newsgraph.settings import Settings

    return Settings(code_events=False, stories=False, db=str(db), tone=tone)


def run(quick: bool = False) -> str:
    import trafilatura

    from newsgraph.extract import extract_page
    from newsgraph.ingest.pipeline import ingest
    from newsgraph.settings import Settings
    from newsgraph.sources import iter_pages

    n = 60 if quick else 600
    rounds = 3 if quick else 5
    settings = Settings(code_events=False, stories=False)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kind in ("html", "text"):
            folder = write_corpus(n, root / kind, [kind])
            pages = list(iter_pages([folder], settings))
            wrapped = {p.location: p.content if kind == "html" else _wrap(p.content) for p in pages}
            rows.append(
                _compare(
                    f"{kind} extraction",
                    pages,
                    lambda p, w=wrapped: trafilatura.extract(w[p.location]),
                    lambda p: extract_page(p, settings),
                    rounds,
                )
            )

        mixed = write_corpus(n, root / "mixed", ["html", "text"], seed=11)
        files = sorted(p for p in mixed.rglob("*") if p.is_file())

        def baseline(_: object) -> None:
            for path in files:
                raw = path.read_text(encoding="utf-8")
                trafilatura.extract(raw if path.suffix == ".html" else _wrap(raw))

        db_dir = root / "dbs"
        db_dir.mkdir()
        counter = iter(range(1000))

        def whole(tone: bool) -> Callable[[object], object]:
            def go(_: object) -> object:
                return ingest([mixed], _settings(db_dir / f"run{next(counter)}.duckdb", tone))

            return go

        # one item: the whole folder, ingested into a new store each time
        rows.append(
            _compare(
                "whole ingest into DuckDB (no coding, no stories, no tone)",
                [None],
                baseline,
                whole(False),
                2 * rounds,
                pages=len(files),
            )
        )
        rows.append(
            _compare(
                "whole ingest with tone scoring (no coding, no stories)",
                [None],
                baseline,
                whole(True),
                rounds,
                gated=False,
                pages=len(files),
            )
        )
    return _table(rows)


def _table(rows: list[Row]) -> str:
    lines = [
        "## Ingest (foundation)",
        "",
        "Pages from `bench/make_corpus.py`; baseline = `trafilatura.extract` on the same pages "
        "(text pages wrapped in `<p>` paragraphs). Ratio = newsgraph time / baseline time, "
        "median of rounds in which the two run interleaved (page by page; run by run for the "
        "whole ingest), in wall time and in the process's CPU time; target <= "
        f"{TARGET:.2f} in wall time for the first three rows. Tone scoring (VADER) belongs to "
        "the story stages and is shown apart.",
        "",
        "| what | pages | baseline pages/s | newsgraph pages/s | ratio (wall) | ratio (CPU) "
        "| target met |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        wall = row.ours_wall / row.base_wall
        cpu = row.ours_cpu / row.base_cpu
        met = ("yes" if wall <= TARGET else "no") if row.gated else "n/a"
        lines.append(
            f"| {row.name} | {row.pages} | {row.pages / row.base_wall:.1f} | "
            f"{row.pages / row.ours_wall:.1f} | {wall:.2f} | {cpu:.2f} | {met} |"
        )
    return "\n".join(lines)
