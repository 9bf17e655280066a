"""Score the event coder on whole news articles: ECB+ fit-part documents labelled sentence by sentence.

    .venv/bin/python scripts/score_ecb_events.py            # shipped coder and rules alone
    .venv/bin/python scripts/score_ecb_events.py --errors   # + the sentences either gets wrong
    .venv/bin/python scripts/score_ecb_events.py --json     # the measures as JSON
    .venv/bin/python scripts/score_ecb_events.py --part write --errors  # rules are written from these
    .venv/bin/python scripts/score_ecb_events.py --part check           # scored only, never listed

Why: the development set is single sentences; users feed whole articles, where most
sentences hold no event and a false event is what they see.  ``tests/data/ecb_events.jsonl``
labels every sentence of 36 articles written by others (see ``tests/data/ECB_EVENTS.md``); it
holds offsets only, and the text is read here from ``../shared`` (``NEWSGRAPH_SHARED`` points
at another copy), from the fit part of ``gold/stories/ecbplus_dev.jsonl`` only.

Each document is coded whole, title and text as one text (title, a blank line, text), and each
predicted event is put in the labelled sentence that holds its trigger (by character offset;
the evidence sentence's start when the trigger cannot be found in it).  The measures are those
of ``newsgraph.events.score.score`` per sentence (type recall, type precision, triple recall,
detection), plus false events per document: predicted events (not negated) whose type is not
among their sentence's gold types, the events a reader would see wrongly.  Listing errors is
allowed on the write part only.

The labelled documents are split by ECB+ topic (the event an article reports), so that no
article of a checked event is read or trained on: the *check* part is every document of the
``CHECK_TOPICS`` (a war's strikes on a school and a refugee camp, an endangered-species rule,
an earthquake, sports) but the first ``READ_DOCUMENTS`` of the file, which rules were written
from; it is scored only, never listed, and tells how a change carries to articles of events
nobody read while writing it.  Every other document is the *write* part: rules may be written
from it and ``--errors`` lists it.  ``train_event_head.py --articles`` trains the head on the ``train`` part: the write
part without the check topics' documents (same event, same words).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DOCS = SHARED / "gold" / "stories" / "ecbplus_dev.jsonl"
LABELS = ROOT / "tests" / "data" / "ecb_events.jsonl"
SEPARATOR = "\n\n"  # between title and text in the coded document
READ_DOCUMENTS = 24  # the first documents of the file: rules were written from these
CHECK_TOPICS = frozenset({"5", "9", "25", "37", "41"})  # ECB+ topics scored only


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """The labelled sentences, one dict a line, each given an ``id`` (url, field, start)."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for r in rows:
        r["id"] = f"{r['url']}#{r['field']}:{r['start']}"
    return rows


def topic_of(url: str) -> str:
    """The ECB+ topic of a labelled document ("https://ecb.example/41_7ecb" -> "41")."""
    return url.rsplit("/", 1)[-1].split("_", 1)[0]


def part_of(labels: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    """The labels of one part: ``check`` (the documents of ``CHECK_TOPICS`` but the first
    ``READ_DOCUMENTS`` of the file), ``write`` (every other), ``train`` (the write part
    without the check topics) or ``all``."""
    if part == "all":
        return labels
    order: dict[str, int] = {}
    for r in labels:
        order.setdefault(r["url"], len(order))

    def which(url: str) -> str:
        if topic_of(url) not in CHECK_TOPICS:
            return "train"
        return "read" if order[url] < READ_DOCUMENTS else "check"

    wanted = {"check": {"check"}, "write": {"train", "read"}, "train": {"train"}}[part]
    return [r for r in labels if which(r["url"]) in wanted]


def load_documents(urls: set[str], path: Path = DOCS) -> dict[str, dict[str, str]]:
    """The fit-part documents named by ``urls`` (a scored-part document is never returned)."""
    from newsgraph.stories.ecbplus import part_of

    out: dict[str, dict[str, str]] = {}
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row.get("url") in urls and row.get("story") and part_of(str(row["story"])) == "fit":
            out[row["url"]] = row
    missing = urls - set(out)
    if missing:
        raise SystemExit(f"not in the fit part of {path}: {sorted(missing)}")
    return out


def document_text(doc: dict[str, str]) -> tuple[str, int]:
    """The text coded for a document and the offset of its ``text`` field in it."""
    return doc["title"] + SEPARATOR + doc["text"], len(doc["title"]) + len(SEPARATOR)


def sentence_text(doc: dict[str, str], label: dict[str, Any]) -> str:
    return doc[label["field"]][label["start"] : label["end"]]


def code_documents(docs: dict[str, dict[str, str]], coder: Any) -> dict[str, list[Any]]:
    """The events of each whole document, coded as ``newsgraph code`` codes a record."""
    from newsgraph.ingest.work import code_texts

    urls = list(docs)
    found = code_texts(coder, [(document_text(docs[u])[0], None) for u in urls], 8)
    out: dict[str, list[Any]] = {}
    for url, coding in zip(urls, found, strict=True):
        if isinstance(coding, Exception):
            raise coding
        out[url] = list(coding.events)
    return out


def trigger_offset(text: str, event: Any) -> int:
    """Where the event's trigger stands in the coded text (within its evidence sentence)."""
    at = text.find(event.trigger, event.start, event.end) if event.trigger else -1
    return at if at >= 0 else event.start


def place_events(
    labels: list[dict[str, Any]], docs: dict[str, dict[str, str]], events: dict[str, list[Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Predicted events (scorer shape) per labelled sentence id, by the trigger's offset."""
    from newsgraph.events.score import prediction

    by_doc: dict[str, list[tuple[int, str]]] = {}
    for r in labels:
        base = 0 if r["field"] == "title" else document_text(docs[r["url"]])[1]
        by_doc.setdefault(r["url"], []).append((base + r["start"], r["id"]))
    out: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in labels}
    for url, found in events.items():
        starts = sorted(by_doc[url])
        text = document_text(docs[url])[0]
        for e in found:
            at = trigger_offset(text, e)
            i = max(0, bisect.bisect_right([s for s, _ in starts], at) - 1)
            out[starts[i][1]].append(prediction(e))
    return out


def false_events(labels: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> int:
    """Predicted, not negated, events whose type is not among their sentence's gold types."""
    n = 0
    for r in labels:
        gold = {g["type"] for g in r["events"] if g.get("modality") != "negated"}
        n += sum(1 for e in preds[r["id"]] if not e.get("negated") and e["type"] not in gold)
    return n


def measures(labels: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> dict[str, float]:
    """The figures printed for one coder."""
    from newsgraph.events.score import score

    s = score(labels, preds)
    n_docs = len({r["url"] for r in labels})
    quiet = [r for r in labels if not r["events"]]
    return {
        "sentences": s.sentences,
        "gold_events": s.gold_events,
        "predicted_events": s.predicted_events,
        "type_recall": s.type_recall,
        "type_precision": s.type_precision,
        "triple_recall": s.triple_recall,
        "detection_recall": s.detection_recall,
        "detection_precision": s.detection_precision,
        "false_events_per_document": false_events(labels, preds) / n_docs if n_docs else 0.0,
        "events_in_eventless_sentences": float(sum(
            1 for r in quiet for e in preds[r["id"]] if not e.get("negated"))),
    }  # fmt: skip


def _codes(value: list[dict[str, Any]]) -> str:
    return ",".join(str(a.get("country") or a.get("code") or "?") for a in value) or "-"


def show_errors(
    name: str, labels: list[dict[str, Any]], docs: dict[str, dict[str, str]],
    preds: dict[str, list[dict[str, Any]]],
) -> None:  # fmt: skip
    """The sentences with a missed gold event or a false predicted event."""
    from newsgraph.events.score import score

    print(f"\n## {name}: sentences it gets wrong\n")
    for r in labels:
        missed = r["events"] and score([r], {r["id"]: preds[r["id"]]}).triple_recall < 1
        if not missed and not false_events([r], preds):
            continue
        doc = docs[r["url"]]
        print(f"[{r['id']}] {sentence_text(doc, r)}")
        for g in r["events"]:
            trig = doc[r["field"]][g["trigger"][0] : g["trigger"][1]]
            print(f"   gold {g['type']:9} {_codes(g['actor'])} -> {_codes(g['recipient'])}"
                  f"  [{trig}] {g['modality']} {g['confidence']}")  # fmt: skip
        for e in preds[r["id"]]:
            flag = " NEG" if e.get("negated") else ""
            print(f"   pred {e['type']:9} {_codes(e['source'])} -> {_codes(e['target'])}"
                  f"  [{e.get('trigger')}] {e.get('confidence'):.2f}{flag}")  # fmt: skip
        print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list the sentences each coder gets wrong")
    ap.add_argument("--json", action="store_true", help="print the measures as JSON")
    ap.add_argument("--part", default="all", choices=["write", "check", "train", "all"],
                    help="write: the documents rules may be written from; check: scored only; train: what the head may train on (--articles)")  # fmt: skip
    args = ap.parse_args(argv)
    if args.errors and args.part not in ("write", "train"):
        print("--errors lists the write part only (--part write)", file=sys.stderr)
        return 2
    if not DOCS.exists():
        print(f"no ECB+ documents at {DOCS} (set NEWSGRAPH_SHARED)", file=sys.stderr)
        return 2
    from newsgraph.events import default_coder
    from newsgraph.events.coder import Coder

    labels = part_of(load_labels(), args.part)
    docs = load_documents({r["url"] for r in labels})
    coders = {"shipped": default_coder(), "rules": Coder(head=False, linker=False)}
    preds = {n: place_events(labels, docs, code_documents(docs, c)) for n, c in coders.items()}
    figures = {n: measures(labels, p) for n, p in preds.items()}
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        gold = Counter(g["type"] for r in labels for g in r["events"])
        print(f"{len(docs)} documents, {len(labels)} sentences, {sum(gold.values())} gold events "
              f"({', '.join(f'{t} {n}' for t, n in gold.most_common())})\n")  # fmt: skip
        names = list(figures)
        print("| measure | " + " | ".join(names) + " |")
        print("|---|" + "---:|" * len(names))
        for key in figures[names[0]]:
            cells = [figures[n][key] for n in names]
            shown = [f"{v:.3f}" if isinstance(v, float) and not v.is_integer() else f"{v:g}"
                     for v in cells]  # fmt: skip
            print(f"| {key.replace('_', ' ')} | " + " | ".join(shown) + " |")
    if args.errors:
        for n, p in preds.items():
            show_errors(n, labels, docs, p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
