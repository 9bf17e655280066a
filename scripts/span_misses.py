"""Where the coder's recipients miss, read against the S/T spans of ../shared/gold/cameo_spans_dev.txt.

    .venv/bin/python scripts/span_misses.py            # counts of the classes of misses
    .venv/bin/python scripts/span_misses.py --show 30  # + 30 train sentences of each class

Only the span sentences that match a TRAIN sentence of plover_news_dev.jsonl (by text
lowercased with non-word characters removed) are read; those matching a held-out one
are dropped unread, and so are the rest.  For each gold event with a recipient code whose
type the coder found but whose recipient it missed, the class of the miss: the T span
holds nothing the resolver knows (a city, a group, "the two countries", a person), the
coder chose nothing though the resolver knows a party in T, or it chose a party outside T.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import DEV
from spansets import SPANS, matched


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--show", type=int, default=0, help="sentences to list per class")
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
    for (r, sentence), coding in zip(rows, codings, strict=True):
        preds = [prediction(e) for e in coding.events if not e.negated]
        t_spans = sentence.spans("T")
        s_spans = sentence.spans("S")
        for g in r["events"]:
            want = gold_codes(g["recipient"])
            if not want:
                continue
            same = [p for p in preds if p["type"] == g["type"]]
            if not same:
                continue
            if any(predicted_codes(p["target"]) & want for p in same):
                continue
            chosen = [a for p in same for a in p["target"]]
            t_known = [
                a
                for t in t_spans
                if resolver is not None
                for a in [resolver.lookup(t)]
                if a is not None and (a.country or a.org)
            ]
            if not t_spans:
                cls = "no T span"
            elif chosen and any(a["text"] in " ".join(t_spans) for a in chosen):
                cls = "chosen inside T, wrong code"
            elif chosen:
                cls = "chosen outside T" + (" (T known)" if t_known else " (T unknown)")
            elif t_known:
                cls = "none chosen, T known"
            else:
                cls = "none chosen, T unknown"
            classes[cls] += 1
            if len(shown[cls]) < args.show:
                got = "; ".join(
                    f"{p['type']} {predicted_codes(p['source'])}->"
                    f"{predicted_codes(p['target'])} [{p['trigger']}]"
                    for p in same
                )
                shown[cls].append(
                    f"[{r['id']}] {r['text']}\n   S={s_spans} T={t_spans}\n   "
                    f"gold {g['type']} {gold_codes(g['actor'])}->{want} "
                    f"[{g.get('trigger')}]  pred {got}"
                )
    print(f"{len(rows)} train sentences with spans")
    for cls, n in classes.most_common():
        print(f"{n:4}  {cls}")
    for cls, items in shown.items():
        print(f"\n## {cls}")
        print("\n".join(items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
