"""Issue: event coding on news written by others. Accuracy, train and held-out side by side.

    python -m bench accuracy

The coder (rules with the learned head and linker, as shipped, and the rules alone) on the PLOVER
development set in ``../shared/gold/plover_news_dev.jsonl`` (``NEWSGRAPH_SHARED`` points at
another copy): the measures of ``newsgraph.events.score`` (those of the set's own scorer)
for its train part (read and fitted on) and its held-out part (only scored).  The
floors the gate pins are in ``tests/floors/events_dev.json``; the targets are the issue's.
Then whole articles: the ECB+ articles labelled sentence by sentence
(``tests/data/ecb_events.jsonl``), each coded whole, on the part rules may be written from
(write) and the part of topics only scored (check), as ``scripts/score_ecb_events.py`` scores
them and ``tests/events/test_ecb_gate.py`` pins them.
Where ../shared is absent the section says so and keeps no figures.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "gold" / "plover_news_dev.jsonl"
FLOORS = ROOT / "tests" / "floors" / "events_dev.json"
ROWS = [
    ("type recall", "type_recall"),
    ("type precision", "type_precision"),
    ("triple recall", "triple_recall"),
    ("5-class accuracy", "five_class"),
    ("event detection recall", "detection_recall"),
    ("actor country precision", "actor_precision"),
    ("actor country recall", "actor_recall"),
    ("recipient country precision", "recipient_precision"),
    ("recipient country recall", "recipient_recall"),
]


def _parts(records: list[dict[str, Any]], learned: bool) -> dict[str, Any]:
    from newsgraph.events.coder import Coder
    from newsgraph.events.score import prediction, score_parts

    coder = Coder(head=learned, linker=learned)
    codings = coder.code_many(((r["text"], None) for r in records), batch_size=16)
    preds = {
        str(r["id"]): [prediction(e) for e in c.events]
        for r, c in zip(records, codings, strict=True)
    }
    return score_parts(records, preds)


def run(quick: bool = False) -> str:
    head = "## Accuracy on news written by others (PLOVER development set)"
    if not DEV.exists():
        return f"{head}\n\nNot measured: no development set at {DEV} (set NEWSGRAPH_SHARED)."
    from newsgraph.events.score import load_gold

    records = load_gold(DEV)
    both = _parts(records, learned=True)
    rules = _parts(records, learned=False)
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    held, targets = pinned.get("heldout", {}), pinned.get("targets", {}).get("heldout", {})
    n = {p: sum(r.get("split") == p for r in records) for p in both}
    lines = [
        head,
        "",
        f"{DEV.name}: {n.get('train', 0)} train sentences (read and fitted on), "
        f"{n.get('heldout', 0)} held-out (only scored). Shipped coder = rules + learned head "
        "+ learned argument linker; rules alone = `Coder(head=False, linker=False)`. Floors are those the gate pins "
        "(`tests/floors/events_dev.json`); targets are the issue's, on the held-out part.",
        "",
        "| measure | train | held-out | train, rules alone | held-out, rules alone "
        "| held-out floor | held-out target | target met |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for label, attr in ROWS:
        value = getattr(both["heldout"], attr)
        floor = held.get(attr, {}).get("floor")
        target = targets.get(attr)
        lines.append(
            f"| {label} | {getattr(both['train'], attr):.3f} | {value:.3f} | "
            f"{getattr(rules['train'], attr):.3f} | {getattr(rules['heldout'], attr):.3f} | "
            f"{'' if floor is None else f'{floor:.3f}'} | "
            f"{'' if target is None else f'{target:.2f}'} | "
            f"{'' if target is None else ('yes' if value >= target else 'no')} |"
        )
    gap = both["train"].type_recall - both["heldout"].type_recall
    lines += [
        "",
        f"Train minus held-out type recall: {gap:.3f} (the rules were written against the "
        "train part; the gap is what they overfit it).",
        "",
        *_articles(),
    ]
    return "\n".join(lines)


ARTICLE_ROWS = [
    ("type recall", "type_recall"),
    ("type precision", "type_precision"),
    ("triple recall", "triple_recall"),
    ("false events per article", "false_events_per_document"),
]


def _articles() -> list[str]:
    """The whole-article figures, write and check parts, shipped and rules alone."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "score_ecb_events", ROOT / "scripts" / "score_ecb_events.py"
    )
    assert spec and spec.loader
    ecb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ecb)
    if not ecb.DOCS.exists():
        return [f"Whole articles: not measured, no ECB+ documents at {ecb.DOCS}."]
    from newsgraph.events.coder import Coder

    labels = ecb.load_labels()
    docs = ecb.load_documents({r["url"] for r in labels})
    figures = {}
    for name, coder in (("shipped", Coder()), ("rules", Coder(head=False, linker=False))):
        preds = ecb.place_events(labels, docs, ecb.code_documents(docs, coder))
        for part in ("write", "check"):
            figures[name, part] = ecb.measures(ecb.part_of(labels, part), preds)
    size = {p: figures["shipped", p] for p in ("write", "check")}
    lines = [
        "### Whole articles (ECB+ articles labelled sentence by sentence)",
        "",
        f"`tests/data/ecb_events.jsonl`, each article coded whole. Write part (rules may be "
        f"written from it): {size['write']['sentences']:g} sentences, "
        f"{size['write']['gold_events']:g} events; check part (topics only scored, never read "
        f"for a rule): {size['check']['sentences']:g} sentences, "
        f"{size['check']['gold_events']:g} events. Floors in `tests/floors/events_ecb.json`.",
        "",
        "| measure | write | check | write, rules alone | check, rules alone |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, key in ARTICLE_ROWS:
        cells = [figures[n, p][key] for n in ("shipped", "rules") for p in ("write", "check")]
        lines.append(f"| {label} | " + " | ".join(f"{v:.3f}" for v in cells) + " |")
    return lines


if __name__ == "__main__":
    print(run())
