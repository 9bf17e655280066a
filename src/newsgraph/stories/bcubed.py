"""B-cubed precision, recall and F1 of a clustering against gold labels.

For each item, precision is the share of its predicted cluster that shares its gold
label, recall the share of its gold cluster that it shares a predicted cluster with;
both are averaged over items (Bagga and Baldwin's B-cubed).  Singletons count: an
item left alone that should be alone scores 1 on both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["BCubed", "bcubed"]


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """Score ``predicted`` (item -> cluster) against ``gold`` (item -> label) on gold's items."""
    items = [i for i in gold if i in predicted]
    if not items:
        return BCubed(0.0, 0.0, 0.0)
    pairs = Counter((predicted[i], gold[i]) for i in items)
    pred_size = Counter(predicted[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    precision = sum(pairs[predicted[i], gold[i]] / pred_size[predicted[i]] for i in items)
    recall = sum(pairs[predicted[i], gold[i]] / gold_size[gold[i]] for i in items)
    p, r = precision / len(items), recall / len(items)
    return BCubed(p, r, 2 * p * r / (p + r) if p + r else 0.0)
