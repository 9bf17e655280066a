"""Flat groups from a matrix of pair scores: average link, then lone articles attached.

Both are functions of the matrix alone (rows in the caller's stable order; ties go to
the lower index), so the groups of a set of articles do not depend on the order the
articles came in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from .identity import Identity, Weights

__all__ = ["attach_singles", "average_link", "pair_scores"]


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


def _shared_counts(
    sets: Sequence[frozenset[str]],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Pairwise intersection sizes and each set's size; only keys in two sets or more
    take a column, so the matrix stays small."""
    seen: dict[str, int] = {}
    for s in sets:
        for key in s:
            seen[key] = seen.get(key, 0) + 1
    columns = {k: i for i, k in enumerate(sorted(k for k, n in seen.items() if n > 1))}
    sizes = np.asarray([len(s) for s in sets], dtype=np.float64)
    if not columns:
        return np.zeros((len(sets), len(sets))), sizes
    member = np.zeros((len(sets), len(columns)), dtype=np.float32)
    for i, s in enumerate(sets):
        for key in s:
            col = columns.get(key)
            if col is not None:
                member[i, col] = 1.0
    return (member @ member.T).astype(np.float64), sizes  # counts: exact in float32


def pair_scores(
    cosine: NDArray[np.float64],
    identities: Sequence[Identity],
    lo: NDArray[np.int64],
    hi: NDArray[np.int64],
    window: int,
    floor: float,
    w: Weights,
    digits: int,
) -> NDArray[np.float64]:
    """Every pair's score at once: ``identity.bonus`` added to the cosine (the same
    operations in the same order, so each equals the one-pair score), ``date_gate``
    for pairs dated too far apart, the cosine alone below ``floor``; rounded."""
    with np.errstate(divide="ignore", invalid="ignore"):
        total = np.zeros_like(cosine)
        names, n_size = _shared_counts([x.names for x in identities])
        some = names > 0
        least = np.minimum(n_size[:, None], n_size[None, :])
        union = n_size[:, None] + n_size[None, :] - names
        total += np.where(some, w.names_overlap * names / least, 0.0)
        total += np.where(some, w.names_jaccard * names / union, 0.0)
        for sets, weight, cap in (
            ([x.numbers for x in identities], w.numbers, 3.0),
            ([x.places for x in identities], w.places, 2.0),
            ([x.events for x in identities], w.events, 3.0),
        ):
            shared, _ = _shared_counts(sets)
            total += np.where(shared > 0, weight * np.minimum(shared, cap) / cap, 0.0)
    day = (lo > 0) & (lo == hi) & np.asarray([x.precision == "day" for x in identities])
    close = day[:, None] & day[None, :] & (np.abs(lo[:, None] - lo[None, :]) <= 1)
    if w.dates:
        total += np.where(close, w.dates, 0.0)
    scores = np.round(cosine + total, digits)
    dated = lo > 0
    gap = np.maximum(lo[:, None], lo[None, :]) - np.minimum(hi[:, None], hi[None, :])
    scores = np.where(dated[:, None] & dated[None, :] & (gap > window), w.date_gate, scores)
    return np.where(cosine < floor, cosine, scores)
