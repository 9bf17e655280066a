"""What the training scripts of the coder's learned parts share: where the development
sets are, the folds of the train part, and the measures of the project's own gold set.

Imported by ``train_event_head.py`` and ``train_linker.py`` (beside this file).
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "gold" / "plover_news_dev.jsonl"
OWN = ROOT / "tests" / "data" / "events_gold.jsonl"
OWN_FLOORS = ROOT / "tests" / "floors" / "events_gold.json"
FOLDS = 5


def fold_of(record_id: str) -> int:
    """The cross-validation fold of a train record (by its id, stable across runs)."""
    return zlib.crc32(record_id.encode("utf-8")) % FOLDS


def own_scores(
    coder: Any, rows: Sequence[dict[str, Any]], docs: Sequence[Any]
) -> tuple[dict[str, float], list[Any]]:
    """Precision and recall of tests/events/test_gold.py on the project's own gold set,
    and the codings they were read from."""
    sys.path.insert(0, str(ROOT / "tests" / "events"))
    from scoring import event_triples, gold_triples, micro

    codings = [
        coder.code_doc(doc, row.get("published")) for row, doc in zip(rows, docs, strict=True)
    ]
    p, r, *_ = micro(
        (event_triples(c.events), gold_triples(row["events"]))
        for row, c in zip(rows, codings, strict=True)
    )
    return {"precision": p, "recall": r}, codings


def dev_scores(coder: Any, measures: Sequence[str]) -> dict[str, dict[str, float]]:
    """``measures`` of ``coder`` on each part of the development set, rounded."""
    from newsgraph.events.score import load_gold, prediction, score

    records = load_gold(DEV)
    texts = coder.nlp.pipe(r["text"] for r in records)
    preds = {str(r["id"]): [prediction(e) for e in coder.code_doc(doc, None).events]
             for r, doc in zip(records, texts, strict=True)}  # fmt: skip
    out = {}
    for part in ("train", "heldout"):
        s = score([r for r in records if r["split"] == part], preds)
        out[part] = {k: round(getattr(s, k), 3) for k in measures}
    return out


def write_scores(
    card: Path,
    trained: str,
    columns: dict[str, str],
    measures: Sequence[str],
    scores: dict[str, dict[str, float]],
    own: list[str],
) -> None:
    """A model card's scores: the line saying how it was ``trained``, a table of
    ``measures`` by ``columns`` (score name -> column title) and the lines on the own
    gold set, between the card's ``<!-- scores -->`` markers (none: nothing written)."""
    text = card.read_text(encoding="utf-8")
    start, end = "<!-- scores -->", "<!-- /scores -->"
    if start not in text or end not in text:
        return
    lines = [start, trained, "", "| measure | " + " | ".join(columns.values()) + " |",
             "|---|" + "---:|" * len(columns)]  # fmt: skip
    for k in measures:
        cells = [f"{scores[c][k]:.3f}" if c in scores else "-" for c in columns]
        lines.append(f"| {k.replace('_', ' ')} | " + " | ".join(cells) + " |")
    lines += ["", *own, end]
    before, rest = text.split(start, 1)
    card.write_text(before + "\n".join(lines) + rest.split(end, 1)[1], encoding="utf-8")
