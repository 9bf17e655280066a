"""Where the coder's recipients miss, read against the S/T spans of ../shared/gold/cameo_spans_dev.txt.

    .venv/bin/python scripts/span_misses.py            # counts of the classes of misses
    .venv/bin/python scripts/span_misses.py --show 30  # + 30 train sentences of each class

Only the span sentences that match a TRAIN sentence of plover_news_dev.jsonl (by text
lowercased with non-word characters removed) are read; those matching a held-out one
are dropped unread, and so are the rest.  For each gold event with a recipient code whose
type the coder found but whose recipient it missed, the class of the miss: the T span
holds nothing the resolver knows (a city, a group, "the two countries", a person), the
coder chose nothing though the resolver knows a party in T, or it chose a party outside T;
the same for a missed actor against the S span (``--role``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import DEV
from spansets import SPANS, matched


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--show", type=int, default=0, help="sentences to list per class")
    ap.add_argument("--role", choices=("both", "recipient", "actor"), default="both",
                    help="misses of recipients (T span), actors (S span) or both")  # fmt: skip
    args = ap.parse_args(argv)
    from newsgraph.events import default_coder
    from newsgraph.events.score import gold_codes, load_gold, predicted_codes, prediction

    if not SPANS.exists():
        print(f"no spans file at {SPANS} (set NEWSGRAPH_SHARED)", file=sys.stderr)
        return 2
    coder = default_coder()
    rows = matched(load_gold(DEV), "train")
    resolver = coder.resolver if hasattr(coder, "resolver") else None
    codings = coder.code_many(((r["text"], None) for r, _ in rows), batch_size=16)
    classes: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    roles = [("recipient", "target", "T"), ("actor", "source", "S")]
    for (r, sentence), coding in zip(rows, codings, strict=True):
        preds = [prediction(e) for e in coding.events if not e.negated]
        for g in r["events"]:
            same = [p for p in preds if p["type"] == g["type"]]
            for role, field, letter in roles if same else []:
                if args.role not in ("both", role):
                    continue
                want = gold_codes(g[role])
                if not want or any(predicted_codes(p[field]) & want for p in same):
                    continue
                spans = sentence.spans(letter)
                chosen = [a for p in same for a in p[field]]
                cls = f"{role}: " + _miss_class(letter, spans, chosen, resolver)
                classes[cls] += 1
                if len(shown[cls]) < args.show:
                    got = "; ".join(
                        f"{p['type']} {predicted_codes(p['source'])}->"
                        f"{predicted_codes(p['target'])} [{p['trigger']}]"
                        for p in same
                    )
                    shown[cls].append(
                        f"[{r['id']}] {r['text']}\n   S={sentence.spans('S')} "
                        f"T={sentence.spans('T')}\n   gold {g['type']} "
                        f"{gold_codes(g['actor'])}->{gold_codes(g['recipient'])} "
                        f"[{g.get('trigger')}]  pred {got}"
                    )
    print(f"{len(rows)} train sentences with spans")
    for cls, n in classes.most_common():
        print(f"{n:4}  {cls}")
    for cls, items in shown.items():
        if items:
            print(f"\n## {cls}")
            print("\n".join(items))
    return 0


def _miss_class(letter: str, spans: list[str], chosen: list[dict], resolver: Any) -> str:
    """Where a missed party is: no gold span, the coder chose a party inside it with the
    wrong code, chose one outside it, or chose none (the span known to the resolver or not)."""
    known = [
        a
        for t in spans
        if resolver is not None
        for a in [resolver.lookup(t)]
        if a is not None and (a.country or a.org)
    ]
    if not spans:
        return f"no {letter} span"
    if chosen and any(a["text"] in " ".join(spans) for a in chosen):
        return f"chosen inside {letter}, wrong code"
    if chosen:
        return f"chosen outside {letter}" + (
            f" ({letter} known)" if known else f" ({letter} unknown)"
        )
    return f"none chosen, {letter} " + ("known" if known else "unknown")


if __name__ == "__main__":
    sys.exit(main())
