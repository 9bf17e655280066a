"""The stories gate: ECB+ documents clustered into stories by the real pipeline.

``../shared/gold/stories/ecbplus_dev.jsonl`` (or ``$NEWSGRAPH_SHARED``) holds news
documents about pairs of similar but different events (``story`` is the gold event,
``<topic>-ecb`` or ``<topic>-ecbplus``).  The split is by topic and fixed: topics
``1 mod 4`` are the *fit* part (weights and threshold were chosen on it), topics
``3 mod 4`` the *scored* part, never read but to score.

``score(part, ingest)`` writes the part's documents (url, title, text: no date, as
the set has none) as a JSONL page file, has ``ingest`` (``newsgraph.ingest.ingest``,
passed in: this layer does not drive the pipeline) store it in a fresh store with
the project's settings (``min_body_chars`` lowered so that short wire items are
kept), and scores the stored stories against the gold events with B-cubed (sub-topic:
the gold story; topic: the topic number).  A near-duplicate page counts in its
twin's story.

    python scripts/score_stories.py          # both parts, side by side
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..settings import Settings
from ..store import Store
from .bcubed import BCubed, bcubed

PARTS = ("fit", "scored")


def default_path() -> Path:
    shared = os.environ.get("NEWSGRAPH_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parents[3].parent / "shared"
    return base / "gold" / "stories" / "ecbplus_dev.jsonl"


def part_of(story: str) -> str:
    """``fit`` for topics 1 mod 4, ``scored`` for the others (3 mod 4)."""
    return "fit" if int(story.split("-")[0]) % 4 == 1 else "scored"


def load(part: str, path: Path | None = None) -> list[dict[str, str]]:
    """The documents of one part, in file order."""
    rows = [json.loads(line) for line in (path or default_path()).read_text("utf-8").splitlines()]
    return [r for r in rows if r.get("story") and part_of(str(r["story"])) == part]


def score(
    part: str,
    ingest: Callable[[list[Path], Settings], Any],
    path: Path | None = None,
    settings: Settings | None = None,
) -> dict[str, BCubed]:
    """Ingest one part into a fresh store and score its stories (sub-topic and topic)."""
    docs = load(part, path)
    gold = {d["url"]: str(d["story"]) for d in docs}
    with tempfile.TemporaryDirectory(prefix="ecbplus-") as folder:
        pages = Path(folder) / f"{part}.jsonl"
        pages.write_text(
            "".join(json.dumps({k: d[k] for k in ("url", "title", "text")}) + "\n" for d in docs),
            encoding="utf-8",
        )
        base = settings or Settings()
        chosen = replace(base, db=str(Path(folder) / "gate.duckdb"), min_body_chars=20)
        ingest([pages], chosen)
        with Store.open(chosen.db, read_only=True) as store:
            conn = store.connection
            predicted = {
                str(url): str(sid)
                for url, sid in conn.execute(
                    "SELECT a.url, sa.story_id FROM story_articles sa JOIN articles a "
                    "USING (article_id) UNION ALL SELECT d.url, sa.story_id FROM duplicates d "
                    "JOIN story_articles sa ON sa.article_id = d.of_article_id"
                ).fetchall()
            }
    for url in gold:
        predicted.setdefault(url, f"alone:{url}")  # a page that was not stored
    topics = {url: story.split("-")[0] for url, story in gold.items()}
    return {"subtopic": bcubed(predicted, gold), "topic": bcubed(predicted, topics)}
