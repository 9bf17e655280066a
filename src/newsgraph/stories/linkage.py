"""Flat groups from a matrix of pair scores: average link, then lone articles attached.

Both are functions of the matrix alone (rows in the caller's stable order; ties go to
the lower index), so the groups of a set of articles do not depend on the order the
articles came in.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["attach_singles", "average_link"]


def average_link(sim: NDArray[np.float64], threshold: float) -> list[int]:
    """Flat average-link clusters at ``threshold`` (nearest-neighbour chain; ties to the
    lower index).  ``sim`` is symmetric; returns a cluster label per row."""
    n = len(sim)
    work = sim.astype(np.float64, copy=True)
    np.fill_diagonal(work, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    chain: list[int] = []
    while alive.sum() > 1:
        if not chain:
            chain.append(int(np.flatnonzero(alive)[0]))
        top = chain[-1]
        row = np.where(alive, work[top], -np.inf)
        best = int(np.argmax(row))
        if len(chain) > 1 and row[chain[-2]] >= row[best]:
            best = chain[-2]
        if row[best] < threshold:  # nothing reachable from here: this group is done
            alive[top] = False
            chain.clear()
            continue
        if len(chain) > 1 and best == chain[-2]:  # reciprocal nearest neighbours: merge
            chain.pop()
            chain.pop()
            a, b = min(top, best), max(top, best)
            merged = (work[a] * size[a] + work[b] * size[b]) / (size[a] + size[b])
            work[a, :], work[:, a] = merged, merged
            work[a, a] = -np.inf
            alive[b] = False
            size[a] += size[b]
            members[a] += members.pop(b)
            continue
        chain.append(best)
    for root, rows in members.items():
        for r in rows:
            label[r] = root
    return label


def attach_singles(sim: NDArray[np.float64], labels: list[int], threshold: float) -> list[int]:
    """An article left alone by average-link joins the group of the member it scores
    best with (ties: the first in order), when that pair reaches ``threshold``: one
    strong link keeps an article whose words differ from the rest in its story."""
    sizes: dict[int, int] = {}
    for label in labels:
        sizes[label] = sizes.get(label, 0) + 1
    out = list(labels)
    for i, label in enumerate(labels):
        if sizes[label] > 1:
            continue
        row = sim[i].copy()
        row[i] = -np.inf
        j = int(np.argmax(row))
        if row[j] >= threshold and sizes[labels[j]] > 1:
            out[i] = labels[j]
    return out
