"""The stories gate: ECB+ documents clustered into stories by the real pipeline.

``../shared/gold/stories/ecbplus_dev.jsonl`` (or ``$NEWSGRAPH_SHARED``) holds news
documents about pairs of similar but different events (``story`` is the gold event,
``<topic>-ecb`` or ``<topic>-ecbplus``).  The split is by topic and fixed: topics
``1 mod 4`` are the *fit* part (weights and threshold were chosen on it), topics
``3 mod 4`` the *scored* part, never read but to score.

``score(part)`` writes the part's documents (url, title, text: no date, as the set
has none) as a JSONL page file, ingests it into a fresh store with the project's
settings (``min_body_chars`` lowered so that short wire items are kept), and scores
the stored stories against the gold events with B-cubed (sub-topic: the gold story;
topic: the topic number).  A near-duplicate page counts in its twin's story.

    python -m newsgraph.stories.ecbplus          # both parts, side by side
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from ..settings import Settings
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
    part: str, path: Path | None = None, settings: Settings | None = None
) -> dict[str, BCubed]:
    """Ingest one part into a fresh store and score its stories (sub-topic and topic)."""
    from ..ingest.pipeline import ingest
    from ..store import Store

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


def main() -> int:
    if not default_path().is_file():
        print(f"no ECB+ development set at {default_path()}")
        return 1
    print("part     docs  sub-topic P / R / F1        topic P / R / F1")
    for part in PARTS:
        s = score(part)
        sub, top = s["subtopic"], s["topic"]
        print(
            f"{part:8} {len(load(part)):4}  {sub.precision:.3f} / {sub.recall:.3f} / {sub.f1:.3f}"
            f"     {top.precision:.3f} / {top.recall:.3f} / {top.f1:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
