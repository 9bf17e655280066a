"""Scoring coded events against a sentence gold set labelled in PLOVER.

The gold format is the one of the development set kept outside the repository
(``../shared/gold/plover_news_dev.jsonl``, labelled per its ``ANNOTATION.md``): one
JSON object a line with ``id``, ``text``, ``split`` (``train`` or ``heldout``),
``confli_label`` (a 5-class label: 0 no event, statement or appeal; 1 verbal
cooperation; 2 material cooperation; 3 verbal conflict; 4 material conflict) and
``events`` (``type``, ``modality``, ``actor`` and ``recipient`` lists of
``{"text", "code", "sector"}``, ``trigger``).

The measures are those the project is judged by (``score_plover_dev.py`` beside the
gold file), plus their breakdowns:

* type recall: gold events for which the sentence has a predicted event of the same type;
* type precision: predicted events whose type is among the sentence's gold types;
* triple recall: gold events matched by a predicted event of the same type whose actor
  and recipient share a country or organisation code with the gold's (an empty gold
  list matches anything);
* 5-class accuracy: the quad class of the sentence's most confident event (0 when
  there is none) against ``confli_label``;
* detection: sentences with any event, predicted against gold;
* actor and recipient: among same-type pairs, how often the predicted codes meet the
  gold codes (precision over predicted events with codes, recall over gold events with
  codes).

Negated predicted events are left out, and gold events whose modality is negated are
left out of the precision, as in the project's scorer.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Actor, Event
from .lexicon import PLOVER_TYPES

IGO_LIKE = frozenset({"UN", "NATO", "EU", "AU", "IGO", "UNO"})
PARTS = ("train", "heldout")

Record = Mapping[str, Any]
Prediction = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Scores:
    """The measures of one part of a gold set."""

    sentences: int
    gold_events: int
    predicted_events: int
    type_recall: float
    type_precision: float
    triple_recall: float
    five_class: float
    detection_recall: float
    detection_precision: float
    actor_precision: float
    actor_recall: float
    recipient_precision: float
    recipient_recall: float
    per_type: dict[str, tuple[float, float, int, int]] = field(default_factory=dict)
    """type -> (recall, precision, gold count, predicted count)"""

    def headline(self) -> dict[str, float]:
        return {
            "type_recall": self.type_recall,
            "type_precision": self.type_precision,
            "triple_recall": self.triple_recall,
            "five_class": self.five_class,
        }


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The records of a gold file (one JSON object a line)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def actor_json(actor: Actor) -> dict[str, Any]:
    return {"code": actor.code, "country": actor.country, "org": actor.org, "text": actor.text}


def prediction(event: Event) -> dict[str, Any]:
    """The fields of an event the scorer reads (the shape ``newsgraph code`` writes)."""
    return {
        "type": event.type,
        "quad_class": event.quad_class,
        "negated": event.negated,
        "confidence": event.confidence,
        "source": [actor_json(a) for a in event.source],
        "target": [actor_json(a) for a in event.target],
        "trigger": event.trigger,
    }


def predicted_codes(value: Any) -> set[str]:
    """Country and code of each predicted actor (an object, a list of them, or null)."""
    out: set[str] = set()
    items = value if isinstance(value, list) else [value] if value else []
    for a in items:
        if isinstance(a, dict):
            for key in ("country", "code"):
                if a.get(key):
                    out.add(str(a[key]).upper())
        elif isinstance(a, str):
            out.add(a.upper()[:3] if len(a) >= 3 else a.upper())
    return out


def gold_codes(value: Iterable[Mapping[str, Any]] | None) -> set[str]:
    return {str(a.get("code")).upper() for a in value or [] if a.get("code")}


def codes_match(gold: set[str], pred: set[str]) -> bool:
    if not gold:
        return True
    return bool(gold & pred) or bool(gold & IGO_LIKE and pred & IGO_LIKE)


def _quad(event: Prediction) -> int:
    return int(event.get("quad_class") or PLOVER_TYPES.get(str(event.get("type")), 0))


def score(records: Sequence[Record], predictions: Mapping[str, Sequence[Prediction]]) -> Scores:
    """The measures over ``records`` given the predicted events per record id."""
    n_gold = hit = trip = n_pred = right = acc = 0
    det_gold = det_pred = det_both = 0
    a_pred = a_right = a_gold = a_found = 0
    r_pred = r_right = r_gold = r_found = 0
    t_gold: Counter[str] = Counter()
    t_hit: Counter[str] = Counter()
    t_pred: Counter[str] = Counter()
    t_right: Counter[str] = Counter()
    for r in records:
        pe = [e for e in predictions.get(str(r["id"]), []) if not e.get("negated")]
        golds = list(r["events"])
        gold_types = {g["type"] for g in golds if g.get("modality") != "negated"}
        has_gold = bool(gold_types)
        det_gold += has_gold
        det_pred += bool(pe)
        det_both += has_gold and bool(pe)
        for g in golds:
            n_gold += 1
            t_gold[g["type"]] += 1
            same = [e for e in pe if e.get("type") == g["type"]]
            hit += bool(same)
            t_hit[g["type"]] += bool(same)
            ga, gr = gold_codes(g.get("actor")), gold_codes(g.get("recipient"))
            trip += any(
                codes_match(ga, predicted_codes(e.get("source")))
                and codes_match(gr, predicted_codes(e.get("target")))
                for e in same
            )
            if same and ga:
                a_gold += 1
                a_found += any(ga & predicted_codes(e.get("source")) for e in same)
            if same and gr:
                r_gold += 1
                r_found += any(gr & predicted_codes(e.get("target")) for e in same)
        for e in pe:
            n_pred += 1
            t_pred[str(e.get("type"))] += 1
            ok = e.get("type") in gold_types
            right += ok
            t_right[str(e.get("type"))] += ok
            if not ok:
                continue
            same_gold = [g for g in golds if g["type"] == e.get("type")]
            ps, pt = predicted_codes(e.get("source")), predicted_codes(e.get("target"))
            if ps:
                a_pred += 1
                a_right += any(codes_match(gold_codes(g.get("actor")), ps) for g in same_gold)
            if pt:
                r_pred += 1
                r_right += any(codes_match(gold_codes(g.get("recipient")), pt) for g in same_gold)
        q = 0
        if pe:
            q = _quad(max(pe, key=lambda e: e.get("confidence") or 0))
        acc += q == r.get("confli_label")

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    per_type = {
        t: (ratio(t_hit[t], t_gold[t]), ratio(t_right[t], t_pred[t]), t_gold[t], t_pred[t])
        for t in PLOVER_TYPES
    }
    return Scores(
        sentences=len(records),
        gold_events=n_gold,
        predicted_events=n_pred,
        type_recall=ratio(hit, n_gold),
        type_precision=ratio(right, n_pred),
        triple_recall=ratio(trip, n_gold),
        five_class=ratio(acc, len(records)),
        detection_recall=ratio(det_both, det_gold),
        detection_precision=ratio(det_both, det_pred),
        actor_precision=ratio(a_right, a_pred),
        actor_recall=ratio(a_found, a_gold),
        recipient_precision=ratio(r_right, r_pred),
        recipient_recall=ratio(r_found, r_gold),
        per_type=per_type,
    )


def train_half(record_id: str) -> str:
    """The half of the train part a record falls in, by a hash of its id: rules and
    entries are read and written from half ``A``; half ``B`` is only scored, a check that
    a change written from A carries to sentences it was not written from."""
    return "A" if zlib.crc32(str(record_id).encode("utf-8")) % 2 == 0 else "B"


def score_parts(
    records: Sequence[Record], predictions: Mapping[str, Sequence[Prediction]]
) -> dict[str, Scores]:
    """``score`` for each part (``split``) of a gold set: train and held-out."""
    return {
        part: score([r for r in records if r.get("split") == part], predictions)
        for part in PARTS
        if any(r.get("split") == part for r in records)
    }


def table(parts: Mapping[str, Scores]) -> str:
    """A Markdown table of the measures, parts side by side."""
    names = list(parts)
    rows = [
        ("type recall", "type_recall"),
        ("type precision", "type_precision"),
        ("triple recall", "triple_recall"),
        ("5-class accuracy", "five_class"),
        ("event detection recall", "detection_recall"),
        ("event detection precision", "detection_precision"),
        ("actor country precision", "actor_precision"),
        ("actor country recall", "actor_recall"),
        ("recipient country precision", "recipient_precision"),
        ("recipient country recall", "recipient_recall"),
    ]
    out = ["| measure | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, attr in rows:
        out.append(
            f"| {label} | " + " | ".join(f"{getattr(parts[n], attr):.3f}" for n in names) + " |"
        )
    out.append("")
    out.append(
        "| type | " + " | ".join(f"{n} recall | {n} precision | {n} gold" for n in names) + " |"
    )
    out.append("|---|" + "---:|---:|---:|" * len(names))
    for t in PLOVER_TYPES:
        cells = []
        for n in names:
            rec, prec, gold, _ = parts[n].per_type[t]
            cells += [f"{rec:.2f}", f"{prec:.2f}", str(gold)]
        out.append(f"| {t} | " + " | ".join(cells) + " |")
    return "\n".join(out)
