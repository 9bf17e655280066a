"""Issue 13: places. The whole chain's startup, the gazetteer's load, the places stage's share.

    python -m bench places [--quick]

1. Startup: ``newsgraph ingest`` of one small text page into a fresh store, in a fresh
   process, from process start to exit (so the page read, extracted, coded, its places
   resolved and stored: an upper bound on the time to the first page coded).  Baseline
   in the same rounds: a fresh process that only loads the coder's spaCy pipeline
   (``spacy.load``), the floor of any coded startup.  Wall and CPU (user + system of the
   child, ``os.wait4``); the least of the rounds, the two run alternately.  Target: the
   chain's startup under 10 s.
2. The gazetteer: in a process that has loaded spaCy, the time and resident memory of
   the first ``geo.records.toponyms`` call (the gazetteer and its indexes are built
   lazily on first use), against the time of parsing the same text.
3. The places stage's share: one cProfile run (this process's CPU clock) of an inline
   ``ingest`` of the sample corpus (``examples/seeds``, with its manifest), models
   loaded before; places = finding and resolving the article's toponyms
   (``Places.read``, events/where.py), each event's place (``Places.where``,
   ``Places.location``) and the coder's place-to-country look-ups (``Places.place_country``).  Shares of the
   coding (spaCy's parse and ``Coder.code_doc``) and of the whole ingest.  Target: the
   places stage under 10% of the chain's CPU.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_profile import Site, cumulative

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
PAGE = (
    "Ministers meet in Ankara over the border\n\n"
    "Turkish and Russian ministers met in Ankara on Monday to discuss the fighting near "
    "Idlib, the foreign ministry said. Protesters gathered outside the Russian embassy, "
    "and police in the capital detained a dozen of them."
)
SPACY_ONLY = "import sys, spacy; spacy.load(sys.argv[1])"
GAZETTEER = r"""
import json, sys, time
import spacy
def rss():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS"))
nlp = spacy.load(sys.argv[1])
text = sys.argv[2]
nlp(text)
t0, c0 = time.perf_counter(), time.process_time()
doc = nlp(text)
parse = time.process_time() - c0
before = rss()
t0, c0 = time.perf_counter(), time.process_time()
from newsgraph.geo.records import toponyms
found = toponyms(doc)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
grown = rss() - before
c0 = time.process_time()
toponyms(doc)
again = time.process_time() - c0
print(json.dumps({"wall": wall, "cpu": cpu, "rss_kb": grown, "again": again,
                  "parse": parse, "found": len(found)}))
"""
PLACES: tuple[Site, ...] = (
    ("newsgraph/events/where.py", "read"),
    ("newsgraph/events/where.py", "where"),
    ("newsgraph/events/where.py", "location"),
    ("newsgraph/events/where.py", "place_country"),
)
CODING: tuple[Site, ...] = (
    ("spacy/language.py", "pipe"),
    ("newsgraph/events/coder.py", "code_doc"),
)


def _child(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """Run a child process: (wall seconds, CPU seconds, exit status)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise RuntimeError(f"{args[:4]} exited {proc.returncode}: {err[-1000:]}")
    if proc.stderr:
        proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, proc.returncode


def startup(rounds: int) -> dict[str, tuple[float, float]]:
    from newsgraph.settings import Settings

    model = Settings().spacy_model
    best: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-places-") as tmp:
        root = Path(tmp)
        page = root / "page.txt"
        page.write_text(PAGE, encoding="utf-8")
        for r in range(rounds):
            runs = {
                "spacy": [sys.executable, "-c", SPACY_ONLY, model],
                "chain": [
                    sys.executable,
                    "-m",
                    "newsgraph",
                    "ingest",
                    str(page),
                    "--db",
                    str(root / f"s{r}.duckdb"),
                ],
            }
            order = list(runs) if r % 2 == 0 else list(reversed(runs))
            for name in order:
                wall, cpu, _ = _child(runs[name], root)
                old = best.get(name)
                best[name] = (min(wall, old[0]), min(cpu, old[1])) if old else (wall, cpu)
    return best


def gazetteer() -> dict[str, float]:
    import json

    from newsgraph.settings import Settings

    done = subprocess.run(
        [sys.executable, "-c", GAZETTEER, Settings().spacy_model, PAGE.split("\n\n", 1)[1]],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def share() -> dict[str, float]:
    from newsgraph.events import Coder
    from newsgraph.ingest.pipeline import ingest
    from newsgraph.settings import Settings

    Coder(Settings()).code(PAGE, "2024-05-01")  # models and gazetteer loaded before
    with tempfile.TemporaryDirectory(prefix="bench-places-") as tmp:
        settings = Settings(db=str(Path(tmp) / "seeds.duckdb"))
        profiler = cProfile.Profile(time.process_time)
        started = time.process_time()
        profiler.enable()
        report = ingest([SEEDS], settings, manifest=SEEDS / "manifest.jsonl")
        profiler.disable()
        total = time.process_time() - started
    stats = pstats.Stats(profiler)
    loading = cumulative(stats, (("newsgraph/events/coder.py", "__init__"),))
    return {
        "places": cumulative(stats, PLACES),
        "coding": cumulative(stats, CODING),
        "total": total - loading,
        "loading": loading,
        "articles": float(report.articles),
        "events": float(report.events),
    }


def run(quick: bool = False) -> str:
    load = os.getloadavg()
    times = startup(1 if quick else 3)
    g = gazetteer()
    s = share()
    chain, base = times["chain"], times["spacy"]
    met = "met" if chain[0] < 10 else "not met"
    places_share = s["places"] / s["total"]
    lines = [
        "## Places: the whole chain's startup and the places stage's share (issue 13)",
        "",
        f"Machine load average at the start (1, 5, 15 min): {load[0]:.1f}, {load[1]:.1f}, "
        f"{load[2]:.1f} on {os.cpu_count()} cores (shared: wall times stretch, CPU times hold). "
        f"Least of {1 if quick else 3} round(s), the two processes alternately.",
        "",
        "| fresh process | wall s | CPU s | ratio to spaCy's load (wall) | ratio (CPU) |",
        "|---|---:|---:|---:|---:|",
        f"| `spacy.load` of the coder's pipeline alone (baseline) | {base[0]:.2f} | {base[1]:.2f} | 1.00 | 1.00 |",
        f"| `newsgraph ingest` of one small page, start to exit | {chain[0]:.2f} | {chain[1]:.2f} | "
        f"{chain[0] / base[0]:.2f} | {chain[1] / base[1]:.2f} |",
        "",
        f"Startup of the whole chain: **{chain[0]:.1f} s wall, {chain[1]:.1f} s CPU** "
        f"(target < 10 s: {met}).",
        "",
        f"Gazetteer, first use in a process with spaCy loaded (`geo.records.toponyms` on the "
        f"page's body, {int(g['found'])} toponyms): {g['wall']:.2f} s wall, {g['cpu']:.2f} s CPU, "
        f"resident memory +{g['rss_kb'] / 1024:.0f} MiB; the same call again {g['again'] * 1000:.1f} ms "
        f"CPU (its spaCy parse: {g['parse'] * 1000:.1f} ms).",
        "",
        f"Places stage on the sample corpus ({int(s['articles'])} articles, {int(s['events'])} "
        f"events; one cProfile run, this process's CPU, models loaded before): places "
        f"{s['places']:.2f} s of {s['coding']:.2f} s coding (spaCy parse and `code_doc`): "
        f"**{s['places'] / s['coding']:.1%} of coding**, {places_share:.1%} of the whole "
        f"ingest ({s['total']:.2f} s CPU; target < 10%: {'met' if places_share < 0.10 else 'not met'}).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
