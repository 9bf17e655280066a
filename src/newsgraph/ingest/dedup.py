"""Exact and near-duplicate articles (syndicated copies, re-posts, light rewrites).

Exact copies share the hash of the normalised body (case-folded words only, so
white space and punctuation do not matter).  Near-duplicates are found with MinHash
over word shingles (``settings.shingle_size`` words, ``settings.minhash_perm``
permutations) and banded LSH: an article becomes a candidate twin when one band of
its signature falls in the same bucket as a stored one, and a twin when the
estimated Jaccard similarity of the two is at least ``settings.near_duplicate_threshold``.
The bands are chosen for recall (false candidates cost one signature comparison).

Band buckets and signatures of stored articles live in the store (``lsh_bands``,
``minhashes``), so a later run finds twins stored earlier; the ones of the batch in
hand are kept in memory until the store has committed them.  A page never counts
as a copy of an article from the same location (an older version of itself).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..settings import Settings

_WORD = re.compile(r"\w+")
_PROSE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]\s*$")
_PROSE_MIN_WORDS = 12  # a line this long ending like a sentence is prose, not furniture
_SEED = 1
# Fixed for good: signatures in existing stores must stay comparable.
_SCHEME = "affine32"
_HASH = zlib.crc32  # shingle -> 32 bits; affine32 mixes it before permuting
_LSH_WEIGHTS = (0.1, 0.9)  # (false positive, false negative): favour recall


class TwinLookup(Protocol):
    """What the deduper asks the store (``newsgraph.store.Store`` answers it)."""

    def articles_with_body_hash(self, hashes: list[str]) -> list[tuple[str, str, str]]: ...

    def band_matches(self, buckets: list[int]) -> list[tuple[int, int, str, str]]: ...

    def signatures(self, article_ids: list[str]) -> dict[str, bytes]: ...


@dataclass(frozen=True, slots=True)
class Fingerprint:
    body_hash: str
    signature: bytes  # MinHash values, little-endian uint32
    bands: tuple[int, ...]  # signed 64-bit bucket of each band


@dataclass(frozen=True, slots=True)
class Match:
    article_id: str
    kind: Literal["exact", "near"]
    similarity: float


@dataclass(frozen=True, slots=True)
class DedupResult:
    fingerprint: Fingerprint
    match: Match | None  # None: a new article


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finaliser, element-wise (uint32 arithmetic wraps)."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def words(body: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", body).casefold())


def _lines(body: str) -> list[tuple[str, list[str]]]:
    """Non-blank lines of a body (NFC, case-folded) with their words."""
    folded = unicodedata.normalize("NFC", body).casefold()
    return [(line, _WORD.findall(line)) for line in folded.splitlines() if line.strip()]


def _prose_words(lines: list[tuple[str, list[str]]]) -> list[str]:
    every = [w for _, ws in lines for w in ws]
    kept = [
        w
        for line, ws in lines
        if len(ws) >= _PROSE_MIN_WORDS and _PROSE_END.search(line)
        for w in ws
    ]
    if len(kept) < 0.5 * len(every) or len(kept) < 3 * _PROSE_MIN_WORDS:
        return every
    return kept


def prose(body: str) -> str:
    """The words of a body's prose lines (long, ending like a sentence), case-folded.

    Near-duplicates are judged on these, so a copy that carries another outlet's
    header, share bar or footer still matches.  A body with little such prose is
    used whole.
    """
    return " ".join(_prose_words(_lines(body)))


def body_hash(body: str) -> str:
    """Hash of the normalised body: equal for copies that differ only in spacing or case."""
    return _hash_words(words(body))


def _hash_words(ws: list[str]) -> str:
    return hashlib.sha256(" ".join(ws).encode("utf-8")).hexdigest()[:32]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.mean(x == y)) if len(x) == len(y) and len(x) else 0.0


@functools.lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows per band for the threshold (datasketch's optimisation, which
    integrates numerically: a tenth of a second, so once per process)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=_LSH_WEIGHTS)
    return int(lsh.b), int(lsh.r)


class Deduper:
    """Decides, batch by batch and in input order, whether an article is new or a copy."""

    def __init__(self, settings: Settings, lookup: TwinLookup | None = None) -> None:
        self.shingle_size = max(1, settings.shingle_size)
        self.num_perm = settings.minhash_perm
        self.threshold = settings.near_duplicate_threshold
        self.n_bands, self.rows = _bands(self.threshold, self.num_perm)
        self._band_persons = [b"band%04d" % band for band in range(self.n_bands)]
        self._template = MinHash(num_perm=self.num_perm, seed=_SEED, hashfunc=_HASH, scheme=_SCHEME)
        a, b = self._template.permutations
        self._permutations = (np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32))
        self._lookup = lookup
        self._pending_hash: dict[str, list[tuple[str, str]]] = {}
        self._pending_band: dict[tuple[int, int], list[tuple[str, str]]] = {}
        self._pending_sig: dict[str, bytes] = {}

    def shingles(self, body: str) -> list[bytes]:
        return self._shingles(_prose_words(_lines(body)))

    def _shingles(self, w: list[str]) -> list[bytes]:
        n = self.shingle_size
        if len(w) <= n:
            return [" ".join(w).encode("utf-8")]
        encoded = [x.encode("utf-8") for x in w]  # UTF-8 of a join = join of the UTF-8s
        runs = zip(*(encoded[k:] for k in range(n)), strict=False)  # shorter tails end it
        return [b" ".join(run) for run in runs]

    def _signature(self, shingles: list[bytes]) -> np.ndarray:
        """The MinHash values of ``shingles``: datasketch's ``affine32`` scheme (hash,
        MurmurHash3 finaliser, one affine map per permutation, minimum), in one numpy
        pass instead of a ``MinHash`` object per article."""
        hv = np.fromiter(map(_HASH, shingles), dtype=np.uint32, count=len(shingles))
        hv = _fmix32(hv)
        a, b = self._permutations
        return np.asarray((hv[:, None] * a + b).min(axis=0), dtype="<u4")

    def fingerprint(self, body: str) -> Fingerprint:
        lines = _lines(body)
        values = self._signature(self._shingles(_prose_words(lines)))
        signature = values.tobytes()
        width = 4 * self.rows  # bytes of one band's values
        bands = tuple(
            int.from_bytes(
                hashlib.blake2b(
                    signature[band * width : (band + 1) * width], digest_size=8, person=person
                ).digest(),
                "little",
                signed=True,
            )
            for band, person in enumerate(self._band_persons)
        )
        every = [w for _, ws in lines for w in ws]
        return Fingerprint(_hash_words(every), signature, bands)

    def resolve(self, items: Sequence[tuple[str, str, str]]) -> list[DedupResult]:
        """Classify ``(article_id, location, body)`` items, in order.

        A new article is remembered, so later items of the same batch (or of later
        batches) can be its copies; call ``committed()`` once the store holds it.
        """
        fps = [self.fingerprint(body) for _, _, body in items]
        stored_hash: dict[str, list[tuple[str, str]]] = {}
        stored_band: dict[tuple[int, int], list[tuple[str, str]]] = {}
        stored_sig: dict[str, bytes] = {}
        if self._lookup is not None and fps:
            for h, aid, loc in self._lookup.articles_with_body_hash(
                sorted({f.body_hash for f in fps})
            ):
                stored_hash.setdefault(h, []).append((aid, loc))
            buckets = sorted({b for f in fps for b in f.bands})
            for band, bucket, aid, loc in self._lookup.band_matches(buckets):
                stored_band.setdefault((band, bucket), []).append((aid, loc))
            ids = sorted({aid for twins in stored_band.values() for aid, _ in twins})
            stored_sig = self._lookup.signatures(ids) if ids else {}
        results = []
        for (aid, loc, _), fp in zip(items, fps, strict=True):
            match = self._match(loc, fp, stored_hash, stored_band, stored_sig)
            if match is None:
                self._remember(aid, loc, fp)
            results.append(DedupResult(fp, match))
        return results

    def _match(
        self,
        location: str,
        fp: Fingerprint,
        stored_hash: dict[str, list[tuple[str, str]]],
        stored_band: dict[tuple[int, int], list[tuple[str, str]]],
        stored_sig: dict[str, bytes],
    ) -> Match | None:
        for aid, loc in stored_hash.get(fp.body_hash, []) + self._pending_hash.get(
            fp.body_hash, []
        ):
            if loc != location:
                return Match(aid, "exact", 1.0)
        candidates: set[str] = set()
        for band, bucket in enumerate(fp.bands):
            key = (band, bucket)
            for aid, loc in stored_band.get(key, []) + self._pending_band.get(key, []):
                if loc != location:
                    candidates.add(aid)
        best: Match | None = None
        for aid in sorted(candidates):
            sig = self._pending_sig.get(aid) or stored_sig.get(aid)
            if sig is None:
                continue
            sim = similarity(fp.signature, sig)
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Match(aid, "near", sim)
        return best

    def _remember(self, article_id: str, location: str, fp: Fingerprint) -> None:
        self._pending_hash.setdefault(fp.body_hash, []).append((article_id, location))
        for band, bucket in enumerate(fp.bands):
            self._pending_band.setdefault((band, bucket), []).append((article_id, location))
        self._pending_sig[article_id] = fp.signature

    def committed(self) -> None:
        """The store now holds every article remembered so far: forget them here."""
        if self._lookup is not None:
            self.forget()

    def forget(self) -> None:
        """Drop what was remembered (a batch that was not stored after all)."""
        self._pending_hash.clear()
        self._pending_band.clear()
        self._pending_sig.clear()
