"""Issue: web. API latency under load: /api/events, /api/timeline and the overview page
``/`` on a store of 100k events.

    python -m bench web [--quick]

A synthetic store (100,000 events, 20,000 articles; 10,000 events with --quick) is
written through the Store API; the server runs as its own process
(``python -m newsgraph.web``, one uvicorn worker) and this process is the client:
closed-loop clients on one asyncio loop (uvloop when installed), each with its own
keep-alive HTTP/1.1 connection on loopback, written and parsed by hand on the socket
streams (an HTTP client library would spend more CPU than the server on these two
cores); a client sends its next request when the whole previous answer is read.
1, 10 and 50 concurrent clients, each level bounded in time and requests; latency is
from writing the request to reading the last byte of the answer.  Requests vary: a
random dyad of 30 countries, filters, sort orders and pages for /api/events; a
random dyad and period length for /api/timeline; the overview page ``/`` (the same page
for everyone, answered from the response cache between writes).  The levels run against the server
as it ships (with its response cache, whose hit rate is reported), then the 50-client
levels again against a second server started with ``--no-cache``.  Target: p99 under
100 ms at 50 clients.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = [
    ("RUS", "Moscow", 55.75, 37.62),
    ("TUR", "Ankara", 39.93, 32.86),
    ("USA", "Washington", 38.9, -77.04),
    ("CHN", "Beijing", 39.9, 116.4),
    ("FRA", "Paris", 48.86, 2.35),
    ("DEU", "Berlin", 52.52, 13.4),
    ("GBR", "London", 51.51, -0.13),
    ("IRN", "Tehran", 35.69, 51.39),
    ("ISR", "Jerusalem", 31.77, 35.21),
    ("SYR", "Damascus", 33.51, 36.28),
    ("UKR", "Kyiv", 50.45, 30.52),
    ("IND", "New Delhi", 28.61, 77.21),
    ("PAK", "Islamabad", 33.68, 73.05),
    ("EGY", "Cairo", 30.04, 31.24),
    ("SAU", "Riyadh", 24.71, 46.68),
    ("BRA", "Brasilia", -15.79, -47.88),
    ("MEX", "Mexico City", 19.43, -99.13),
    ("JPN", "Tokyo", 35.68, 139.69),
    ("KOR", "Seoul", 37.57, 126.98),
    ("PRK", "Pyongyang", 39.04, 125.76),
    ("NGA", "Abuja", 9.08, 7.4),
    ("ZAF", "Pretoria", -25.75, 28.19),
    ("ETH", "Addis Ababa", 9.03, 38.74),
    ("IRQ", "Baghdad", 33.31, 44.36),
    ("AFG", "Kabul", 34.53, 69.17),
    ("VEN", "Caracas", 10.48, -66.9),
    ("COL", "Bogota", 4.71, -74.07),
    ("GRC", "Athens", 37.98, 23.73),
    ("POL", "Warsaw", 52.23, 21.01),
    ("AZE", "Baku", 40.41, 49.87),
]
TYPES = [
    ("AGREE", 1, 2.5),
    ("CONSULT", 1, 4.0),
    ("SUPPORT", 1, 5.0),
    ("COOPERATE", 2, 9.5),
    ("AID", 2, 10.0),
    ("REQUEST", 3, 0.0),
    ("ACCUSE", 3, -2.0),
    ("REJECT", 3, -2.0),
    ("THREATEN", 3, -3.5),
    ("PROTEST", 4, -5.0),
    ("SANCTION", 4, -6.0),
    ("COERCE", 4, -7.0),
    ("ASSAULT", 4, -9.0),
]
OUTLETS = ["Harbour Post", "Ridge Courier", "Valley Herald", "Coast Ledger", "Plain Gazette"]


def build_store(path: Path, n_events: int, per_article: int = 5, seed: int = 3) -> float:
    """Write ``n_events`` synthetic events through the Store API; returns seconds taken."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph.records import Actor, Article, Coding, Event, Place, Sentence
    from newsgraph.store import ArticleOutcome, Store, page_id

    rng = random.Random(seed)
    started = time.perf_counter()
    n_articles = n_events // per_article
    with Store.open(path) as store:
        run = store.new_run(["bench:web synthetic"], {})
        batch: list[ArticleOutcome] = []
        for i in range(n_articles):
            year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
            published = f"{year}-{month:02d}-{day:02d}"
            events = []
            sentences = []
            body_parts = []
            offset = 0
            for k in range(per_article):
                (a, city_a, lat, lon), (b, *_) = rng.sample(COUNTRIES, 2)
                etype, quad, intensity = rng.choice(TYPES)
                text = f"Officials of {a} and {b} met in {city_a} over item {i}-{k}."
                sentences.append(Sentence(k, offset, offset + len(text), text))
                precise = rng.random()
                date = published if precise < 0.8 else published[:7] if precise < 0.95 else None
                events.append(
                    Event(
                        type=etype,
                        mode=None,
                        context=None,
                        cameo=None,
                        quad_class=quad,
                        intensity=intensity,
                        source=(Actor(a, a, country=a),),
                        target=(Actor(b, f"{b}GOV", country=b, sector="GOV"),),
                        evidence=text,
                        start=offset,
                        end=offset + len(text),
                        sentence_index=k,
                        trigger="met",
                        negated=rng.random() < 0.05,
                        location=Place(city_a, a, lat, lon) if rng.random() < 0.7 else None,
                        date=date,
                        date_precision="day"
                        if date and len(date) == 10
                        else "month"
                        if date
                        else "unknown",
                    )
                )
                body_parts.append(text)
                offset += len(text) + 1
            body = " ".join(body_parts)
            location = f"bench/{i:07d}.txt"
            article = Article(
                location=location,
                body=body,
                title=f"Item {i}",
                outlet=rng.choice(OUTLETS),
                url=f"https://example.test/{i}",
                author=None,
                published=published,
                published_source="manifest",
                published_not_before=None,
                language="en",
                content_type="text",
            )
            coding = Coding(
                sentences=tuple(sentences), mentions=(), events=tuple(events), quotes=()
            )
            batch.append(
                ArticleOutcome(
                    page_id=page_id(location),
                    location=location,
                    content_hash="bench",
                    article_id=f"b{i:07d}",
                    article=article,
                    body_hash=f"h{i}",
                    signature=b"",
                    bands=(),
                    coding=coding,
                )
            )
            if len(batch) == 2000:
                store.write_batch(run, batch)
                batch = []
        store.write_batch(run, batch)
        store.finish_run(run, 0)
    return time.perf_counter() - started


# -- the server process ------------------------------------------------------------------


def health(host: str, port: int) -> dict[str, Any]:
    import http.client

    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("GET", "/api/health")
        found: dict[str, Any] = json.loads(conn.getresponse().read())
        return found
    finally:
        conn.close()


def wait_for_index(host: str, port: int, timeout: float = 300) -> float:
    """Seconds until the server's in-memory index is fresh (it builds in the background)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if health(host, port)["index"]["fresh"]:
            return time.monotonic() - started
        time.sleep(0.2)
    raise RuntimeError("the index was not built in time")


def start_server(
    db: Path, log: Path, cache: bool = True
) -> tuple[subprocess.Popen[bytes], str, int]:
    announce = db.with_name(db.name + ".server.json")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    flags = [] if cache else ["--no-cache"]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph.web", str(db), "--port", "0", *flags],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-1000:]}")
        try:
            info = json.loads(announce.read_text())
            if info.get("pid") == proc.pid:
                return proc, info["host"], int(info["port"])
        except (OSError, ValueError):
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


# -- the load client ------------------------------------------------------------------------


def events_path(rng: random.Random) -> str:
    a, b = (c[0] for c in rng.sample(COUNTRIES, 2))
    kind = rng.random()
    if kind < 0.4:
        query = f"dyad={a},{b}&directed={rng.choice(['true', 'false'])}"
    elif kind < 0.6:
        query = f"actor={a}&since={rng.randint(2015, 2024)}"
    elif kind < 0.8:
        query = f"type={rng.choice(TYPES)[0]}&outlet={rng.choice(OUTLETS).replace(' ', '+')}"
    else:
        query = f"since={rng.randint(2015, 2023)}-{rng.randint(1, 12):02d}"
    sort = rng.choice(["date", "date", "intensity", "type"])
    return f"/api/events?{query}&sort={sort}&order={rng.choice(['asc', 'desc'])}&limit=50&offset={50 * rng.randint(0, 4)}"


def overview_path(rng: random.Random) -> str:
    return "/"


def timeline_path(rng: random.Random) -> str:
    a, b = (c[0] for c in rng.sample(COUNTRIES, 2))
    by = rng.choice(["day", "week", "month", "month", "year"])
    return f"/api/timeline?a={a}&b={b}&by={by}&directed={rng.choice(['true', 'false'])}"


async def _client(
    host: str,
    port: int,
    make: Any,
    rng: random.Random,
    deadline: float,
    budget: list[int],
    latencies: list[float],
    errors: list[str],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline and budget[0] > 0:
            budget[0] -= 1
            request = (
                f"GET {make(rng)} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n"
            )
            started = time.perf_counter()
            writer.write(request.encode())
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            length = next(
                int(x.split(":", 1)[1]) for x in lines if x.lower().startswith("content-length:")
            )
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors.append(f"{status} {lines[0]}")
    finally:
        writer.close()


def _run(main: Any) -> Any:
    """Run a coroutine on uvloop when it is installed (less client CPU), else asyncio."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def load(
    host: str, port: int, make: Any, clients: int, seconds: float, max_requests: int, seed: int = 0
) -> dict[str, float]:
    """Run ``clients`` concurrent keep-alive clients for at most ``seconds``/``max_requests``.

    Every client draws its own request sequence (seeded by ``seed`` and its number), so
    levels do not replay each other's requests into the server's response cache.
    """
    latencies: list[float] = []
    errors: list[str] = []
    budget = [max_requests]

    async def main() -> float:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(
            *(
                _client(
                    host,
                    port,
                    make,
                    random.Random(seed * 1000 + i),
                    deadline,
                    budget,
                    latencies,
                    errors,
                )
                for i in range(clients)
            )
        )
        return time.perf_counter() - started

    elapsed = _run(main())
    latencies.sort()
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else latencies * 99
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": q[49] * 1000,
        "p99": q[98] * 1000,
        "errors": len(errors),
    }


def _cache_counts(host: str, port: int) -> tuple[int, int]:
    found = health(host, port)["cache"]
    return (found["hits"], found["misses"]) if found else (0, 0)


def _levels(
    host: str, port: int, levels: tuple[int, ...], seconds: float, cap: int, seed: int
) -> list[tuple[str, int, dict[str, float]]]:
    rows = []
    for e, (name, make) in enumerate(
        (("/api/events", events_path), ("/api/timeline", timeline_path), ("/", overview_path))
    ):
        load(host, port, make, 4, 1.0, 100, seed=99)  # warm up
        for clients in levels:
            hits, misses = _cache_counts(host, port)
            result = load(host, port, make, clients, seconds, cap, seed=seed + 10 * e + clients)
            hits_after, misses_after = _cache_counts(host, port)
            asked = hits_after - hits + misses_after - misses
            result["hit_rate"] = 100 * (hits_after - hits) / asked if asked else 0.0
            rows.append((name, clients, result))
    return rows


def _machine() -> str:
    from importlib.util import find_spec

    loop = "uvloop" if find_spec("uvloop") else "asyncio"
    http = "httptools" if find_spec("httptools") else "h11"
    encoder = "orjson" if find_spec("orjson") else "json"
    return f"uvicorn on {loop} with {http}, JSON by {encoder}"


def run(quick: bool = False) -> str:
    n_events = 10_000 if quick else 100_000
    seconds, cap = (2.0, 2_000) if quick else (8.0, 20_000)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.duckdb"
        build_seconds = build_store(db, n_events)
        rows = []
        index_seconds = 0.0
        for cache in (True, False):
            proc, host, port = start_server(db, Path(tmp) / "server.log", cache=cache)
            try:
                waited = wait_for_index(host, port)
                index_seconds = max(index_seconds, waited)
                levels = (1, 10, 50) if cache else (50,)
                for name, clients, result in _levels(
                    host, port, levels, seconds, cap, seed=0 if cache else 100
                ):
                    result["cache"] = cache
                    rows.append((name, clients, result))
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    load_after = os.getloadavg()[0]
    lines = [
        "## Web API under load",
        "",
        f"Store of {n_events:,} events ({n_events // 5:,} articles) written through the Store API in "
        f"{build_seconds:.0f} s; server `python -m newsgraph.web` (one process, one uvicorn worker; "
        f"{_machine()}), its in-memory event index ready {index_seconds:.1f} s after start. "
        "The client is this process (a second one): closed-loop clients on one asyncio loop, each "
        "with its own keep-alive HTTP/1.1 connection over loopback, sending its next request when "
        "the last byte of the previous answer is read; latency from writing the request to that "
        f"byte. Each level runs {seconds:.0f} s or {cap:,} requests, whichever ends first, with "
        "requests drawn at random per client: `/api/events` with a dyad (directed or not), an "
        "actor and a start date, a type and an outlet, or a start month; sorted by date, "
        "intensity or type, either way; one of the first five pages of 50; `/api/timeline` "
        "for a random dyad of 30 countries, by day, week, month or year, directed or not; "
        "`/` the overview page (counts, latest stories, top dyads, outlets). "
        "Rows marked *cache off* come from a second server started with `--no-cache` (every "
        "request answered from the index); elsewhere the server's response cache answers the "
        "share of repeated requests given as cache hits. Server and client share the machine's "
        f"{os.cpu_count()} cores; 1-minute load average {load_before:.1f} before the run, "
        f"{load_after:.1f} after (other work included). `bench/bench_web.py`. "
        "Target: p99 < 100 ms at 50 clients; the overview at least 1,000 requests/s at 50 clients.",
        "",
        "| endpoint | clients | requests | req/s | p50 ms | p99 ms | non-200 | cache hits |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, clients, r in sorted(rows, key=lambda x: (x[0], not x[2]["cache"], x[1])):
        hits = f"{r['hit_rate']:.0f}%" if r["cache"] else "cache off"
        lines.append(
            f"| `{name}` | {clients} | {r['requests']:.0f} | {r['rps']:.0f} | {r['p50']:.1f} | "
            f"{r['p99']:.1f} | {r['errors']:.0f} | {hits} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
