"""Kill -9 in the middle of a 2,000-page run, then run again: every page stored once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

_PEOPLE = [
    "Amara Okafor", "Lars Petersen", "Mei Tanaka", "Jonas Eriksen", "Farah Haddad", "Diego Morales",
    "Ingrid Solheim", "Kwame Mensah", "Olga Petrova", "Rafael Duarte", "Sana Qureshi", "Tomasz Nowak",
    "Elif Yildiz", "Hugo Laurent", "Nadia Rahman", "Pavel Sokolov", "Lucia Bianchi", "Omar Farouk",
]  # fmt: skip
_ROLES = [
    "the finance minister", "a regional governor", "the opposition leader", "the port authority chief",
    "the defence secretary", "a union spokesperson", "the central bank governor", "the mayor",
    "an army commander", "the health minister", "a trade negotiator", "the foreign minister",
]  # fmt: skip
_VERBS = [
    "announced", "criticised", "welcomed", "rejected", "postponed", "approved", "questioned",
    "defended", "promised", "cancelled", "signed", "proposed", "investigated", "praised",
]  # fmt: skip
_THINGS = [
    "a new budget for rural schools", "plans for a coastal highway", "the grain export quota",
    "a ceasefire along the northern border", "fresh sanctions on steel imports", "a water treaty",
    "the sale of the state airline", "emergency funding for hospitals", "a fishing moratorium",
    "new rules for election observers", "a loan from foreign lenders", "the pipeline contract",
    "talks with striking dock workers", "a census of displaced families", "the railway upgrade",
]  # fmt: skip
_PLACES = [
    "Valdoria", "Port Emmett", "Kesran", "Lunaby", "Orvik", "Santa Brisa", "Tellmar", "Quorra",
    "Baskel", "Nyhavn Sound", "Ardent Bay", "Mirovka", "Delacroix Falls", "Hollin", "Zarev",
]  # fmt: skip
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_UNITS = ["jobs", "tonnes", "complaints", "homes", "votes"]


def page_text(index: int, sentences: int = 6) -> str:
    """An invented news page; different indexes give pages far from near-duplicates."""
    rng = random.Random(index * 7919 + 17)

    def sentence() -> str:
        return (
            f"{rng.choice(_PEOPLE)}, {rng.choice(_ROLES)}, {rng.choice(_VERBS)} "
            f"{rng.choice(_THINGS)} in {rng.choice(_PLACES)} on {rng.choice(_DAYS)}, citing "
            f"{rng.randint(2, 9999)} {rng.choice(_UNITS)} and a cost of {rng.randint(1, 900)} million."
        )

    title = f"{rng.choice(_PLACES)} report number {index}: {rng.choice(_THINGS)}"
    return f"{title}\n\n{' '.join(sentence() for _ in range(sentences))}\n"


def write_pages(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"page_{i:05d}.txt").write_text(page_text(i), encoding="utf-8")


def _ingest(pages: Path, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NEWSGRAPH_BATCH_SIZE": "50", "NEWSGRAPH_STORIES": "false"}
    return subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "ingest", str(pages), "--db", str(db), "--no-code"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=db.parent,
    )


def test_a_run_killed_with_sigkill_resumes_and_stores_every_page_once(tmp_path: Path) -> None:
    pages, db = tmp_path / "pages", tmp_path / "kill.duckdb"
    write_pages(pages, 2000)
    run = _ingest(pages, db)
    assert run.stderr is not None
    try:
        line = run.stderr.readline()  # printed after the first batch is committed
        assert line.startswith("ingest: "), line
        assert run.poll() is None, "the run ended before it could be killed"
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.wait(timeout=60)
        run.stderr.close()
    assert run.returncode == -signal.SIGKILL

    conn = duckdb.connect(str(db), read_only=True)  # the WAL of committed batches replays
    stored = conn.execute("SELECT count(*) FROM pages").fetchone()
    conn.close()
    assert stored is not None and 50 <= stored[0] < 2000

    started = time.monotonic()
    again = _ingest(pages, db)
    _, errors = again.communicate(timeout=600 - (time.monotonic() - started))
    assert again.returncode == 0, errors
    assert f"{stored[0]} already stored" in errors

    conn = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        assert q("SELECT count(*) FROM pages") == 2000
        assert q("SELECT count(DISTINCT location) FROM pages") == 2000
        assert q("SELECT count(*) FROM pages WHERE status = 'failed'") == 0
        articles, duplicates = q("SELECT count(*) FROM articles"), q("SELECT count(*) FROM duplicates")
        failures = q("SELECT count(*) FROM pages WHERE status = 'failed'")
        assert articles + duplicates + failures == 2000
        assert q("SELECT count(DISTINCT article_id) FROM articles") == articles
        assert q("SELECT count(DISTINCT location) FROM articles") == articles
        assert articles == 2000  # the generated pages are all distinct
        assert q("SELECT count(*) FROM minhashes") == articles
        assert q("SELECT count(DISTINCT run_id) FROM pages") == 2
    finally:
        conn.close()
