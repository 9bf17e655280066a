"""Score publication dates on the date development set (../shared/gold/dates), train and held-out.

    .venv/bin/python scripts/score_dates.py             # accuracy per part
    .venv/bin/python scripts/score_dates.py --misses    # + every TRAIN page it gets wrong
    .venv/bin/python scripts/score_dates.py --json      # the measures as JSON
    .venv/bin/python scripts/score_dates.py --halves    # + the train halves A and B
    .venv/bin/python scripts/score_dates.py --train     # the train part only (with its halves)

Pages go through ``extract_page`` with their URL, as in tests/extract/test_dates_gate.py.
Misses are listed for the train part only: held-out pages are scored, never read.
``NEWSGRAPH_SHARED`` points at another copy of ../shared.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DATES = SHARED / "gold" / "dates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the train pages missed")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    parser.add_argument("--halves", action="store_true", help="score the train halves A, B too")
    parser.add_argument("--train", action="store_true", help="train part only, with its halves")
    args = parser.parse_args(argv)
    if not (DATES / "dates.json").exists():
        print(f"no date development set at {DATES}", file=sys.stderr)
        return 1
    from newsgraph.extract.dates_dev import PARTS, GoldPage, score

    misses: list[tuple[GoldPage, str | None, str | None]] = []

    def on_page(gold: GoldPage, value: str | None, source: str | None) -> None:
        if value != gold.date:  # called for train pages only
            misses.append((gold, value, source))

    scores = score(
        DATES,
        parts=("train",) if args.train else PARTS,
        on_page=on_page if args.misses else None,
        halves=args.halves or args.train,
    )
    if args.json:
        out = {
            part: {"pages": s.pages, "accuracy": round(s.accuracy, 4), "null": s.null,
                   "raised": s.raised, "sources": s.sources}
            for part, s in scores.items()
        }  # fmt: skip
        print(json.dumps(out, indent=1))
    else:
        print(f"{'part':8} {'pages':>5} {'right':>5} {'null':>4} {'raised':>6} {'accuracy':>8}")
        for part, s in scores.items():
            print(f"{part:8} {s.pages:5} {s.right:5} {s.null:4} {s.raised:6} {s.accuracy:8.3f}")
    for gold, value, source in misses:
        print(f"MISS {gold.file}\tgold {gold.date}\tgot {value}\t({source})\t{gold.url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
