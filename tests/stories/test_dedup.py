"""Exact and near-duplicate articles, within a run and across runs (band buckets stored)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest.dedup import Deduper, body_hash, prose, similarity
from newsgraph.records import Article
from newsgraph.settings import Settings
from newsgraph.store import ArticleOutcome, Store, page_id

DATA = Path(__file__).resolve().parent.parent / "data" / "dedup"


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def deduper_settings() -> Settings:
    return Settings()


def test_fixtures_are_news_sized() -> None:
    for name in ("wire_original.txt", "wire_copy.txt", "same_event_a.txt", "same_event_b.txt"):
        assert 380 <= len(_text(name).split()) <= 500, name


def test_a_copy_with_other_header_footer_and_three_changed_sentences_is_a_near_duplicate(
    deduper_settings: Settings,
) -> None:
    original, copy = _text("wire_original.txt"), _text("wire_copy.txt")
    assert body_hash(original) != body_hash(copy)
    results = Deduper(deduper_settings).resolve(
        [("orig", "wire/original.txt", original), ("copy", "coastal/copy.txt", copy)]
    )
    assert results[0].match is None
    match = results[1].match
    assert match is not None and (match.article_id, match.kind) == ("orig", "near")
    assert match.similarity >= deduper_settings.near_duplicate_threshold


def test_two_articles_about_the_same_event_are_not_duplicates(deduper_settings: Settings) -> None:
    a, b = _text("same_event_a.txt"), _text("same_event_b.txt")
    results = Deduper(deduper_settings).resolve(
        [("a", "a.txt", a), ("b", "b.txt", b), ("w", "w.txt", _text("wire_original.txt"))]
    )
    assert [r.match for r in results] == [None, None, None]
    assert similarity(results[0].fingerprint.signature, results[1].fingerprint.signature) < 0.2


def test_exact_copies_differ_only_in_spacing_case_and_punctuation(deduper_settings: Settings) -> None:
    body = _text("same_event_a.txt")
    copy = body.upper().replace("\n\n", "\n").replace(",", " ,")
    results = Deduper(deduper_settings).resolve([("a", "a.txt", body), ("c", "c.txt", copy)])
    assert results[1].match is not None
    assert (results[1].match.kind, results[1].match.similarity) == ("exact", 1.0)


def test_an_older_version_of_the_same_location_is_not_its_twin(deduper_settings: Settings) -> None:
    body = _text("same_event_b.txt")
    results = Deduper(deduper_settings).resolve([("v1", "a.txt", body), ("v2", "a.txt", body)])
    assert [r.match for r in results] == [None, None]


def test_prose_drops_short_furniture_lines_but_keeps_short_bodies_whole() -> None:
    kept = prose(_text("wire_copy.txt"))
    assert "coastal daily news" not in kept and "comments 12" not in kept
    assert "fair bargain for fishermen" in kept
    assert prose("Short line.\nAnother one.") == "short line another one"


def _outcome(d: Deduper, aid: str, location: str, body: str) -> ArticleOutcome:
    fp = d.fingerprint(body)
    article = Article(location, body, None, None, None, None, None, None, None, "en", "text")
    return ArticleOutcome(
        page_id(location), location, "h", aid, article, fp.body_hash, fp.signature, fp.bands
    )


def test_a_later_run_finds_twins_stored_earlier(tmp_path: Path, deduper_settings: Settings) -> None:
    original = _text("wire_original.txt")
    with Store.open(tmp_path / "s.duckdb") as store:
        first = Deduper(deduper_settings, store)
        [result] = first.resolve([("orig", "wire/original.txt", original)])
        assert result.match is None
        store.write_batch(store.new_run([], {}), [_outcome(first, "orig", "wire/original.txt", original)])
        first.committed()
    with Store.open(tmp_path / "s.duckdb") as store:  # a new process, a new deduper
        later = Deduper(deduper_settings, store)
        near, exact, other = later.resolve(
            [
                ("c1", "coastal/copy.txt", _text("wire_copy.txt")),
                ("c2", "mirror/original.txt", original),
                ("c3", "a.txt", _text("same_event_a.txt")),
            ]
        )
    assert near.match is not None and (near.match.article_id, near.match.kind) == ("orig", "near")
    assert exact.match is not None and (exact.match.article_id, exact.match.kind) == ("orig", "exact")
    assert other.match is None


def test_bands_follow_the_settings() -> None:
    d = Deduper(Settings(minhash_perm=64, shingle_size=3, near_duplicate_threshold=0.5))
    fp = d.fingerprint(_text("same_event_a.txt"))
    assert len(fp.signature) == 64 * 4 and len(fp.bands) == d.n_bands
    assert d.n_bands * d.rows <= 64
    assert d.shingles("one two three four") == [b"one two three", b"two three four"]


@pytest.mark.parametrize("perm", [64, 128])
def test_signatures_equal_datasketch_minhash(perm: int) -> None:
    """Stores written by earlier versions hold datasketch signatures and bands: the numpy
    pass must give the very same values, or old twins would no longer be found."""
    import zlib

    import numpy as np
    from datasketch import MinHash

    d = Deduper(Settings(minhash_perm=perm))
    bodies = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    assert len(bodies) >= 4
    for body in [*bodies, "short body", "é à ü words with accents in them, more than five"]:
        shingles = d.shingles(body)
        reference = MinHash(num_perm=perm, seed=1, hashfunc=zlib.crc32, scheme="affine32")
        reference.update_batch(shingles)
        ours = np.frombuffer(d.fingerprint(body).signature, dtype="<u4")
        assert ours.tolist() == [int(v) for v in reference.hashvalues]
