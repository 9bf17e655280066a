"""Score the event coder on the PLOVER development set (../shared/gold), train and held-out.

    .venv/bin/python scripts/score_events.py                # the table, both parts
    .venv/bin/python scripts/score_events.py --errors 40    # + 40 train sentences it gets wrong
    .venv/bin/python scripts/score_events.py --json         # the measures as JSON
    .venv/bin/python scripts/score_events.py --halves       # train halves A / B, rules alone too

With ``--halves`` the train part is split by a hash of the id (``train_half``): half A is
read and written from, half B only scored, and held-out is not scored at all; ``--errors``
then lists half A only.  A rule written from A is kept when B, on the rules alone
(``Coder(head=False, linker=False)``: the head and linker were trained on all of train),
does not lose.

The coder runs in this process (the same ``Coder`` that ``newsgraph code`` uses).
Misses are listed for the train part only: held-out sentences are scored, never read.
``NEWSGRAPH_SHARED`` points at another copy of ../shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "gold" / "plover_news_dev.jsonl"


def code_dev(records: list[dict[str, Any]], coder: Any = None) -> dict[str, list[dict[str, Any]]]:
    """Predicted events (scorer shape) per record id."""
    from newsgraph.events import default_coder
    from newsgraph.events.score import prediction

    coder = coder or default_coder()
    out: dict[str, list[dict[str, Any]]] = {}
    codings = coder.code_many(((r["text"], None) for r in records), batch_size=16)
    for r, coding in zip(records, codings, strict=True):
        out[str(r["id"])] = [prediction(e) for e in coding.events]
    return out


def _actors(value: list[dict[str, Any]]) -> str:
    return ",".join(str(a.get("country") or a.get("code") or "?") for a in value) or "-"


def _gold_actors(value: list[dict[str, Any]]) -> str:
    return ",".join(str(a.get("code") or "?") for a in value) or "-"


def show_errors(records: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]], n: int,
                seed: int) -> None:  # fmt: skip
    from newsgraph.events.score import score

    wrong = []
    for r in records:
        if r["split"] != "train":
            continue
        s = score([r], {str(r["id"]): preds.get(str(r["id"]), [])})
        if s.triple_recall < 1 or (s.type_precision < 1 and s.predicted_events):
            wrong.append(r)
    random.Random(seed).shuffle(wrong)
    print(f"\n{len(wrong)} train sentences with a miss; {min(n, len(wrong))} of them:\n")
    for r in wrong[:n]:
        print(f"[{r['id']}] confli={r['confli_label']} {r['text']}")
        for g in r["events"]:
            print(f"   gold {g['type']:9} {_gold_actors(g['actor'])} -> "
                  f"{_gold_actors(g['recipient'])}  [{g.get('trigger')}] {g.get('modality')}")  # fmt: skip
        for e in preds.get(str(r["id"]), []):
            flag = " NEG" if e.get("negated") else ""
            print(f"   pred {e['type']:9} {_actors(e['source'])} -> {_actors(e['target'])}"
                  f"  [{e.get('trigger')}] {e.get('confidence')}{flag}")  # fmt: skip
        print()


def halves(records: list[dict[str, Any]], args: argparse.Namespace) -> int:
    """Train halves A and B, with the rules alone and with the shipped coder."""
    from newsgraph.events.coder import Coder
    from newsgraph.events.score import score, table, train_half

    train = [r for r in records if r["split"] == "train"]
    half = {h: [r for r in train if train_half(str(r["id"])) == h] for h in "AB"}
    rules = code_dev(train, Coder(head=False, linker=False))
    shipped = code_dev(train)
    parts = {f"{name} {h}": score(half[h], preds)
             for name, preds in (("rules", rules), ("shipped", shipped)) for h in "AB"}  # fmt: skip
    if args.json:
        print(json.dumps({p: s.headline() for p, s in parts.items()}, indent=1))
    else:
        print(table(parts))
    if args.errors:
        show_errors(half["A"], rules, args.errors, args.seed)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="list this many train misses")
    ap.add_argument("--seed", type=int, default=0, help="which misses (shuffle seed)")
    ap.add_argument("--json", action="store_true", help="print the measures as JSON")
    ap.add_argument("--halves", action="store_true",
                    help="train halves A and B, rules alone and shipped; no held-out")  # fmt: skip
    args = ap.parse_args(argv)
    if not DEV.exists():
        print(f"no development set at {DEV} (set NEWSGRAPH_SHARED)", file=sys.stderr)
        return 2
    from newsgraph.events.score import load_gold, score_parts, table

    records = load_gold(DEV)
    if args.halves:
        return halves(records, args)
    preds = code_dev(records)
    parts = score_parts(records, preds)
    if args.json:
        print(json.dumps({p: s.headline() for p, s in parts.items()}, indent=1))
    else:
        print(table(parts))
    if args.errors:
        show_errors(records, preds, args.errors, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
