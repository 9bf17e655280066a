"""The story clusterer's state file: round trip, appended deltas, compaction, crash safety."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from test_cluster import BagOfWords

from newsgraph.errors import StoreError
from newsgraph.stories import storystate
from newsgraph.stories.cluster import ClusterOptions, StoryClusterer, StoryInput
from newsgraph.stories.identity import Identity
from newsgraph.stories.storystate import MAGIC, ArticleRecord, read_state, summary, title


def articles(start: int, stop: int) -> list[StoryInput]:
    """Three articles per event, events one a day, a few undated ones."""
    out = []
    for n in range(start, stop):
        event = n // 3
        day = None if n % 17 == 0 else f"2024-{1 + event // 28 % 12:02d}-{1 + event % 28:02d}"
        words = f"event{event} topic{event} place{event} story{event}"
        out.append(
            StoryInput(
                article_id=f"a{n}",
                title=f"{words} headline {n}",
                lead=f"First {words} sentence {n}. Second line of article {n}. Third one {n}.",
                published=day,
                outlet=f"outlet{n % 3}",
                actors=frozenset({f"ACT{event % 5}"}),
            )
        )
    return out


def segments(path: Path) -> list[tuple[str, int]]:
    """(kind, articles written) of each valid segment of a state file."""
    found, _, _ = storystate._segments(path.read_bytes(), str(path))
    return [(s.meta["kind"], len(s.meta["ids"])) for s in found]


def fresh(items: list[StoryInput]) -> StoryClusterer:
    clusterer = StoryClusterer(BagOfWords(256))
    clusterer.add(items)
    return clusterer


def test_round_trip_through_a_path_and_a_stream(tmp_path: Path) -> None:
    clusterer = fresh(articles(0, 90))
    path = tmp_path / "state"
    clusterer.save(path)
    assert path.read_bytes()[: len(MAGIC)] == MAGIC
    assert segments(path) == [("full", len(clusterer))]
    buffer = io.BytesIO()
    clusterer.save(buffer)
    buffer.seek(0)
    for restored in (
        StoryClusterer.load(path, BagOfWords(256)),
        StoryClusterer.load(buffer, BagOfWords(256)),
    ):
        assert restored.stories() == clusterer.stories()
        assert all(restored.story_of(a.article_id) for a in articles(0, 90))
        more = articles(90, 120)
        assert restored.add(more) == fresh(articles(0, 90)).add(more)


def test_load_reads_article_records_only_when_needed(tmp_path: Path) -> None:
    clusterer = fresh(articles(0, 90))
    clusterer.save(tmp_path / "state")
    restored = StoryClusterer.load(tmp_path / "state", BagOfWords(256))
    assert all(r is None for r in restored._records)
    restored.add(articles(90, 93))
    read = sum(r is not None for r in restored._records)
    assert 0 < read < len(restored._records) // 2
    assert restored.stories() == fresh(articles(0, 93)).stories()


def test_a_save_after_adding_appends_only_the_new_articles(tmp_path: Path) -> None:
    path = tmp_path / "state"
    clusterer = fresh(articles(0, 300))
    clusterer.save(path)
    before = path.read_bytes()
    restored = StoryClusterer.load(path, BagOfWords(256))
    restored.add(articles(300, 306))  # two new events, three articles each
    restored.save(path)
    after = path.read_bytes()
    assert after[: len(before)] == before  # nothing written is rewritten
    assert segments(path) == [("full", 300), ("delta", 6)]
    again = StoryClusterer.load(path, BagOfWords(256))
    assert again.stories() == fresh(articles(0, 306)).stories()
    again.add(articles(306, 309))
    again.save(path)
    assert [k for k, _ in segments(path)] == ["full", "delta", "delta"]
    assert StoryClusterer.load(path, BagOfWords(256)).stories() == fresh(articles(0, 309)).stories()


def test_the_same_clusterer_appends_at_every_save(tmp_path: Path) -> None:
    path = tmp_path / "state"
    clusterer = fresh(articles(0, 300))
    clusterer.save(path)
    before = path.read_bytes()
    clusterer.save(path)  # nothing touched: nothing written
    assert path.read_bytes() == before
    clusterer.add(articles(300, 303))
    clusterer.save(path)
    assert segments(path) == [("full", 300), ("delta", 3)]
    assert StoryClusterer.load(path, BagOfWords(256)).stories() == clusterer.stories()


def test_deltas_outweighing_the_full_segment_are_compacted(tmp_path: Path) -> None:
    path = tmp_path / "state"
    clusterer = fresh(articles(0, 30))
    clusterer.save(path)
    kinds = []
    for start in range(30, 150, 15):
        clusterer.add(articles(start, start + 15))
        clusterer.save(path)
        kinds.append(segments(path)[-1][0])
    assert "full" in kinds[1:] and "delta" in kinds
    assert [p.name for p in tmp_path.iterdir()] == ["state"]  # no .partial left behind
    assert StoryClusterer.load(path, BagOfWords(256)).stories() == fresh(articles(0, 150)).stories()


def test_saving_to_another_path_writes_it_whole(tmp_path: Path) -> None:
    clusterer = fresh(articles(0, 60))
    clusterer.save(tmp_path / "one")
    restored = StoryClusterer.load(tmp_path / "one", BagOfWords(256))
    restored.add(articles(60, 63))
    restored.save(tmp_path / "two")
    assert segments(tmp_path / "two") == [("full", 63)]
    assert StoryClusterer.load(tmp_path / "two", BagOfWords(256)).stories() == restored.stories()


@pytest.mark.parametrize("keep", [0.0, 0.01, 0.5, 0.99])
def test_a_torn_append_leaves_the_previous_state(tmp_path: Path, keep: float) -> None:
    path = tmp_path / "state"
    clusterer = fresh(articles(0, 120))
    clusterer.save(path)
    saved = clusterer.stories()
    size = path.stat().st_size
    clusterer.add(articles(120, 130))
    clusterer.save(path)
    whole = path.read_bytes()
    path.write_bytes(whole[: size + int((len(whole) - size) * keep)])  # killed mid-write
    restored = StoryClusterer.load(path, BagOfWords(256))
    assert restored.stories() == saved
    restored.add(articles(120, 130))  # the next append cuts the torn tail off first
    restored.save(path)
    assert segments(path) == [("full", 120), ("delta", 10)]
    assert StoryClusterer.load(path, BagOfWords(256)).stories() == fresh(articles(0, 130)).stories()


def test_a_corrupt_last_segment_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "state"
    clusterer = fresh(articles(0, 120))
    clusterer.save(path)
    saved = clusterer.stories()
    size = path.stat().st_size
    clusterer.add(articles(120, 130))
    clusterer.save(path)
    data = bytearray(path.read_bytes())
    data[size + (len(data) - size) // 2] ^= 0xFF  # a flipped byte inside the delta
    path.write_bytes(bytes(data))
    assert StoryClusterer.load(path, BagOfWords(256)).stories() == saved


def test_a_failed_rewrite_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state"
    fresh(articles(0, 60)).save(path)
    before = path.read_bytes()
    bigger = fresh(articles(0, 90))

    def broken(*args: object) -> list[bytes]:
        raise OSError("disk full")

    monkeypatch.setattr(storystate, "_segment", broken)
    with pytest.raises(OSError, match="disk full"):
        bigger.save(path)
    assert path.read_bytes() == before
    monkeypatch.undo()
    assert StoryClusterer.load(path, BagOfWords(256)).stories() == fresh(articles(0, 60)).stories()


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.npz"
    np.savez_compressed(old, meta=np.zeros(3))
    with pytest.raises(StoreError, match="not a version 3 state file"):
        read_state(old)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with pytest.raises(StoreError):
        read_state(empty)
    header_only = tmp_path / "header"
    header_only.write_bytes(MAGIC)
    with pytest.raises(StoreError, match="no complete segment"):
        read_state(header_only)
    with pytest.raises(StoreError, match="cannot read"):
        read_state(tmp_path / "absent")


def test_options_travel_with_the_state(tmp_path: Path) -> None:
    clusterer = StoryClusterer(BagOfWords(256), ClusterOptions(threshold=0.7, window_days=3))
    clusterer.add(articles(0, 9))
    clusterer.save(tmp_path / "state")
    assert StoryClusterer.load(tmp_path / "state", BagOfWords(256)).options == clusterer.options


def record(title_: str, *sentences: str) -> ArticleRecord:
    return ArticleRecord(title_, sentences, "outlet", "2024-01-01", Identity())


def test_title_and_summary_come_from_the_most_central_articles() -> None:
    pool = [  # ranked: most central first
        ("near", record("Near title", "Rebels shelled the port at dawn.", "Ten people died.")),
        ("mid", record("", "Rebels shelled the port at dawn, officials said.", "Ships left.")),
        ("far", record("Far title", "Far lead.", "Far second.")),
    ]
    assert title(pool) == "Near title"
    assert title(pool[1:2]) == ""
    # lead sentences first, by centrality; the near-copy of a chosen one is skipped
    assert summary(pool, 3, 0.6) == (
        ("Rebels shelled the port at dawn.", "near"),
        ("Far lead.", "far"),
        ("Ten people died.", "near"),
    )
    assert summary(pool, 3, 1.01)[1] == ("Rebels shelled the port at dawn, officials said.", "mid")


def test_a_story_is_titled_by_its_most_central_article() -> None:
    clusterer = StoryClusterer(BagOfWords(256), ClusterOptions(threshold=0.3))
    items = [
        StoryInput(
            f"a{n}",
            f"flood river town {extra} headline",
            f"Flood river town {extra}.",
            "2024-01-01",
            "o",
        )
        for n, extra in enumerate(["", "levee", "levee dam rain storm night"])
    ]
    clusterer.add(items)
    (story,) = clusterer.stories()
    assert story.title == "flood river town levee headline"


def test_an_article_record_round_trips() -> None:
    r = ArticleRecord("T", ("One.", "Two."), None, "2024-02", Identity(names=frozenset({"x"})))
    assert ArticleRecord.from_record(r.record()) == r


def test_a_file_another_writer_changed_is_rewritten_whole(tmp_path: Path) -> None:
    path = tmp_path / "state"
    fresh(articles(0, 300)).save(path)
    one = StoryClusterer.load(path, BagOfWords(256))
    two = StoryClusterer.load(path, BagOfWords(256))
    one.add(articles(300, 303))
    one.save(path)
    two.add(articles(303, 306))
    two.save(path)  # not appended after ``one``'s delta as if it were not there
    assert segments(path) == [("full", 303)]
    assert StoryClusterer.load(path, BagOfWords(256)).stories() == two.stories()
