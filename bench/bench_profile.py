"""Issue: scale out. Where the time goes: the cost of each stage per 1,000 articles.

    python -m bench profile [--quick]

ONE cProfile run over an inline ``ingest`` (the whole chain, event coding and stories
on) of about 300 generated pages of about 600 words (``bench_scale.long_pages``;
30 with ``--quick``).  Each stage's time is the cumulative time of the functions that
implement it; a stage nested in another (furniture in extraction; actors, quotes,
places and dates in the coder; tone in the after-batch hook) is subtracted from its
parent, so the rows add up to at most the CPU time of the run.  Models, lexicons and gazetteers
are loaded once per process before the profiled run (warm-up, timed apart) and the
per-run setup that remains (building the coder) is shown apart, not per article.  cProfile slows
pure-Python code more than native code: the shares are the point, not the rates.
"""

from __future__ import annotations

import cProfile
import pstats
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.bench_scale import write_long_corpus

Site = tuple[str, str]  # (path suffix of the file, function name)


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    sites: tuple[Site, ...]
    minus: tuple[Site, ...] = ()  # nested stages, shown in their own rows


_LOADING: tuple[Site, ...] = (
    ("newsgraph/events/coder.py", "__init__"),
    ("newsgraph/stories/embed.py", "load_encoder"),
    ("newsgraph/extract/language.py", "_identifier"),
)
STAGES = (
    Stage("read pages (sources)", (("newsgraph/sources/pages.py", "read_page"),)),
    Stage(
        "extract (main text, metadata, dates, language)",
        (("newsgraph/extract/__init__.py", "extract_page"),),
        (("newsgraph/extract/furniture.py", "classify"), ("newsgraph/extract/language.py", "_identifier")),
    ),
    Stage("furniture (text-page classifier)", (("newsgraph/extract/furniture.py", "classify"),)),
    Stage("dedup (MinHash, LSH lookups)", (("newsgraph/ingest/dedup.py", "resolve"),)),
    Stage("NLP (spaCy parse)", (("spacy/language.py", "pipe"),)),
    Stage("actors", (("newsgraph/actors/resolver.py", "mentions"),)),
    Stage(
        "events (triggers, roles, modality)",
        (("newsgraph/events/coder.py", "code_doc"),),
        (
            ("newsgraph/actors/resolver.py", "mentions"),
            ("newsgraph/events/quotes.py", "find_quotes"),
            ("newsgraph/events/quotes.py", "first_person"),
            ("newsgraph/events/where.py", "read"),
            ("newsgraph/events/where.py", "where"),
            ("newsgraph/events/where.py", "location"),
            ("newsgraph/events/where.py", "place_country"),
            ("newsgraph/eventdates.py", "resolve_event_date"),
            ("newsgraph/eventdates.py", "find_time_expressions"),
        ),
    ),
    Stage(
        "quotes",
        (("newsgraph/events/quotes.py", "find_quotes"), ("newsgraph/events/quotes.py", "first_person")),
    ),
    Stage(
        "places (toponyms found and resolved, event places)",
        (
            ("newsgraph/events/where.py", "read"),
            ("newsgraph/events/where.py", "where"),
            ("newsgraph/events/where.py", "location"),
            ("newsgraph/events/where.py", "place_country"),
        ),
    ),
    Stage(
        "event dates",
        (
            ("newsgraph/eventdates.py", "resolve_event_date"),
            ("newsgraph/eventdates.py", "find_time_expressions"),
        ),
    ),
    Stage("tone", (("newsgraph/ingest/work.py", "__call__"),)),
    Stage(
        "stories (embed, cluster, write)",
        (
            ("newsgraph/ingest/after.py", "batch"),
            ("newsgraph/ingest/after.py", "close"),
        ),
        (("newsgraph/stories/embed.py", "load_encoder"),),
    ),
    Stage(
        "store (DuckDB writes, lookups)",
        (("newsgraph/store/store.py", "write_batch"), ("newsgraph/store/store.py", "page_states")),
    ),
)


def cumulative(stats: pstats.Stats, sites: tuple[Site, ...]) -> float:
    """Summed cumulative seconds of the functions at these sites."""
    total = 0.0
    table = stats.stats  # type: ignore[attr-defined]
    for (filename, _, func), (_, _, _, cum, _) in table.items():
        path = filename.replace("\\", "/")
        if any(path.endswith(suffix) and func == name for suffix, name in sites):
            total += cum
    return total


SAMPLE = (
    "Greek officials met Turkish diplomats in Athens on Monday to discuss the border. "
    "Protesters gathered in Ankara and the police arrested dozens of them."
)


def warm() -> float:
    """Load what a long-running worker loads once; returns the seconds it took."""
    from newsgraph.events import Coder
    from newsgraph.extract import extract_page
    from newsgraph.records import Page
    from newsgraph.settings import Settings
    from newsgraph.stories.embed import cached_encoder

    started = time.process_time()
    settings = Settings()
    extract_page(Page("warm.txt", "Warm up\n\n" + SAMPLE * 4, "text"), settings)
    extract_page(Page("warm.html", f"<html><body><article><p>{SAMPLE * 4}</p></article></body></html>", "html"), settings)
    Coder(settings).code(SAMPLE, "2024-05-01")
    cached_encoder(getattr(settings, "story_encoder", "auto")).encode([SAMPLE])
    return time.process_time() - started


def profile(n: int) -> tuple[pstats.Stats, float, int, int]:
    """Profile one inline ingest of n pages: (stats, CPU seconds, pages, articles).

    The profiler's clock is this process's CPU time, so that other work on the
    machine does not inflate the figures.
    """
    from newsgraph.ingest.pipeline import ingest
    from newsgraph.settings import Settings

    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        root = Path(tmp)
        corpus = write_long_corpus(n, root / "corpus", ["text", "html"], seed=23)
        settings = Settings(db=str(root / "profile.duckdb"))
        profiler = cProfile.Profile(time.process_time)
        started = time.process_time()
        profiler.enable()
        report = ingest([corpus], settings)
        profiler.disable()
        cpu = time.process_time() - started
    return pstats.Stats(profiler), cpu, report.pages, report.articles


def run(quick: bool = False) -> str:
    n = 30 if quick else 300
    warm_up = warm()
    stats, cpu, pages, articles = profile(n)
    per = 1000 / max(articles, 1)
    loading = cumulative(stats, _LOADING)
    rows = []
    for stage in STAGES:
        seconds = max(0.0, cumulative(stats, stage.sites) - cumulative(stats, stage.minus))
        rows.append((stage.name, seconds))
    accounted = sum(s for _, s in rows) + loading
    rows.append(("other (run loop, iteration, glue)", max(0.0, cpu - accounted)))
    dominant = max(rows[:-1], key=lambda r: r[1])
    lines = [
        "## Profile: cost of each stage per 1,000 articles",
        "",
        f"One cProfile run of an inline `ingest` (coding and stories on) over {pages} generated "
        f"pages of ~600 words ({articles} articles): {cpu:.0f} CPU seconds under the profiler, "
        f"{articles / cpu:.2f} articles per CPU second. Loaded once per process before the run: "
        f"{warm_up:.1f} s; setup inside the run (building the coder): {loading:.1f} s "
        "(neither counted per article). Times are CPU time of the process (all its threads).",
        "",
        "| stage | CPU seconds | per 1,000 articles (s) | share |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds in rows:
        lines.append(
            f"| {name} | {seconds:.1f} | {seconds * per:.0f} | {seconds / cpu:.0%} |"
        )
    lines += [
        "",
        f"Dominant stage: **{dominant[0]}** ({dominant[1] / cpu:.0%} of the run).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(run(quick="--quick" in sys.argv))
