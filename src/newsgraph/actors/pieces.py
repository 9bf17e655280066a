"""Group the dictionary hits of a doc into phrases ("pieces"), one per actor mention.

Hits inside one noun chunk form a piece ("Russian-backed Syrian forces"); a chunk is
split at "and"/"or"/commas ("Turkish and Russian officials" -> two pieces, the first
borrowing the head noun of the second) at a hyphen between two country or organisation names ("US-China talks") and at a
possessive that separates two actors
("Turkey's President Tayyip Erdogan" stays whole, "Russia's Lavrov" too, since a
person wins).  Hits outside every chunk are grouped when adjacent.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..nlp import TokenArrays, noun_chunk_bounds, token_arrays
from .compose import primary
from .matching import HYPHENS, Hit

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .dictionary import Dictionary

_SPLIT = frozenset({"and", "or", "&", ",", "as", "with", "against", "versus", "vs", "vs."})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_IDENTITY = frozenset({"person", "short", "org", "metonym", "capital", "country", "demonym"})
_PAIRED = frozenset({"country", "org"})  # "US-China talks", "Israel-Hamas war": two actors


@dataclass(frozen=True, slots=True)
class Piece:
    start: int  # token span of the mention (end exclusive)
    end: int
    hits: list[Hit]
    det: str | None = None
    borrowed: list[Hit] = field(default_factory=list)  # head nouns shared by coordination

    def extend(self, end: int, start: int | None = None) -> Piece:
        first = self.start if start is None else min(self.start, start)
        return replace(self, start=first, end=max(self.end, end))


def _is_identity(h: Hit) -> bool:
    return primary(h).kind in _IDENTITY


def _split(a: TokenArrays, hits: list[Hit]) -> list[list[Hit]]:
    while len(hits) > 1 and primary(hits[0]).kind in ("backer", "leader"):
        hits = hits[1:]  # "foreign-backed terrorists": the mention starts at "terrorists"
    groups: list[list[Hit]] = [[hits[0]]]
    texts, lowers = a.texts, a.lowers
    for prev, cur in itertools.pairwise(hits):
        gap = range(prev.end, cur.start)
        words = {lowers[i] for i in gap}
        two = _is_identity(cur) and any(_is_identity(h) for h in groups[-1])
        loose = gap and not all(texts[i] in HYPHENS or lowers[i] in _POSSESSIVE for i in gap)
        joined = (
            gap
            and all(texts[i] in HYPHENS for i in gap)
            and primary(prev).kind in _PAIRED
            and primary(cur).kind in _PAIRED
        )
        if (
            words & _SPLIT
            or joined
            or any("\n" in texts[i] for i in gap)
            or (two and words & _POSSESSIVE)
            or (two and loose and primary(cur).kind not in ("person", "short"))
        ):
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return groups


def _det(a: TokenArrays, first: int, d: Dictionary, chunk_start: int | None) -> str | None:
    candidates = [first, first - 1]
    if chunk_start is not None and chunk_start < first:
        candidates.insert(0, chunk_start)
    for i in candidates:
        if i >= 0:
            w = a.lowers[i]
            if w in d.definite or d.pronouns.get(w, "").startswith("possessive"):
                return w
    return None


def build_pieces(doc: Doc, hits: list[Hit], d: Dictionary) -> list[Piece]:
    hits = [h for h in hits if "block" not in h.kinds]
    if not hits:
        return []
    chunks: list[tuple[int, int]] = []
    if doc.has_annotation("DEP"):
        chunks = noun_chunk_bounds(doc)  # doc.noun_chunks, read off arrays
    owner: dict[int, int] = {}
    for n, (s, e) in enumerate(chunks):
        for i in range(s, e):
            owner[i] = n
    grouped: dict[int, list[Hit]] = {}
    loose: list[Hit] = []
    for h in hits:
        at = next((owner[i] for i in range(h.start, h.end) if i in owner), None)
        if at is None:
            loose.append(h)
        else:
            grouped.setdefault(at, []).append(h)
    pieces: list[Piece] = []
    a = token_arrays(doc)
    for n, group in grouped.items():
        parts = _split(a, group)
        built = [
            Piece(
                part[0].start,
                part[-1].end,
                part,
                _det(a, part[0].start, d, chunks[n][0] if k == 0 else None),
            )
            for k, part in enumerate(parts)
        ]
        for k in range(len(built) - 1):
            mine = [h for h in built[k].hits if primary(h).kind == "noun"]
            theirs = [h for h in built[-1].hits if primary(h).kind == "noun"]
            if not mine and theirs:
                built[k] = replace(built[k], borrowed=theirs[-1:])
        pieces.extend(built)
    for part in _adjacent(a, loose):
        pieces.extend(
            Piece(p[0].start, p[-1].end, p, _det(a, p[0].start, d, None)) for p in _split(a, part)
        )
    pieces.sort(key=lambda p: p.start)
    return pieces


def _adjacent(a: TokenArrays, hits: list[Hit]) -> list[list[Hit]]:
    out: list[list[Hit]] = []
    texts, lowers = a.texts, a.lowers
    for h in hits:
        if out:
            last = out[-1][-1]
            gap = range(last.end, h.start)
            if all(texts[i] in HYPHENS or lowers[i] in _POSSESSIVE for i in gap):
                out[-1].append(h)
                continue
        out.append([h])
    return out
